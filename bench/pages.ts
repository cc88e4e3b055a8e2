// `npm run bench:pages`: the main pages as a browser loads them, then each page's whole set
// of API requests replayed under load. For each page Chromium (Debian's, driven by
// playwright-core; never downloads a browser) opens it signed in, scrolls to the bottom so
// that panels loaded when visible load too, and records every API request until the
// network is quiet. Then autocannon replays that set at 16 connections, each connection
// cycling through the page's requests in order, so pages per second = requests per second
// ÷ requests per page. Statements per page are counted on a second server in this process
// (the same code from src, its caches warm) over the same database.
//
// Against the product's scale data set in `riktning_bench` (bench/scale.ts loaded it; this
// script only adds two sessions, removed at the end) and a built server (`npm run build`):
// it starts dist/server/main.js itself unless BENCH_BASE_URL names one already running.
// With ../shared/perf and its database it also drives the bare server's matching pages.
// Prints figures only; nothing fails on a slow figure.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium, type Page, type Request } from 'playwright-core';
import { start, waitFor } from './processes.ts';
import { cookieOf, startSession, type Session } from './sessions.ts';
import { noteStreamingStandbys } from './standbys.ts';

const PRODUCT_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_bench';
const FLOOR_DB = process.env.BENCH_FLOOR_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_floor';
const PERF = path.resolve(process.env.BENCH_PERF_DIR ?? '../shared/perf');
const SERVER_JS = path.resolve(process.env.BENCH_SERVER_JS ?? 'dist/server/main.js');
const WEB_ROOT = path.resolve(process.env.RIKTNING_WEB_ROOT ?? 'dist/web');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const QUIET_MS = 700;

interface Fixture {
  org: string;
  quarter: string;
  admin: Session;
  member: Session;
  team: string;
  division: string;
  objective: string;
}

interface PageCase {
  name: string;
  who: 'admin' | 'member';
  path: string;
  floor?: 'org' | 'unit' | 'person';
}

interface Recorded {
  method: string;
  path: string;
  /** A batch's body: the reads it bundles (server/routes/batch.ts). */
  body?: string;
  status: number;
  bytes: number;
  wire: number;
}

interface Row {
  page: string;
  who: string;
  requests: number;
  statements: number | null;
  kb: number;
  wireKb: number;
  pagesPerSecond: number;
  p99: number;
  errors: number;
  floor: number | null;
}

