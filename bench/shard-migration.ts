// `npx tsx bench/shard-migration.ts`: the sharding-ready keys (migration 0026 and what
// follows it) applied to a copy of a loaded database. Copies BENCH_DATABASE_URL (default
// riktning_bench, as bench/scale.ts loaded it; nothing may be connected to it) to
// BENCH_COPY_NAME (default riktning_shardcopy), counts every table's rows, runs the
// project's migrator on the copy, counts again, and prints the migration's time and both
// counts. The source is only read; the copy is left for a look and dropped by hand.
// Exits 1 when a row went missing (the audit log counted with the account events it moved
// to account_audit_events). Prints figures only; nothing fails on a slow figure.
import pg from 'pg';
import { openPostgres } from '../src/db/connect.ts';

const SOURCE_URL = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_bench');
const COPY_NAME = process.env.BENCH_COPY_NAME ?? 'riktning_shardcopy';

/** Rows moved from one table to another by the migration count for where they came from. */
const MOVED_TO: Record<string, string> = { account_audit_events: 'audit_events' };

function urlOf(database: string): string {
  const url = new URL(SOURCE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function copyDatabase(source: string): Promise<void> {
  await withClient('postgres', async (client) => {
    const exists = await client.query('select 1 from pg_database where datname = $1', [COPY_NAME]);
    if (exists.rowCount) throw new Error(`${COPY_NAME} exists already: drop it first (dropdb ${COPY_NAME})`);
    const started = performance.now();
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the source.
    await client.query(`create database ${pg.escapeIdentifier(COPY_NAME)} template ${pg.escapeIdentifier(source)}`);
    console.log(`copied ${source} to ${COPY_NAME} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
}

async function countRows(): Promise<Map<string, number>> {
  return withClient(COPY_NAME, async (client) => {
    const tables = await client.query<{ name: string }>(
      `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`,
    );
    const counts = new Map<string, number>();
    for (const { name } of tables.rows) {
      const result = await client.query<{ n: string }>(`select count(*) as n from ${pg.escapeIdentifier(name)}`);
      counts.set(name, Number(result.rows[0]?.n ?? 0));
    }
    return counts;
  });
}

async function appliedMigrations(): Promise<number> {
  return withClient(COPY_NAME, async (client) => {
    const result = await client.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
    return Number(result.rows[0]?.n ?? 0);
  });
}

/** Each table's count after, beside its count before; the rows that moved count where they came from. */
function compare(before: Map<string, number>, after: Map<string, number>): boolean {
  const movedInto = new Map<string, number>();
  for (const [to, from] of Object.entries(MOVED_TO)) movedInto.set(from, after.get(to) ?? 0);
  let kept = true;
  const fmt = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en-US'));
  console.log(`\n${'table'.padEnd(24)} ${'before'.padStart(11)} ${'after'.padStart(11)}`);
  for (const table of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(table);
    const is = after.get(table);
    const moved = movedInto.get(table) ?? 0;
    const note = moved ? ` (+${fmt(moved)} moved to ${Object.keys(MOVED_TO).find((t) => MOVED_TO[t] === table)})` : '';
    const lost = was !== undefined && (is ?? 0) + moved !== was;
    if (lost) kept = false;
    console.log(
      `${table.padEnd(24)} ${fmt(was).padStart(11)} ${fmt(is).padStart(11)}${note}${lost ? '  ROWS LOST' : ''}`,
    );
  }
  return kept;
}

async function main(): Promise<void> {
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(SOURCE_URL.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1, not ${SOURCE_URL.hostname}`);
  }
  await copyDatabase(SOURCE_URL.pathname.slice(1));
  const before = await countRows();
  const migrationsBefore = await appliedMigrations();
  const db = await openPostgres(urlOf(COPY_NAME), 2);
  const started = performance.now();
  try {
    await db.migrate();
  } finally {
    await db.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const migrationsAfter = await appliedMigrations();
  console.log(`migrations ${migrationsBefore} → ${migrationsAfter}, applied in ${seconds.toFixed(1)} s`);
  const kept = compare(before, await countRows());
  console.log(kept ? '\nevery row kept' : '\nrows went missing');
  console.log(`the copy stays: dropdb -h ${SOURCE_URL.hostname} -U postgres ${COPY_NAME}`);
  if (!kept) process.exitCode = 1;
}

await main();
