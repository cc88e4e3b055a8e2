#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL server, for the read-replica tests and for
# trying DATABASE_READ_URL (docs/scaling.md, "Read replica"):
#   scripts/standby.sh start    base backup of 127.0.0.1:5432, started on 127.0.0.1:5433;
#                               a standby already running there is reused
#   scripts/standby.sh stop     stops it and removes its directory
#   scripts/standby.sh status   exit 0 when it runs and is in recovery
# Settings: STANDBY_PORT (5433), STANDBY_DIR (/var/tmp/riktning-standby-$STANDBY_PORT),
# PRIMARY_HOST/PRIMARY_PORT (127.0.0.1:5432), STANDBY_TIMEOUT seconds for each wait (60).
# Run as root or as the postgres user: PostgreSQL runs as postgres, never as root. Every
# wait is bounded, and a failure prints the standby's log and exits non-zero.
set -euo pipefail

PORT="${STANDBY_PORT:-5433}"
DIR="${STANDBY_DIR:-/var/tmp/riktning-standby-$PORT}"
PRIMARY_HOST="${PRIMARY_HOST:-127.0.0.1}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
TIMEOUT="${STANDBY_TIMEOUT:-60}"
BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

fail() {
  echo "standby: $*" >&2
  [ -f "$DIR/log" ] && tail -n 30 "$DIR/log" >&2
  exit 1
}

# Whether a standby answers on the port and is replaying (not a promoted or other server).
in_recovery() {
  [ "$(psql -Atq -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" = t ]
}

# pg_basebackup connects for replication, which pg_hba.conf must allow from loopback.
allow_replication() {
  local hba
  hba="$(psql -Atq -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -c 'show hba_file')"
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
    echo 'host replication all 127.0.0.1/32 trust' >>"$hba"
    psql -Atq -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -c 'select pg_reload_conf()' >/dev/null
  fi
}

# A hot standby must allow at least as much as its primary of these.
primary_setting() {
  psql -Atq -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -c "show $1"
}

start() {
  if in_recovery; then
    # A test that stopped while it held the replay paused must not leave it so.
    psql -Atq -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'select pg_wal_replay_resume()' >/dev/null
    echo "standby: running on 127.0.0.1:$PORT"
    return
  fi
  pg_isready -q -h 127.0.0.1 -p "$PORT" && fail "port $PORT answers, but not as a standby"
  allow_replication
  # A directory left by a standby that stopped is stale: its WAL may be gone from the primary.
  if [ -d "$DIR/data" ] && as_postgres "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null
  fi
  rm -rf "$DIR"
  install -d -o postgres -g postgres -m 700 "$DIR"
  as_postgres timeout "$((TIMEOUT * 5))" "$BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres \
    -D "$DIR/data" -R -X stream --checkpoint=fast --no-sync ||
    fail "pg_basebackup from $PRIMARY_HOST:$PRIMARY_PORT failed"
  # Debian keeps the configuration outside the data directory: the standby gets its own.
  as_postgres tee "$DIR/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
hot_standby = on
hot_standby_feedback = on
shared_buffers = 16MB
max_connections = $(primary_setting max_connections)
max_worker_processes = $(primary_setting max_worker_processes)
max_wal_senders = $(primary_setting max_wal_senders)
max_locks_per_transaction = $(primary_setting max_locks_per_transaction)
max_prepared_transactions = $(primary_setting max_prepared_transactions)
archive_mode = off
fsync = off
logging_collector = off
EOF
  as_postgres tee "$DIR/data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
  # 9>&-: the server must not inherit (and so hold for its life) the lock below.
  as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t "$TIMEOUT" start >/dev/null 9>&- ||
    fail "the standby did not start on port $PORT"
  for _ in $(seq 1 "$TIMEOUT"); do
    if in_recovery; then
      echo "standby: started on 127.0.0.1:$PORT from $PRIMARY_HOST:$PRIMARY_PORT"
      return
    fi
    sleep 1
  done
  fail "the standby on port $PORT did not accept connections in recovery within ${TIMEOUT}s"
}

stop() {
  if [ -d "$DIR/data" ]; then
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t "$TIMEOUT" stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR" "$DIR.lock"
  echo "standby: stopped"
}

# One start or stop at a time: two CI runs may start it together, and the second reuses it.
exec 9>"$DIR.lock"
flock -w "$((TIMEOUT * 6))" 9 || fail "another start or stop of the standby on port $PORT did not finish"

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) in_recovery && echo "standby: running on 127.0.0.1:$PORT" || { echo "standby: not running on 127.0.0.1:$PORT"; exit 1; } ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
