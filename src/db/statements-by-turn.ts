// Statements sent outside a transaction, asked for in the same turn of the event loop, go to
// PostgreSQL together: on one connection, in one write, as a pipeline (node-postgres's pipeline
// mode). A page's parts, and many callers at once under load, each ask for a statement in the
// same turn; sent one by one, each costs a write to the database's socket, which on the
// virtual machines measured takes 0.1–0.85 ms of the process's one thread (waking the
// server's process), more than most of these statements' own work. In a pipeline each
// statement keeps its own Sync: it runs, commits and fails on its own, exactly as it would
// alone, and its answer comes back to its own caller. A transaction takes a connection of its
// own (`connect()`) and is not touched.
import pg from 'pg';

/** Statements of one turn sent on one connection at most; more go on further connections, side by side. */
export const STATEMENTS_PER_WRITE = 16;

type QueryConfig = pg.QueryConfig | string;

interface Asked {
  config: QueryConfig;
  values: unknown[] | undefined;
  resolve: (result: pg.QueryResult) => void;
  reject: (error: unknown) => void;
}

/**
 * A pool whose connections are in pipeline mode and whose `query` (with a promise, as Drizzle
 * calls it) collects the statements of a turn and sends them together.
 */
export function poolSendingByTurn(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, pipeline: true });
  const original = pool.query as (...args: unknown[]) => unknown;
  const alone = (config: QueryConfig, values?: unknown[]) =>
    original.call(pool, config, values) as Promise<pg.QueryResult>;
  let turn: Asked[] | null = null;

  const sendTurn = (asked: Asked[]) => {
    turn = null;
    for (let start = 0; start < asked.length; start += STATEMENTS_PER_WRITE) {
      const group = asked.slice(start, start + STATEMENTS_PER_WRITE);
      const [only] = group;
      if (group.length === 1 && only) alone(only.config, only.values).then(only.resolve, only.reject);
      else void sendTogether(pool, group);
    }
  };

  const byTurn = (config: unknown, values?: unknown, callback?: unknown): unknown => {
    // Callbacks and query objects (node-postgres's own ways) go as they came.
    if (typeof values === 'function' || callback !== undefined || !isPlainQuery(config)) {
      return original.call(pool, config, values, callback);
    }
    return new Promise<pg.QueryResult>((resolve, reject) => {
      if (!turn) {
        turn = [];
        setImmediate(sendTurn, turn);
      }
      turn.push({ config, values: values as unknown[] | undefined, resolve, reject });
    });
  };
  pool.query = byTurn as pg.Pool['query'];
  return pool;
}

const isPlainQuery = (config: unknown): config is QueryConfig =>
  typeof config === 'string' ||
  (typeof config === 'object' && config !== null && typeof (config as { submit?: unknown }).submit !== 'function');

/** The group's statements on one connection, written at once; each caller gets its own answer. */
async function sendTogether(pool: pg.Pool, group: Asked[]): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    for (const asked of group) asked.reject(error);
    return;
  }
  // A connection lost meanwhile answers every statement sent on it with the error (node-postgres
  // does), and is then given back to be thrown away rather than used again.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  const stream = (client as unknown as { connection: { stream: Corkable } }).connection.stream;
  // Each statement's messages are written under a cork of their own; ours holds them all for one write.
  stream.cork();
  const answers = group.map((asked) => client.query(asked.config, asked.values).then(asked.resolve, asked.reject));
  stream.uncork();
  await Promise.all(answers);
  client.removeListener('error', onLost);
  client.release(lost);
}

interface Corkable {
  cork(): void;
  uncork(): void;
}
