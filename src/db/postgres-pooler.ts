// What the PostgreSQL connections may rely on, by what sits between them and the server
// (RIKTNING_DB_POOLER, docs/scaling.md). Straight to PostgreSQL a connection is a session of
// its own: its settings are given at start and the hot paths are prepared under a name, once
// per connection. Behind a transaction-mode pooler (PgBouncer's `pool_mode = transaction`)
// each transaction may run on another server connection, so nothing may outlive one: no
// startup settings (PgBouncer refuses them) and no named statements (prepared on one server
// connection, executed on another). Transaction-scoped locks are safe either way.
import type pg from 'pg';

/** `none`: connections go straight to PostgreSQL (or a session-mode pooler); `transaction`: through a transaction-mode pooler. */
export type DatabasePooler = 'none' | 'transaction';

/** RIKTNING_DB_POOLER's value, or undefined for one that names no pooler mode. */
export function databasePoolerOf(value: string | undefined): DatabasePooler | undefined {
  const mode = (value ?? '').trim();
  if (mode === '' || mode === 'none') return 'none';
  return mode === 'transaction' ? 'transaction' : undefined;
}

/** The process's RIKTNING_DB_POOLER; a value that names no mode stops the process, said in one sentence. */
export function databasePoolerFromEnv(env: NodeJS.ProcessEnv = process.env): DatabasePooler {
  const pooler = databasePoolerOf(env.RIKTNING_DB_POOLER);
  if (!pooler) {
    throw new Error(
      `RIKTNING_DB_POOLER: "${env.RIKTNING_DB_POOLER}" is not a pooler mode: use "transaction" behind PgBouncer's pool_mode = transaction, or leave it unset.`,
    );
  }
  return pooler;
}

/**
 * Per-connection settings, sent as startup options on a direct connection. The hot paths run
 * as named prepared statements (objective lists, check-ins) whose plans do not depend on their
 * parameters' values: plan them once per connection instead of again at every execution. No
 * JIT: it pays off for long analytical queries, while a whole-organisation page read (the
 * alignment map, a dashboard) would cross its cost threshold and spend a second compiling to
 * save milliseconds. Behind a pooler the same settings belong to the database
 * (`ALTER DATABASE … SET`) or the pooler's `connect_query`.
 */
const SESSION_OPTIONS = '-c plan_cache_mode=force_generic_plan -c jit=off';

/** Makes a new connection send every statement unnamed, whatever name the caller gave it. */
function sendUnnamed(client: pg.ClientBase): void {
  const query = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => query(unnamed(config), ...rest)) as pg.ClientBase['query'];
}

function unnamed(config: unknown): unknown {
  if (typeof config !== 'object' || config === null || !('name' in config) || !config.name) return config;
  return { ...config, name: undefined };
}

/** The node-postgres settings of a pool of connections to `connectionString` under `pooler`. */
export function connectionSettings(connectionString: string, pooler: DatabasePooler): pg.PoolConfig {
  return pooler === 'transaction'
    ? { connectionString, onConnect: sendUnnamed }
    : { connectionString, options: SESSION_OPTIONS };
}
