// `npm run bench:throughput`: the product against the bare server of ../shared/perf in one
// run, on the same five scenarios at the same concurrency, alternately (floor, product,
// floor, product), and a table of both with the product's share of the floor. The map is
// timed twice more: in one request (the web app's map), and paged through the objectives
// list as ../shared/perf's driver pages it, with what that client takes at most.
//
// Needs the floor's database (`../shared/perf/load.sh`) and the product's scale data set
// in `riktning_bench` (`BENCH_DATABASE_URL=… BENCH_ONLY='^no request$' npx tsx bench/scale.ts`),
// and a built server (`npm run build`). Prints figures; fails only when it cannot run.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { start, waitFor } from './processes.ts';
import { noteStreamingStandbys } from './standbys.ts';

const PERF = path.resolve(process.env.BENCH_PERF_DIR ?? '../shared/perf');
const PRODUCT_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_bench';
const FLOOR_DB = process.env.BENCH_FLOOR_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_floor';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// The product's topology (docs/scaling.md): how many server processes share the load (each
// on its own port, autocannon spreading its connections over them), and the database they
// reach — directly, or through PgBouncer with RIKTNING_DB_POOLER and DATABASE_READ_URL set
// in the environment, which the processes inherit. The fixture is always made directly.
const PROCESSES = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 1));
const SERVER_DB = process.env.BENCH_SERVER_DATABASE_URL ?? PRODUCT_DB;

interface Fixture {
  org: string;
  year: string;
  quarter: string;
  token: string;
  units: string[];
  people: string[];
  keyResults: string[];
}

/** An admin's API token and the ids the scenarios pick from, as make-fixture.sh makes them. */
async function makeFixture(): Promise<Fixture> {
  const client = new pg.Client(PRODUCT_DB);
  await client.connect();
  try {
    const one = async (text: string, values: unknown[] = []) =>
      ((await client.query(text, values)).rows[0] ?? {}) as Record<string, unknown>;
    const { id: org } = await one(
      'select o.id from organizations o order by (select count(*) from memberships m where m.org_id = o.id) desc limit 1',
    );
    if (typeof org !== 'string') throw new Error(`no organisation in ${PRODUCT_DB}: load it with bench/scale.ts`);
    const { account_id: admin } = await one(
      "select account_id from memberships where org_id = $1 and role = 'admin' limit 1",
      [org],
    );
    const { id: year } = await one(
      'select id from cycles where org_id = $1 and parent_id is null order by starts_on desc limit 1',
      [org],
    );
    const { id: quarter } = await one(
      "select id from cycles where org_id = $1 and parent_id is not null and status = 'active' limit 1",
      [org],
    );
    const token = `rkt_bench${randomBytes(16).toString('hex')}`;
    await client.query('insert into api_tokens (account_id, name, token_hash) values ($1, $2, $3)', [
      admin,
      'throughput bench',
      createHash('sha256').update(token).digest('hex'),
    ]);
    const ids = async (text: string) => (await client.query(text, [org, quarter])).rows.map((r) => String(r.id));
    return {
      org,
      year: String(year),
      quarter: String(quarter),
      token,
      units: await ids(
        "select distinct unit_id as id from objectives where org_id = $1 and cycle_id = $2 and level = 'unit' limit 1000",
      ),
      people: await ids(
        "select distinct person_id as id from objectives where org_id = $1 and cycle_id = $2 and level = 'person' limit 10000",
      ),
      keyResults: await ids(`select k.id from key_results k join objectives o on o.id = k.objective_id
        where o.org_id = $1 and o.cycle_id = $2 and o.level = 'person' and k.metric <> 'milestone'
          and k.archived_at is null and o.archived_at is null limit 2000`),
    };
  } finally {
    await client.end();
  }
}

/** The same pseudo-random sequence as the floor's driver, so both pick alike. */
function picker() {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  return <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
}