async function makeFixture(client: pg.Client): Promise<Fixture> {
  const one = async (text: string, values: unknown[] = []) => {
    const row = (await client.query(text, values)).rows[0] as Record<string, unknown> | undefined;
    if (!row) throw new Error(`nothing found for: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
    return row;
  };
  const { id: org } = await one(
    'select o.id from organizations o order by (select count(*) from memberships m where m.org_id = o.id) desc limit 1',
  );
  const { id: quarter } = await one(
    "select id from cycles where org_id = $1 and parent_id is not null and status = 'active' order by starts_on limit 1",
    [org],
  );
  const { account_id: admin } = await one(
    "select account_id from memberships where org_id = $1 and role = 'admin' order by account_id limit 1",
    [org],
  );
  // A member of a team (not its lead) with objectives and key results of their own this quarter.
  const member = await one(
    `select um.account_id, um.unit_id, u.parent_id from unit_members um
       join memberships m on m.org_id = um.org_id and m.account_id = um.account_id and m.role = 'member'
       join units u on u.id = um.unit_id and u.parent_id is not null and u.archived_at is null
      where um.org_id = $1 and um.role = 'member'
        and exists (select 1 from objectives o where o.org_id = $1 and o.cycle_id = $2 and o.level = 'person'
                       and o.person_id = um.account_id and o.archived_at is null)
        and exists (select 1 from objectives o where o.org_id = $1 and o.cycle_id = $2 and o.level = 'unit'
                       and o.unit_id = um.unit_id and o.archived_at is null and o.lifecycle = 'published'
                       and o.visibility = 'public')
      order by um.account_id limit 1`,
    [org, quarter],
  );
  const { id: objective } = await one(
    `select id from objectives where org_id = $1 and cycle_id = $2 and level = 'unit' and unit_id = $3
        and archived_at is null and lifecycle = 'published' and visibility = 'public'
        and exists (select 1 from key_results k where k.org_id = $1 and k.objective_id = objectives.id)
      order by created_at, id limit 1`,
    [org, quarter, member.unit_id],
  );
  return {
    org: String(org),
    quarter: String(quarter),
    admin: await startSession(client, String(admin)),
    member: await startSession(client, String(member.account_id)),
    team: String(member.unit_id),
    division: String(member.parent_id),
    objective: String(objective),
  };
}

/** A page's reads: its GETs and its batches of GETs (a POST that only reads). */
const isRead = (r: Recorded) => r.method === 'GET' || (r.method === 'POST' && r.path === '/api/v1/batch');

/** The headers a read is sent with: the session, and for a batch its CSRF token and body type. */
const headersOf = (s: Session, r: Recorded): Record<string, string> => ({
  cookie: cookieOf(s),
  accept: 'application/json',
  ...(r.body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': s.csrf }),
});

/** The paths a batch bundles, to print under it. */
const partsOf = (r: Recorded): string[] =>
  r.body === undefined ? [] : (JSON.parse(r.body) as { requests: { path: string }[] }).requests.map((p) => p.path);

/** Every API request a page makes, and when its network has been quiet for QUIET_MS. */
class Recorder {
  readonly requests: Recorded[] = [];
  private readonly pending = new Set<Request>();
  private readonly reads: Promise<void>[] = [];
  private lastChange = Date.now();

  constructor(page: Page) {
    page.on('request', (request) => {
      this.pending.add(request);
      this.lastChange = Date.now();
    });
    page.on('requestfailed', (request) => this.end(request));
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) this.reads.push(this.keep(request, `${url.pathname}${url.search}`));
      this.end(request);
    });
  }

  private async keep(request: Request, at: string): Promise<void> {
    const response = await request.response();
    const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const sizes = await request.sizes();
    this.requests.push({
      method: request.method(),
      path: at,
      body: request.postData() ?? undefined,
      status: response?.status() ?? 0,
      bytes: body.length,
      wire: sizes.responseBodySize,
    });
  }

  private end(request: Request): void {
    this.pending.delete(request);
    this.lastChange = Date.now();
  }

  /**
   * Waits until no request has started or ended for QUIET_MS, counting from now at the
   * latest: after a scroll, what comes into view asks for its data only a frame later.
   */
  async quiet(timeoutMs = 60_000): Promise<void> {
    this.lastChange = Math.max(this.lastChange, Date.now());
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 || Date.now() - this.lastChange < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`the network did not go quiet within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(this.reads);
  }
}

/** Opens the page signed in, scrolls to its end until nothing more loads, and returns its API requests. */
async function record(base: string, session: Session, at: string): Promise<Recorded[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      baseURL: base,
      locale: 'sv-SE',
      viewport: { width: 1280, height: 800 },
    });
    await context.addCookies([
      { name: 'riktning_session', value: session.token, url: base },
      { name: 'riktning_csrf', value: session.csrf, url: base },
    ]);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  page error on ${at}: ${error.message}`));
    const recorder = new Recorder(page);
    await page.goto(at);
    await recorder.quiet();
    for (let i = 0; i < 10; i++) {
      const before = recorder.requests.length;
      const height = await page.evaluate(() => {
        const g = globalThis as unknown as {
          scrollTo(x: number, y: number): void;
          document: { documentElement: { scrollHeight: number } };
        };
        g.scrollTo(0, g.document.documentElement.scrollHeight);
        return g.document.documentElement.scrollHeight;
      });
      await recorder.quiet();
      const after = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
            .documentElement.scrollHeight,
      );
      if (recorder.requests.length === before && after === height) break;
    }
    await context.close();
    return recorder.requests;
  } finally {
    await browser.close();
  }
}

/** Each request alone, one after another, warm: the median of three, in ms. */
async function timeAlone(base: string, session: Session, requests: Recorded[]): Promise<number[]> {
  const once = async (r: Recorded) => {
    const t0 = performance.now();
    await (
      await fetch(base + r.path, { method: r.method, headers: headersOf(session, r), body: r.body })
    ).arrayBuffer();
    return performance.now() - t0;
  };
  const times: number[] = [];
  for (const r of requests) {
    await once(r);
    const runs = [await once(r), await once(r), await once(r)].sort((a, b) => a - b);
    times.push(runs[1] ?? 0);
  }
  return times;
}

/**
 * Waits until the database has no statement running (up to a minute): the server goes on
 * answering what a run left in flight after autocannon stops, which would slow the next page.
 */
async function settle(client: pg.Client): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()",
    );
    if ((rows[0] as { n: number }).n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The page's requests over and over at CONNECTIONS connections; pages per second. */
async function replay(base: string, session: Session, requests: Recorded[]) {
  const result = await autocannon({
    url: base,
    duration: SECONDS,
    connections: CONNECTIONS,
    // No accept-encoding, like the bare server's driver: neither side spends time compressing.
    requests: requests.map((r) => ({
      method: r.method as 'GET' | 'POST',
      path: r.path,
      headers: headersOf(session, r),
      ...(r.body === undefined ? {} : { body: r.body }),
    })),
  });
  return {
    pagesPerSecond: result.requests.total / requests.length / result.duration,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Statements per page on an in-process server over the same database, its caches warm. */
async function statementCounter() {
  const { openBenchDatabase } = await import('./db.ts');
  const { buildServer } = await import('../src/server/app.ts');
  const { createAppCaches } = await import('../src/app/caches.ts');
  const database = await openBenchDatabase(PRODUCT_DB);
  const app = await buildServer({ deps: { db: database.db, now: () => new Date(), caches: createAppCaches() } });
  return {
    async count(session: Session, requests: Recorded[]): Promise<number> {
      const run = async () => {
        for (const r of requests) {
          await app.inject({
            method: r.method as 'GET' | 'POST',
            url: r.path,
            headers: headersOf(session, r),
            ...(r.body === undefined ? {} : { payload: r.body }),
          });
        }
      };
      await run();
      return (await database.recorder.record(run)).statements.length;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The bare server's answer to the same page: one request, one statement. */
async function floorPagesPerSecond(base: string, kind: 'org' | 'unit' | 'person'): Promise<number> {
  let seed = 7;
  const int = (lo: number, hi: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return lo + Math.floor((seed / 0x7fffffff) * (hi - lo + 1));
  };
  const make = () =>
    kind === 'org'
      ? '/orgs/1/objectives?cycle=1'
      : kind === 'unit'
        ? `/units/${int(1, 1000)}/objectives?cycle=5`
        : `/people/${int(1, 10000)}/okrs?cycle=5`;
  const result = await autocannon({
    url: base,
    duration: SECONDS,
    connections: CONNECTIONS,
    requests: [{ setupRequest: (request: object) => ({ ...request, method: 'GET', path: make() }) }],
  });
  return result.requests.total / result.duration;
}

async function floorAvailable(): Promise<boolean> {
  if (process.env.BENCH_FLOOR === '0' || !existsSync(path.join(PERF, 'floor-server.mjs'))) return false;
  const client = new pg.Client(FLOOR_DB);
  try {
    await client.connect();
    await client.query('select 1 from floor.objective limit 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const f1 = (n: number) => n.toFixed(1);

function printTable(rows: Row[]): void {
  const header = [
    'page',
    'as',
    'requests',
    'statements',
    'KB JSON',
    'KB br',
    'pages/s',
    'p99 ms',
    'errors',
    'floor pages/s',
    'share',
  ];
  const cells = rows.map((r) => [
    r.page,
    r.who,
    String(r.requests),
    r.statements === null ? '—' : String(r.statements),
    f1(r.kb),
    f1(r.wireKb),
    f1(r.pagesPerSecond),
    String(r.p99),
    String(r.errors),
    r.floor === null ? '—' : f1(r.floor),
    r.floor === null ? '—' : `${f1((100 * r.pagesPerSecond) / r.floor)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: string[]) =>
    c.map((x, i) => (i < 2 ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found (Debian's chromium package)`);
  await noteStreamingStandbys(PRODUCT_DB);
  const client = new pg.Client(PRODUCT_DB);
  await client.connect();
  const children: ChildProcess[] = [];
  let fx: Fixture | undefined;
  try {
    fx = await makeFixture(client);
    const orgId = fx.org;
    let base = process.env.BENCH_BASE_URL;
    if (!base) {
      if (!existsSync(SERVER_JS)) throw new Error(`no built server at ${SERVER_JS}: run \`npm run build\` first`);
      if (!existsSync(path.join(WEB_ROOT, 'index.html'))) throw new Error(`no built web app in ${WEB_ROOT}`);
      const port = 22000 + Math.floor(Math.random() * 5000);
      children.push(
        start(process.execPath, [SERVER_JS], {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: PRODUCT_DB,
          RIKTNING_WEB_ROOT: WEB_ROOT,
          RIKTNING_DEMO: '0',
          LOG_LEVEL: 'warn',
          RIKTNING_JOB_POLL_MS: '3600000',
          NODE_ENV: 'production',
        }),
      );
      base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/healthz`);
    }
    let floorBase: string | null = null;
    if (await floorAvailable()) {
      const port = 27000 + Math.floor(Math.random() * 2000);
      children.push(
        start(process.execPath, [path.join(PERF, 'floor-server.mjs')], { PORT: String(port), DATABASE_URL: FLOOR_DB }),
      );
      floorBase = `http://127.0.0.1:${port}`;
      await waitFor(`${floorBase}/healthz`);
    }

    const org = `/orgs/${fx.org}`;
    const cases: PageCase[] = [
      { name: 'organisation home', who: 'admin', path: org, floor: 'org' },
      { name: 'unit page (team)', who: 'member', path: `${org}/units/${fx.team}`, floor: 'unit' },
      { name: 'unit page (division)', who: 'member', path: `${org}/units/${fx.division}`, floor: 'unit' },
      { name: 'My OKRs', who: 'member', path: `${org}/me`, floor: 'person' },
      { name: 'objective page', who: 'member', path: `${org}/objectives/${fx.objective}` },
    ].filter((c): c is PageCase => !ONLY || ONLY.test(c.name));

    console.log(
      `${base}, ${CONNECTIONS} connections, ${SECONDS} s per page; load ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    let counter: Awaited<ReturnType<typeof statementCounter>> | null = null;
    if (process.env.BENCH_STATEMENTS !== '0') counter = await statementCounter();
    const statementsOf = async (session: Session, r: Recorded) =>
      counter ? String(await counter.count(session, [r])) : '—';
    const recorded = new Map<string, Recorded[]>();
    for (const c of cases) {
      const requests = await record(base, fx[c.who], c.path);
      recorded.set(c.name, requests);
      const alone = await timeAlone(base, fx[c.who], requests);
      console.log(`\n${c.name} (${c.path}), as ${c.who}: status, KB, ms alone (warm, median of 3), statements (warm)`);
      for (const [i, r] of requests.entries()) {
        const at = r.path.replace(orgId, ':org');
        const statements = await statementsOf(fx[c.who], r);
        console.log(
          `  ${r.status} ${f1(r.bytes / 1024).padStart(6)} ${f1(alone[i] ?? 0).padStart(7)} ${statements.padStart(3)}  ${r.method} ${at}`,
        );
        for (const part of partsOf(r)) {
          const alonePart = await statementsOf(fx[c.who], {
            method: 'GET',
            path: `/api/v1${part}`,
            status: 0,
            bytes: 0,
            wire: 0,
          });
          console.log(`${' '.repeat(26)}${alonePart.padStart(3)}  · ${part.replace(orgId, ':org')}`);
        }
      }
    }

    const rows: Row[] = [];
    try {
      for (const c of cases) {
        const requests = (recorded.get(c.name) ?? []).filter(isRead);
        if (requests.length === 0) continue;
        const session = fx[c.who];
        const statements = counter ? await counter.count(session, requests) : null;
        await settle(client);
        const load = await replay(base, session, requests);
        await settle(client);
        const floor = floorBase && c.floor ? await floorPagesPerSecond(floorBase, c.floor) : null;
        rows.push({
          page: c.name,
          who: c.who,
          requests: requests.length,
          statements,
          kb: requests.reduce((s, r) => s + r.bytes, 0) / 1024,
          wireKb: requests.reduce((s, r) => s + r.wire, 0) / 1024,
          ...load,
          floor,
        });
      }
    } finally {
      await counter?.close();
    }
    console.log(
      `\nPer page: API requests, statements (in-process, caches warm), JSON bodies (KB JSON) and what the` +
        `\nbrowser received compressed (KB br); pages/s at ${CONNECTIONS} connections, each cycling through the page's` +
        `\nrequests; the bare server answers the same page in one request and one statement.\n`,
    );
    printTable(rows);
  } finally {
    for (const child of children) child.kill();
    if (fx) await client.query('delete from sessions where token_hash = any($1)', [[fx.admin.hash, fx.member.hash]]);
    await client.end();
  }
}

await main();
