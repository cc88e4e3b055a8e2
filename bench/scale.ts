// Scale benchmark: loads one organisation at the size the design promises (10,000 people,
// 1,000 units, ~40,000 objectives, 140,000 key results, 1,000,000 check-ins) plus a small
// second tenant, then times the main API requests against bare SQL doing the same work,
// and (on PostgreSQL) looks at the plans of the statements the API runs.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/riktning_bench npx tsx bench/scale.ts
//   npx tsx bench/scale.ts                  # in-memory PGlite at a tenth of the scale
//
// See bench/README.md for the settings and what the figures mean.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import { queryRows } from '../src/db/raw.ts';
import { apiTokens } from '../src/db/schema.ts';
import { hashSecret, newSecret } from '../src/app/auth/secrets.ts';
import { API_TOKEN_PREFIX } from '../src/app/auth/api-tokens.ts';
import { buildServer } from '../src/server/app.ts';
import { openBenchDatabase, type BenchDatabase } from './db.ts';
import { findLoadedOrg, loadOrg, planCycles, smallShape, targetShape, type LoadedOrg } from './load.ts';
import { buildCases, checkSameAnswers, findCursors, type Fixture } from './cases.ts';
import { buildRhythmCases, findRhythmFixture } from './cases-rhythm.ts';
import { formatMemory, formatTable, measure, type Timing } from './measure.ts';
import { explainCases, formatWarnings } from './explain.ts';
import { httpTransport, injectTransport, type ApiTransport } from './transport.ts';

interface Config {
  url: string | undefined;
  scale: number;
  runs: number;
  warmup: number;
  budgetMs: number;
  transport: 'inject' | 'http';
  timeoutMs: number;
  /** SQL run after the load, to try a candidate index without touching the schema. */
  trySql: string | undefined;
  /** Use the organisation an earlier run loaded into the same database instead of loading. */
  reuse: boolean;
  /** Time only the requests whose name matches this (case-insensitive regular expression). */
  only: RegExp | undefined;
}

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function readConfig(): Config {
  const url = process.env.BENCH_DATABASE_URL || undefined;
  const transport = process.env.BENCH_TRANSPORT ?? 'inject';
  if (transport !== 'inject' && transport !== 'http') throw new Error('BENCH_TRANSPORT must be "inject" or "http"');
  return {
    url,
    // PGlite is one in-process connection: a tenth of the scale keeps the run short.
    scale: numberFromEnv('BENCH_SCALE', url ? 1 : 0.1, 0.01, 2),
    runs: numberFromEnv('BENCH_RUNS', 40, 1, 10_000),
    warmup: numberFromEnv('BENCH_WARMUP', 5, 0, 1_000),
    budgetMs: numberFromEnv('BENCH_CASE_SECONDS', 30, 1, 600) * 1000,
    transport,
    timeoutMs: numberFromEnv('BENCH_TIMEOUT_MINUTES', 30, 1, 240) * 60_000,
    trySql: process.env.BENCH_TRY_SQL || undefined,
    reuse: process.env.BENCH_REUSE === '1',
    only: process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined,
  };
}

/** The script migrates the database itself, and refuses one that already holds data. */
async function assertEmpty(db: Db): Promise<void> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organizations`);
  if ((row?.n ?? 0) > 0)
    throw new Error('BENCH_DATABASE_URL must name an empty database: this one already has organisations');
}

async function createToken(db: Db, accountId: string): Promise<string> {
  const token = newSecret(API_TOKEN_PREFIX);
  await db.insert(apiTokens).values({ accountId, name: 'benchmark', tokenHash: hashSecret(token) });
  return token;
}

/** Both organisations in one transaction (the load is all or nothing), then fresh statistics. */
async function load(bench: BenchDatabase, scale: number): Promise<LoadedOrg> {
  const plan = planCycles(new Date());
  const started = performance.now();
  const big = await bench.db.transaction(async (tx) => {
    // Room for the sorts behind DISTINCT ON and row_number() over a million rows.
    await tx.execute(sql`set local work_mem = '256MB'`);
    const loaded = await loadOrg(tx, targetShape(scale), plan);
    await loadOrg(tx, smallShape, plan);
    return loaded;
  });
  const analyzeStarted = performance.now();
  await bench.db.execute(sql`vacuum analyze`);
  console.log(
    `  ${'vacuum analyze'.padEnd(44)} ${((performance.now() - analyzeStarted) / 1000).toFixed(1).padStart(6)} s`,
  );
  console.log(`Load took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return big;
}

const COUNTED_TABLES = [
  'organizations',
  'accounts',
  'memberships',
  'units',
  'unit_members',
  'cycles',
  'objectives',
  'alignments',
  'key_results',
  'check_ins',
  'activities',
  'audit_events',
  'outbox_messages',
];

async function printCounts(db: Db, orgId: string): Promise<void> {
  console.log(`${'table'.padEnd(14)} ${'rows'.padStart(10)} ${'big org'.padStart(10)}`);
  for (const table of COUNTED_TABLES) {
    const scoped =
      table === 'organizations' || table === 'accounts'
        ? sql`null::int`
        : sql`count(*) filter (where org_id = ${orgId})::int`;
    const [row] = await queryRows<{ total: number; big: number | null }>(
      db,
      sql`select count(*)::int as total, ${scoped} as big from ${sql.identifier(table)}`,
    );
    const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toLocaleString('en-US'));
    console.log(`${table.padEnd(14)} ${fmt(row?.total).padStart(10)} ${fmt(row?.big).padStart(10)}`);
  }
  console.log('');
}

