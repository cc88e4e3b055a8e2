// The streaming standby the read-replica tests read from: a real one, made by
// scripts/standby.sh from the PostgreSQL server of TEST_DATABASE_URL (.ci/run starts it).
// It replays every database of that server, the test database too.
import pg from 'pg';

const WAIT_MS = 30_000;

/**
 * The test database on the standby: TEST_DATABASE_URL on the standby's host and port
 * (TEST_DATABASE_READ_URL's, or 127.0.0.1:5433). Null when no standby answers there — an
 * error instead when RIKTNING_REQUIRE_REPLICA=1, as in CI, so the tests fail rather than skip.
 */
export async function findStandby(): Promise<string | null> {
  const primary = process.env.TEST_DATABASE_URL;
  if (!primary) return null;
  const url = new URL(primary);
  const standby = new URL(process.env.TEST_DATABASE_READ_URL ?? 'postgres://127.0.0.1:5433');
  url.hostname = standby.hostname;
  url.port = standby.port;
  const answers = await inRecovery(url).catch(() => false);
  if (answers) return url.toString();
  if (process.env.RIKTNING_REQUIRE_REPLICA === '1') {
    throw new Error(
      `RIKTNING_REQUIRE_REPLICA=1 but no standby in recovery answers at ${url.host}: start it with scripts/standby.sh start.`,
    );
  }
  return null;
}

/** Whether the server at `url` is a standby (connecting to its `postgres` database). */
async function inRecovery(url: URL): Promise<boolean> {
  const server = new URL(url);
  server.pathname = '/postgres';
  return withClient(server.toString(), async (client) => {
    const { rows } = await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
    return rows[0]?.standby === true;
  });
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One value of one row of a query on the server at `url`. */
export async function valueAt<T>(url: string, text: string, values: unknown[] = []): Promise<T> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ value: T }>(text, values);
    return rows[0]?.value as T;
  });
}

/** Waits until the standby has the database and has replayed everything committed on the primary so far. */
export async function caughtUp(primaryUrl: string, standbyUrl: string): Promise<void> {
  const target = await valueAt<string>(primaryUrl, 'select pg_current_wal_lsn()::text as value');
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    // Before the database's creation is replayed, connecting to it is refused (3D000).
    const replayed = await valueAt<boolean>(standbyUrl, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as value', [
      target,
    ]).catch(() => false);
    if (replayed) return;
    if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${target} within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Holds the standby's replay where it is (it still receives WAL), until `resumeReplay`. */
export async function pauseReplay(standbyUrl: string): Promise<void> {
  await withClient(standbyUrl, async (client) => {
    await client.query('select pg_wal_replay_pause()');
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const { rows } = await client.query<{ state: string }>('select pg_get_wal_replay_pause_state() as state');
      if (rows[0]?.state === 'paused') return;
      if (Date.now() > deadline) throw new Error('the standby did not pause its replay');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
}

export async function resumeReplay(standbyUrl: string): Promise<void> {
  await withClient(standbyUrl, (client) => client.query('select pg_wal_replay_resume()'));
}