interface Result {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

type RequestShape = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

async function drive(base: string[], scenario: string, make: () => RequestShape, heavy = false): Promise<Result> {
  const result = await autocannon({
    // autocannon takes several addresses and spreads the connections over them (its README),
    // though its types name one.
    url: base as unknown as string,
    duration: heavy ? Math.max(5, SECONDS / 2) : SECONDS,
    connections: heavy ? 4 : CONNECTIONS,
    requests: [{ setupRequest: (request: object) => ({ ...request, ...make() }) }],
  });
  return {
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** The product's requests for the floor's five scenarios, as the web app asks for those pages. */
async function productRound(base: string[], fx: Fixture): Promise<Result[]> {
  const pick = picker();
  // No accept-encoding, like the floor's driver: neither side spends time compressing.
  const auth = { authorization: `Bearer ${fx.token}`, accept: 'application/json' };
  const objectives = (query: Record<string, string>) =>
    `/api/v1/orgs/${fx.org}/objectives?${new URLSearchParams({ ...query, limit: '200' })}`;
  const get = (p: string): RequestShape => ({ method: 'GET', path: p, headers: auth });
  return [
    await drive(base, 'org home', () => get(objectives({ cycleId: fx.year, level: 'organization' }))),
    await drive(base, 'unit page', () =>
      get(objectives({ cycleId: fx.quarter, level: 'unit', unitId: pick(fx.units) })),
    ),
    await drive(base, 'my OKRs', () =>
      get(objectives({ cycleId: fx.quarter, level: 'person', personId: pick(fx.people) })),
    ),
    await drive(base, 'map', () => get(`/api/v1/orgs/${fx.org}/map?cycleId=${fx.quarter}`), true),
    await drive(base, 'check-in', () => ({
      method: 'POST',
      path: `/api/v1/key-results/${pick(fx.keyResults)}/check-ins`,
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ value: Math.floor(Math.random() * 300), confidence: 5, note: 'bench' }),
    })),
  ];
}

/** The floor's own driver and map timing, read from their JSON lines. */
async function floorRound(base: string): Promise<Result[]> {
  const names: Record<string, string> = {
    'org home (org objectives, year)': 'org home',
    'unit page': 'unit page',
    'my OKRs': 'my OKRs',
    'map throughput (one quarter, ~10k objectives)': 'map',
    'check-in write': 'check-in',
  };
  const lines = await output(process.execPath, [
    path.join(PERF, 'bench.mjs'),
    base,
    String(SECONDS),
    String(CONNECTIONS),
  ]);
  return lines.flatMap((line) => {
    const r = JSON.parse(line) as Result;
    const scenario = names[r.scenario];
    return scenario ? [{ ...r, scenario }] : [];
  });
}

/** The whole quarter's map in one request, best of three: objectives in it and per second. */
async function timeMap(url: string, headers: Record<string, string>): Promise<{ count: number; perSecond: number }> {
  let best = { count: 0, perSecond: 0 };
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const body = (await (await fetch(url, { headers })).json()) as unknown;
    // The product answers { objectives }, the bare server { items } (an array in its first version).
    const shaped = body as { objectives?: unknown[]; items?: unknown[] };
    const list = Array.isArray(body) ? body : (shaped.objectives ?? shaped.items ?? []);
    const perSecond = Math.round(list.length / ((performance.now() - t0) / 1000));
    if (perSecond > best.perSecond) best = { count: list.length, perSecond };
  }
  return best;
}

/**
 * The quarter paged through the objectives list as ../shared/perf's driver pages it (200
 * full objectives a page, Node's fetch, which asks for gzip), p50 of three, in objectives
 * per second; and the same pages, gzipped once, sent again by a bare node:http server that
 * does nothing else: what that client itself can take, whatever the server.
 */
async function timePagedList(base: string, fx: Fixture): Promise<{ perSecond: number; ceiling: number }> {
  const headers = { authorization: `Bearer ${fx.token}`, accept: 'application/json' };
  const first = `/api/v1/orgs/${fx.org}/objectives?${new URLSearchParams({ cycleId: fx.quarter, limit: '200' })}`;
  const pages: string[] = [];
  const page = async (url: string) => (await (await fetch(url, { headers })).json()) as PagedList;
  const product = await pagedRuns(async () => {
    let count = 0;
    pages.length = 0;
    for (let cursor = ''; ;) {
      const body = await page(`${base}${first}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      pages.push(JSON.stringify(body));
      count += body.items.length;
      if (!body.nextCursor) return count;
      cursor = body.nextCursor;
    }
  });
  const zipped = pages.map((text) => gzipSync(text));
  const bare = createServer((request, response) => {
    const body = zipped[Number(request.url?.slice(1))] ?? gzipSync('{"items":[],"nextCursor":null}');
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const { port } = bare.address() as AddressInfo;
  try {
    const ceiling = await pagedRuns(async () => {
      let count = 0;
      for (let i = 0; i < zipped.length; i++) count += (await page(`http://127.0.0.1:${port}/${i}`)).items.length;
      return count;
    });
    return { perSecond: product, ceiling };
  } finally {
    bare.close();
  }
}

interface PagedList {
  items: unknown[];
  nextCursor: string | null;
}

/** Objectives per second of `run` (which answers how many it read), the middle of three runs. */
async function pagedRuns(run: () => Promise<number>): Promise<number> {
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const count = await run();
    rates.push(Math.round(count / ((performance.now() - t0) / 1000)));
  }
  return rates.sort((a, b) => a - b)[1] ?? 0;
}

