#!/usr/bin/env bash
# A transaction-mode PgBouncer in front of the local PostgreSQL, as a background daemon, for
# the tests and CI (docs/scaling.md, "Connection pooler"):
#
#   scripts/pgbouncer.sh start   # starts it, or leaves the running one; prints its URL base
#   scripts/pgbouncer.sh stop    # stops it
#
# Settings (environment): PGBOUNCER_PORT (6432), PGBOUNCER_DIR (its config, pid and log;
# /tmp/riktning-pgbouncer-$PORT), PGBOUNCER_POOL_SIZE (server connections per database, 10),
# PGBOUNCER_SERVER (where PostgreSQL listens, host=127.0.0.1 port=5432).
set -euo pipefail

port="${PGBOUNCER_PORT:-6432}"
dir="${PGBOUNCER_DIR:-/tmp/riktning-pgbouncer-$port}"
pool_size="${PGBOUNCER_POOL_SIZE:-10}"
server="${PGBOUNCER_SERVER:-host=127.0.0.1 port=5432}"
pidfile="$dir/pgbouncer.pid"
bin="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"

running() { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  if running; then
    echo "postgres://postgres@127.0.0.1:$port"
    return
  fi
  [ -x "$bin" ] || { echo "pgbouncer is not installed (Debian: apt-get install pgbouncer)" >&2; exit 1; }
  mkdir -p "$dir"
  # Trust, as the local PostgreSQL does; PgBouncer still wants the user in its list.
  echo '"postgres" ""' >"$dir/userlist.txt"
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
; Any database name, so that the tests' databases of their own go through it too. The
; settings the application gives its direct connections at start, which PgBouncer cannot
; pass on, are given to each server connection here instead.
* = $server connect_query='set plan_cache_mode = force_generic_plan; set jit = off'

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
pool_mode = transaction
; Transaction mode hands a server connection on at each transaction's end: nothing to reset.
server_reset_query =
; Two server processes of 10 connections each and the test workers' pools wait for at most
; pool_size server connections per database (the PostgreSQL server is shared).
default_pool_size = $pool_size
max_client_conn = 400
; Server connections to a database that is no longer used (a test's, dropped) end soon.
server_idle_timeout = 20
autodb_idle_timeout = 60
; Sent by some drivers at start; PgBouncer otherwise refuses the connection.
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $pidfile
EOF
  # PgBouncer refuses to run as root: as root it takes the postgres user's identity.
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$dir"
    as=(-u postgres)
  fi
  "$bin" -d -q "${as[@]}" "$dir/pgbouncer.ini"
  for _ in $(seq 1 50); do
    if pg_isready -q -h 127.0.0.1 -p "$port" -d pgbouncer -U postgres; then
      echo "postgres://postgres@127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  echo "pgbouncer did not start on port $port; its log:" >&2
  cat "$dir/pgbouncer.log" >&2 || true
  exit 1
}

stop() {
  if running; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