/** The ids the requests need: a team with objectives, a busy key result, one to write to. */
async function findFixture(db: Db, loaded: LoadedOrg, token: string): Promise<Fixture> {
  const [row] = await queryRows<{ unit_id: string; hot_kr: string; write_kr: string }>(
    db,
    sql`
    with team as (select id from units where org_id = ${loaded.orgId} and name = 'Team 1.1')
    select (select id from team) as unit_id,
           (select k.id from key_results k join objectives o on o.id = k.objective_id
             where k.org_id = ${loaded.orgId} and o.level = 'organization' order by k.id limit 1) as hot_kr,
           (select k.id from key_results k join objectives o on o.id = k.objective_id
             where k.org_id = ${loaded.orgId} and o.unit_id = (select id from team) and o.cycle_id = ${loaded.activeQuarterId}
               and o.lifecycle = 'published' order by k.id limit 1) as write_kr`,
  );
  if (!row?.unit_id || !row.hot_kr || !row.write_kr) throw new Error('fixture rows not found');
  return {
    orgId: loaded.orgId,
    activeQuarterId: loaded.activeQuarterId,
    yearCycleId: loaded.yearCycleId,
    unitId: row.unit_id,
    hotKeyResultId: row.hot_kr,
    writeKeyResultId: row.write_kr,
    token,
  };
}

/** Other work on the machine shows up in the figures: say how busy it was. */
function loadAverage(): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(2));
  return `load average: ${one} (1 min), ${five} (5 min), ${fifteen} (15 min) on ${os.cpus().length} CPUs`;
}

async function describeEngine(bench: BenchDatabase): Promise<string> {
  const [row] = await queryRows<{ version: string }>(bench.db, sql`select version()`);
  const version = row?.version.split(' on ')[0] ?? '?';
  return bench.engine === 'postgres' ? `${version} (node-postgres pool)` : `PGlite in memory (${version})`;
}

export async function runScaleBenchmark(): Promise<void> {
  const config = readConfig();
  // Whatever happens, the benchmark ends: a hung query must not keep a CI job alive.
  const watchdog = setTimeout(() => {
    console.error(`Benchmark exceeded ${config.timeoutMs / 60_000} minutes; stopping.`);
    process.exit(2);
  }, config.timeoutMs);
  watchdog.unref();

  const bench = await openBenchDatabase(config.url);
  let api: ApiTransport | undefined;
  try {
    await bench.migrate();
    // Reusing skips the load, not the runs: earlier runs' check-ins and tokens stay in it.
    const reused = config.reuse
      ? await findLoadedOrg(bench.db, targetShape(config.scale), planCycles(new Date()))
      : null;
    if (!reused) await assertEmpty(bench.db);
    console.log(`Riktning scale benchmark — ${await describeEngine(bench)}, scale ${config.scale}`);
    console.log(
      `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB\n`,
    );

    if (reused) console.log('BENCH_REUSE: the organisation loaded by an earlier run\n');
    const loaded = reused ?? (await load(bench, config.scale));
    if (config.trySql) {
      console.log(`BENCH_TRY_SQL: ${config.trySql}\n`);
      await bench.db.execute(sql.raw(config.trySql));
      await bench.db.execute(sql`analyze`);
    }
    await printCounts(bench.db, loaded.orgId);
    console.log(formatMemory('after load'));

    const token = await createToken(bench.db, loaded.adminId);
    const fixture = await findFixture(bench.db, loaded, token);
    const app = await buildServer({ deps: { db: bench.db, now: () => new Date() }, logger: false });
    await app.ready();
    api = config.transport === 'http' ? await httpTransport(app, token) : injectTransport(app, token);

    const cases = [
      ...buildCases(bench.db, api, fixture, await findCursors(bench.db, api, fixture)),
      ...buildRhythmCases(bench.db, api, fixture, await findRhythmFixture(bench.db, fixture)),
    ].filter((c) => !config.only || config.only.test(c.name));
    await checkSameAnswers(cases);
    console.log('API and bare SQL return the same rows and figures for every read.\n');

    console.log(
      `Timing: API ${api.name}, as an org admin with a bearer token; ${config.warmup} warm-up, up to ${config.runs} runs or ${config.budgetMs / 1000} s per request; milliseconds.`,
    );
    const timings: Timing[] = [];
    for (const c of cases) timings.push(await measure(c, bench.recorder, config));
    console.log(`\n${formatTable(timings)}\n`);
    console.log(formatMemory('after the runs'));
    console.log(loadAverage());

    if (bench.pool) {
      console.log('\nEXPLAIN (ANALYZE, BUFFERS) of every statement each request runs:');
      console.log(`\n${formatWarnings(await explainCases(bench.pool, bench.recorder, cases))}`);
    } else {
      console.log('\n(EXPLAIN runs on PostgreSQL only: set BENCH_DATABASE_URL.)');
    }
  } finally {
    await api?.close();
    await bench.close();
    clearTimeout(watchdog);
  }
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  runScaleBenchmark().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