function output(command: string, args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(text.split('\n').filter((l) => l.startsWith('{')))
        : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(PERF, 'floor-server.mjs'))) throw new Error(`no bare server in ${PERF}`);
  if (!existsSync('dist/server/main.js')) throw new Error('no built server: run `npm run build` first');
  await noteStreamingStandbys(PRODUCT_DB);
  const fx = await makeFixture();
  const floorPort = 21000 + Math.floor(Math.random() * 5000);
  const productPort = floorPort + 5000;
  const floor = start(process.execPath, [path.join(PERF, 'floor-server.mjs')], {
    PORT: String(floorPort),
    DATABASE_URL: FLOOR_DB,
  });
  const productPorts = Array.from({ length: PROCESSES }, (_, i) => productPort + i);
  const products = productPorts.map((port) =>
    start(process.execPath, ['dist/server/main.js'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: SERVER_DB,
      RIKTNING_DEMO: '0',
      LOG_LEVEL: 'warn',
      RIKTNING_JOB_POLL_MS: '3600000',
      NODE_ENV: 'production',
    }),
  );
  try {
    const floorBase = `http://127.0.0.1:${floorPort}`;
    const productBases = productPorts.map((port) => `http://127.0.0.1:${port}`);
    const productBase = productBases[0] as string;
    await Promise.all([floorBase, ...productBases].map((base) => waitFor(`${base}/healthz`)));
    console.log(
      `product: ${PROCESSES} process(es) on ${SERVER_DB.replace(/\/\/[^@]*@/, '//')}` +
        (process.env.DATABASE_READ_URL ? `, reads that may lag on ${process.env.DATABASE_READ_URL}` : '') +
        (process.env.RIKTNING_DB_POOLER ? `, pooler mode ${process.env.RIKTNING_DB_POOLER}` : ''),
    );
    const best = { floor: new Map<string, Result>(), product: new Map<string, Result>() };
    const keep = (side: Map<string, Result>, results: Result[]) => {
      for (const r of results) if ((side.get(r.scenario)?.rps ?? -1) < r.rps) side.set(r.scenario, r);
    };
    let floorMap = { count: 0, perSecond: 0 };
    let productMap = { count: 0, perSecond: 0 };
    let paged = { perSecond: 0, ceiling: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round} of ${ROUNDS}…`);
      keep(best.floor, await floorRound(floorBase));
      const floorTimed = await timeMap(`${floorBase}/orgs/1/map?cycle=5`, {});
      if (floorTimed.perSecond > floorMap.perSecond) floorMap = floorTimed;
      keep(best.product, await productRound(productBases, fx));
      const productTimed = await timeMap(`${productBase}/api/v1/orgs/${fx.org}/map?cycleId=${fx.quarter}`, {
        authorization: `Bearer ${fx.token}`,
      });
      if (productTimed.perSecond > productMap.perSecond) productMap = productTimed;
      const pagedTimed = await timePagedList(productBase, fx);
      if (pagedTimed.perSecond > paged.perSecond) paged = pagedTimed;
    }
    // The map scenario's quarters differ in size (the floor's ~10k objectives, the product's
    // ~31k), so it is compared in objectives per second; the others in requests per second.
    const perRequest = (scenario: string, side: 'floor' | 'product') =>
      scenario === 'map' ? (side === 'floor' ? floorMap.count : productMap.count) : 1;
    const rows = [...best.floor.keys()].map((scenario) => {
      const f = best.floor.get(scenario) as Result;
      const p = best.product.get(scenario);
      const floorRate = f.rps * perRequest(scenario, 'floor');
      const productRate = (p?.rps ?? 0) * perRequest(scenario, 'product');
      return {
        scenario,
        unit: scenario === 'map' ? 'objectives/s' : 'req/s',
        floor: floorRate,
        'floor p99 ms': f.p99,
        product: productRate,
        'product p99 ms': p?.p99 ?? 0,
        'product errors': p?.errors ?? 0,
        share: `${((100 * productRate) / Math.max(1, floorRate)).toFixed(1)} %`,
      };
    });
    console.table(rows);
    console.log(
      `map, one request for the quarter at a time: floor ${floorMap.perSecond} objectives/s (${floorMap.count}), ` +
        `product ${productMap.perSecond} objectives/s (${productMap.count}) → ` +
        `${((100 * productMap.perSecond) / Math.max(1, floorMap.perSecond)).toFixed(1)} %`,
    );
    console.log(
      `map, paged through the objectives list as ../shared/perf's driver pages it: product ${paged.perSecond} ` +
        `objectives/s (${((100 * paged.perSecond) / Math.max(1, floorMap.perSecond)).toFixed(1)} % of the floor's map); ` +
        `the same pages from a bare server that only sends them: ${paged.ceiling} objectives/s ` +
        `(${((100 * paged.ceiling) / Math.max(1, floorMap.perSecond)).toFixed(1)} %), the most that client takes`,
    );
  } finally {
    floor.kill();
    for (const product of products) product.kill();
  }
}

await main();
