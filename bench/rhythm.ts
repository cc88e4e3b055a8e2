// One-off figures of a cycle's rhythm over a database the scale benchmark loaded (run
// bench/scale.ts on it first): that the feed, audit, My week, outbox and batch check-in
// requests send as many statements for a small page as for a full one; the audit log's
// CSV export streamed over HTTP (time, size, the process's peak RSS); and, with
// BENCH_CLOSE=1, closing the active quarter (this changes the data: use a copy).
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/riktning_bench npx tsx bench/rhythm.ts
//
// See bench/README.md.
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/raw.ts';
import { apiTokens } from '../src/db/schema.ts';
import { hashSecret, newSecret } from '../src/app/auth/secrets.ts';
import { API_TOKEN_PREFIX } from '../src/app/auth/api-tokens.ts';
import { buildServer } from '../src/server/app.ts';
import { openBenchDatabase, type BenchDatabase } from './db.ts';
import { findLoadedOrg, planCycles, targetShape } from './load.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Peak resident set size while `work` runs, sampled every 10 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

async function statementCount(bench: BenchDatabase, work: () => Promise<Response>): Promise<number> {
  const { result, statements } = await bench.recorder.record(work);
  if (!result.ok) throw new Error(`${result.status} ${(await result.text()).slice(0, 300)}`);
  await result.arrayBuffer();
  return statements.length;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL must name a database bench/scale.ts loaded');
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const bench = await openBenchDatabase(url);
  const db = bench.db;
  const loaded = await findLoadedOrg(db, targetShape(scale), planCycles(new Date()));
  if (!loaded) throw new Error('no loaded organisation: run bench/scale.ts on this database first');
  const token = newSecret(API_TOKEN_PREFIX);
  await db.insert(apiTokens).values({ accountId: loaded.adminId, name: 'benchmark', tokenHash: hashSecret(token) });
  const app = await buildServer({ deps: { db, now: () => new Date() }, logger: false });
  const base = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/v1`;
  const headers = { authorization: `Bearer ${token}` };
  const get = (path: string) => fetch(base + path, { headers });
  const org = `/orgs/${loaded.orgId}`;
  try {
    const [fx] = await queryRows<{ unit_id: string; owner_id: string; krs: string[] }>(
      db,
      sql`select (select id from units where org_id = ${loaded.orgId} and name = 'Team 1.1') as unit_id, k.owner_id,
                 (array_agg(k.id order by k.id))[1:3] as krs
            from key_results k join objectives o on o.id = k.objective_id
           where k.org_id = ${loaded.orgId} and o.cycle_id = ${loaded.activeQuarterId} and o.level = 'person'
             and o.lifecycle = 'published' and k.archived_at is null
           group by k.owner_id having count(*) >= 3 order by k.owner_id limit 1`,
    );
    if (!fx) throw new Error('fixture not found');

    // The token's first use writes its last-used time: one statement no later request sends.
    await (await get(`${org}/outbox?limit=1`)).arrayBuffer();
    console.log('Statements per request, a small page against a full one (an N+1 grows with the page):');
    const lists: [string, (limit: number) => string][] = [
      ['feed: organisation', (n) => `${org}/feed?limit=${n}`],
      ['feed: one unit', (n) => `${org}/feed?unitId=${fx.unit_id}&limit=${n}`],
      ['audit log: action filter', (n) => `${org}/audit-events?action=checkIn.create&limit=${n}`],
      ['My week (owner, quarter)', (n) => `${org}/key-results?ownerId=${fx.owner_id}&limit=${n}`],
      ['outbox', (n) => `${org}/outbox?limit=${n}`],
    ];
    for (const [name, path] of lists) {
      const small = await statementCount(bench, () => get(path(1)));
      const full = await statementCount(bench, () => get(path(100)));
      console.log(`  ${name.padEnd(28)} limit 1: ${small}   limit 100: ${full}`);
    }
    let value = 0;
    const batch = (n: number) => () =>
      fetch(`${base}${org}/check-ins`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          checkIns: fx.krs.slice(0, n).map((keyResultId) => ({ keyResultId, value: (value += 1), confidence: 6 })),
        }),
      });
    console.log(
      `  ${'batch check-in'.padEnd(28)} 1 item: ${await statementCount(bench, batch(1))}   3 items: ${await statementCount(bench, batch(3))}`,
    );

    console.log('\nCSV export of the audit log, streamed over HTTP (rss sampled every 10 ms):');
    const exports: [string, string][] = [
      ['action=objective.create', '?action=objective.create'],
      ['action=keyResult.create', '?action=keyResult.create'],
      ['everything', ''],
    ];
    for (const [name, query] of exports) {
      const started = performance.now();
      let firstByte = 0;
      const { result, before, peak } = await peakRss(async () => {
        const { result: counted, statements } = await bench.recorder.record(async () => {
          const response = await get(`${org}/audit-events.csv${query}`);
          if (!response.ok || !response.body) throw new Error(`export: ${response.status}`);
          let bytes = 0;
          let lines = 0;
          // Read and drop each chunk: the client keeps nothing, so growth is the server's.
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            if (!firstByte) firstByte = performance.now() - started;
            bytes += chunk.byteLength;
            for (const byte of chunk) if (byte === 10) lines += 1;
          }
          return { bytes, lines };
        });
        return { ...counted, statements: statements.length };
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  ${name.padEnd(24)} ${(result.lines - 1).toLocaleString('en-US').padStart(9)} rows ${mb(result.bytes).padStart(7)} ` +
          `${seconds.toFixed(1).padStart(5)} s (first byte ${firstByte.toFixed(0)} ms, ` +
          `${Math.round((result.lines - 1) / seconds).toLocaleString('en-US')} rows/s) ${String(result.statements).padStart(5)} statements; ` +
          `rss ${mb(before)} → peak ${mb(peak)}`,
      );
    }

    if (process.env.BENCH_CLOSE === '1') {
      const [cycle] = await queryRows<{ version: number; objectives: number; key_results: number }>(
        db,
        sql`select c.version,
                   (select count(*)::int from objectives where cycle_id = c.id and archived_at is null) as objectives,
                   (select count(*)::int from key_results k join objectives o on o.id = k.objective_id
                     where o.cycle_id = c.id and k.archived_at is null and o.archived_at is null) as key_results
              from cycles c where c.id = ${loaded.activeQuarterId}`,
      );
      if (!cycle) throw new Error('no active quarter');
      console.log(
        `\nClosing the active quarter (${cycle.objectives.toLocaleString('en-US')} objectives, ${cycle.key_results.toLocaleString('en-US')} key results):`,
      );
      const closeStarted = performance.now();
      const closed = await peakRss(() =>
        bench.recorder.record(async () => {
          const response = await fetch(`${base}/cycles/${loaded.activeQuarterId}/close`, {
            method: 'POST',
            headers: { ...headers, 'if-match': `"${cycle.version}"` },
          });
          const body = (await response.json()) as { scored?: unknown };
          if (response.status !== 200) throw new Error(`close: ${response.status} ${JSON.stringify(body)}`);
          return body.scored;
        }),
      );
      console.log(
        `  ${((performance.now() - closeStarted) / 1000).toFixed(2)} s, ${closed.result.statements.length} statements, ` +
          `scored ${JSON.stringify(closed.result.result)}; rss ${mb(closed.before)} → peak ${mb(closed.peak)}`,
      );
    }
  } finally {
    await app.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
