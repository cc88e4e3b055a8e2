// `npm run bench:map`: the alignment map at scale. Prints:
//
// (a) Node: building the graph and laying it out (dagre for a small map, the layered
//     layout above DAGRE_MAX), and laid out grouped by strategy theme, for synthetic
//     organisations of 600, 2,000 and 31,000 objectives, median of 5 runs (the page does
//     this in a Web Worker).
// (b) The map request at full scale: `GET /api/v1/orgs/{org}/map?cycleId=…` of the real
//     server (a child process, `src/server/main.ts`) over the loaded `riktning_bench`
//     database (bench/scale.ts), as an admin with the bearer token of a fixture
//     (../shared/perf/make-fixture.sh), against the bare server's map of the same quarter
//     (../shared/perf/floor-server.mjs over `riktning_floor`): objectives per second, the
//     median of 3 requests each, alternately, with the headers of Node's fetch as the
//     floor's own `map-floor.mjs` sends them; and the product again with the browser's
//     `Accept-Encoding: br` (what the page receives).
// (c) Chromium (Debian's, never downloaded): click on "Alignment map" in the navigation
//     to the map drawn, over that server and database, median of 3 fresh pages, with the
//     number of map requests and the longest main-thread task in between.
//
// Without the database or the fixture, (b) is skipped and (c) runs over the demo server
// (src/web/e2e/harness.ts) with the map answered by `page.route` from the synthetic
// 31,000 objectives. Build the web app first (`npm run build`, or RIKTNING_WEB_ROOT).
// Short by design (a few requests and three page loads): it never loads the machine for long.
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/riktning_bench),
// BENCH_MAP_FIXTURE (default /tmp/fx.json), FLOOR_DIR (default ../shared/perf),
// FLOOR_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/riktning_floor).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { chromium, type Page } from 'playwright-core';
import type { AlignmentMap, MapObjective, MapUnit } from '../src/web/api/types.ts';
import { buildGraph } from '../src/web/pages/map/map-graph.ts';
import { DAGRE_MAX, layoutInput } from '../src/web/pages/map/layout-input.ts';
import { layout } from '../src/web/pages/map/map-layout.ts';
import {
  browserAvailable,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  newPage,
  signIn,
  startHarness,
} from '../src/web/e2e/harness.ts';

const STATUSES = ['on_track', 'on_track', 'at_risk', 'off_track'] as const;
const FLOOR_OBJECTIVES_PER_SECOND_README = 59_000;

/** A deterministic pseudo-random sequence, so every run measures the same graph. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const uuid = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

/**
 * A synthetic organisation shaped like bench/scale.ts's: 12 organisation objectives; 10
 * divisions × 10 departments × 9 teams with 3 objectives each (as far as `total` allows);
 * the rest individual objectives. Each layer supports the one above, now and then across
 * divisions; most people support a team objective. Five strategy themes: ten of the
 * organisation objectives serve one or two, and a third of the team objectives that support
 * nothing serve one.
 */
export function syntheticMap(cycleId: string, total: number): AlignmentMap {
  const rnd = random(42);
  const units: MapUnit[] = [];
  const addUnit = (parentId: string | null, name: string) => {
    const unit = { id: uuid(1, units.length + 1), parentId, name };
    units.push(unit);
    return unit;
  };
  const objectives: MapObjective[] = [];
  const add = (level: MapObjective['level'], ownerName: string, unitId: string | null, supports: string[]) => {
    const n = objectives.length + 1;
    const objective: MapObjective = {
      id: uuid(2, n),
      title: `Objective ${n}: grow what matters for ${ownerName}`,
      level,
      unitId,
      personId: level === 'person' ? uuid(4, n) : null,
      ownerName,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)] ?? 'on_track',
      progress: Math.round(rnd() * 100) / 100,
      supports,
    };
    objectives.push(objective);
    return objective;
  };
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const unitBudget = Math.floor(total / 10);
  const themes = ['Growth', 'Customers', 'Sustainability', 'People', 'Efficiency'].map((name, i) => ({
    id: uuid(5, i + 1),
    name,
  }));
  const org = Array.from({ length: 12 }, () => add('organization', 'Synthetic AB', null, []));
  org.slice(0, 10).forEach((o, i) => (o.themeIndexes = i % 3 === 0 && i % 5 < 4 ? [i % 5, 4] : [i % 5]));
  const teamObjectives: MapObjective[] = [];
  const divisionObjectives: MapObjective[][] = [];
  for (let d = 0; d < 10 && objectives.length < unitBudget; d++) {
    const division = addUnit(null, `Division ${d + 1}`);
    const dObjs = Array.from({ length: 3 }, () =>
      add('unit', division.name, division.id, rnd() < 0.3 ? [pick(org).id, pick(org).id] : [pick(org).id]),
    );
    divisionObjectives.push(dObjs);
    for (let p = 0; p < 10 && objectives.length < unitBudget; p++) {
      const department = addUnit(division.id, `Department ${d + 1}.${p + 1}`);
      const pObjs = Array.from({ length: 3 }, () => {
        const supports = [pick(dObjs).id];
        // Horizontal alignment: now and then a department supports another division too.
        if (rnd() < 0.1 && divisionObjectives.length > 1) supports.push(pick(pick(divisionObjectives)).id);
        return add('unit', department.name, department.id, supports);
      });
      for (let t = 0; t < 9 && objectives.length < unitBudget; t++) {
        const team = addUnit(department.id, `Team ${d + 1}.${p + 1}.${t + 1}`);
        for (let o = 0; o < 3; o++) {
          const objective = add('unit', team.name, team.id, rnd() < 0.85 ? [pick(pObjs).id] : []);
          if (objective.supports.length === 0 && rnd() < 0.33) objective.themeIndexes = [Math.floor(rnd() * 5)];
          teamObjectives.push(objective);
        }
      }
    }
  }
  let person = 0;
  while (objectives.length < total) {
    person += 1;
    add('person', `Person ${person}`, null, rnd() < 0.9 ? [pick(teamObjectives).id] : []);
  }
  return { cycleId, parentCycleId: null, themes, objectives, units };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function measureLayout(total: number) {
  const map = syntheticMap(uuid(3, 1), total);
  const builds: number[] = [];
  const layouts: number[] = [];
  const grouped: number[] = [];
  let nodes = 0;
  let edges = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const graph = buildGraph(map.objectives, map.units, { folded: new Set() });
    const input = layoutInput(graph, map.units);
    const t1 = performance.now();
    layout(input);
    layouts.push(performance.now() - t1);
    builds.push(t1 - t0);
    const t2 = performance.now();
    layout(layoutInput(graph, map.units, map.themes.length));
    grouped.push(performance.now() - t2);
    nodes = graph.nodes.length;
    edges = graph.edges.length;
  }
  const how = nodes <= DAGRE_MAX ? 'dagre' : 'layered';
  console.log(
    `  ${total.toLocaleString('en')} objectives (${edges.toLocaleString('en')} links): graph ${ms(median(builds))}, ` +
      `${how} layout ${ms(median(layouts))}, grouped by theme ${ms(median(grouped))}`,
  );
}

interface Fixture {
  org: string;
  q4: string;
  token: string;
}

/** Starts a server process and waits for its health check; stopped with its process group. */
async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, base: string, cwd?: string) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, detached: true, stdio: 'ignore' });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`${command} did not answer on ${base}`);
}

const freePort = () => 20_000 + Math.floor(Math.random() * 20_000);

/** One request for the whole map; its time and the objectives it held. */
async function timeMap(url: string, headers: Record<string, string>) {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  const body = (await response.json()) as { objectives?: unknown[]; items?: unknown[] } | unknown[];
  const time = performance.now() - t0;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  const count = Array.isArray(body) ? body.length : (body.objectives ?? body.items ?? []).length;
  return { time, count, encoding: response.headers.get('content-encoding') ?? 'identity' };
}

async function compareWithFloor(product: string, fixture: Fixture, floorDir: string): Promise<void> {
  const floorPort = freePort();
  const floorBase = `http://127.0.0.1:${floorPort}`;
  const floor = await startProcess(
    'node',
    [path.join(floorDir, 'floor-server.mjs')],
    {
      PORT: String(floorPort),
      DATABASE_URL: process.env.FLOOR_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_floor',
    },
    floorBase,
    floorDir,
  );
  try {
    const productUrl = `${product}/api/v1/orgs/${fixture.org}/map?cycleId=${fixture.q4}`;
    const auth = { authorization: `Bearer ${fixture.token}`, accept: 'application/json' };
    // One untimed request each: connections, plans and the server's first compile.
    await timeMap(productUrl, auth);
    await timeMap(`${floorBase}/orgs/1/map?cycle=5`, {});
    const runs = { floor: [] as number[], product: [] as number[], productBr: [] as number[] };
    let counts = { floor: 0, product: 0 };
    let encodings = { product: '', productBr: '' };
    for (let run = 0; run < 3; run++) {
      const f = await timeMap(`${floorBase}/orgs/1/map?cycle=5`, {});
      const p = await timeMap(productUrl, auth);
      const b = await timeMap(productUrl, { ...auth, 'accept-encoding': 'br' });
      runs.floor.push(f.time);
      runs.product.push(p.time);
      runs.productBr.push(b.time);
      counts = { floor: f.count, product: p.count };
      encodings = { product: p.encoding, productBr: b.encoding };
    }
    const rate = (count: number, times: number[]) => count / (median(times) / 1000);
    const floorRate = rate(counts.floor, runs.floor);
    const productRate = rate(counts.product, runs.product);
    const brRate = rate(counts.product, runs.productBr);
    const share = (value: number) => `${Math.round((100 * value) / floorRate)} % of the floor`;
    console.log('Map request at full scale (median of 3, alternately with the floor):');
    console.log(
      `  floor   /orgs/1/map?cycle=5: ${counts.floor.toLocaleString('en')} objectives in ${ms(median(runs.floor))}, ` +
        `${Math.round(floorRate).toLocaleString('en')} objectives/s (its README: ${FLOOR_OBJECTIVES_PER_SECOND_README.toLocaleString('en')})`,
    );
    console.log(
      `  product GET /orgs/{org}/map (${encodings.product}): ${counts.product.toLocaleString('en')} objectives in ` +
        `${ms(median(runs.product))}, ${Math.round(productRate).toLocaleString('en')} objectives/s, ${share(productRate)}`,
    );
    console.log(
      `  product GET /orgs/{org}/map (${encodings.productBr}, as the browser asks): ${ms(median(runs.productBr))}, ` +
        `${Math.round(brRate).toLocaleString('en')} objectives/s, ${share(brRate)}`,
    );
  } finally {
    floor.stop();
  }
}

/**
 * Click on the navigation's map link to the map drawn, on the page's own clock: from the
 * click event to the frame after the page marks the map drawn (MapCanvas), with the
 * milestones in between, the map requests made and the longest main-thread task.
 */
async function clickToDrawn(page: Page, homeUrl: string) {
  await page.goto(homeUrl);
  const link = page.getByRole('navigation').getByRole('link', { name: /^(Alignment map|Målkarta)$/ });
  await link.waitFor({ timeout: 60_000 });
  // Strings, not functions: they run in the page, where the bundler's helpers do not exist.
  await page.evaluate(`(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask' });
    document.addEventListener('click', (event) => { window.__clicked = event.timeStamp; }, { capture: true, once: true });
    // The frame after the map says it is drawn, seen from inside the page.
    new MutationObserver((_changes, observer) => {
      if (!document.querySelector('[data-testid="alignment-map"][data-drawn="true"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => { window.__frame = performance.now(); });
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-drawn'], childList: true });
  })()`);
  let mapRequests = 0;
  const count = (request: { url(): string }) => {
    if (/\/api\/v1\/orgs\/[^/]+\/map\?/.test(request.url())) mapRequests += 1;
  };
  page.on('request', count);
  const started = performance.now();
  await link.click();
  await page.locator('[data-testid="alignment-map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction('window.__frame !== undefined');
  const timings = (await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => {
    const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const request = performance.getEntriesByType('resource').filter((e) => e.name.includes('/map?')).at(-1);
    resolve({
      frame: window.__frame - window.__clicked,
      requestStart: (request?.startTime ?? NaN) - window.__clicked,
      responseEnd: (request?.responseEnd ?? NaN) - window.__clicked,
      layoutStart: at('riktning:map-layout-start') - window.__clicked,
      layoutDone: at('riktning:map-layout-done') - window.__clicked,
      drawn: at('riktning:map-drawn') - window.__clicked,
      longest: window.__longest,
    });
  }))`)) as Record<
    'frame' | 'requestStart' | 'responseEnd' | 'layoutStart' | 'layoutDone' | 'drawn' | 'longest',
    number
  >;
  const outside = performance.now() - started;
  page.off('request', count);
  const counts = (await page.getByTestId('map-counts').textContent()) ?? '';
  return { ...timings, outside, mapRequests, counts };
}

type ClickResult = Awaited<ReturnType<typeof clickToDrawn>>;

async function measureBrowser(open: () => Promise<{ page: Page; close: () => Promise<void> }>, homeUrl: string) {
  const results: ClickResult[] = [];
  for (let run = 0; run < 3; run++) {
    const { page, close } = await open();
    try {
      results.push(await clickToDrawn(page, homeUrl));
    } finally {
      await close();
    }
  }
  const mid = (key: Exclude<keyof ClickResult, 'counts'>) => ms(median(results.map((r) => r[key])));
  console.log(
    `  Chromium, click to map drawn: ${mid('frame')} (median of 3: ${results.map((r) => ms(r.frame)).join(', ')}; ` +
      `page's clock, click event to the frame after drawing; ${mid('outside')} as Playwright sees it)`,
  );
  console.log(
    `    request sent ${mid('requestStart')}, answer in ${mid('responseEnd')}, layout asked ${mid('layoutStart')}, ` +
      `laid out ${mid('layoutDone')}, drawn ${mid('drawn')}; longest main-thread task ${mid('longest')}`,
  );
  console.log(
    `    map requests per load: ${results.map((r) => r.mapRequests).join(', ')}; ` +
      `the page says "${results.at(-1)?.counts ?? ''}"`,
  );
}

async function fullScale(fixture: Fixture, databaseUrl: string): Promise<void> {
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    'npx',
    ['tsx', 'src/server/main.ts'],
    {
      DATABASE_URL: databaseUrl,
      RIKTNING_DEMO: '0',
      LOG_LEVEL: 'warn',
      RIKTNING_JOB_POLL_MS: '3600000',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    base,
  );
  try {
    const floorDir = path.resolve(process.env.FLOOR_DIR ?? '../shared/perf');
    if (existsSync(path.join(floorDir, 'floor-server.mjs'))) await compareWithFloor(base, fixture, floorDir);
    else console.log(`Map request: skipped the floor (${floorDir}/floor-server.mjs not found)`);
    if (!browserAvailable()) return console.log(`  Browser: skipped (${CHROMIUM_PATH} not found)`);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      console.log('Alignment map page at full scale (the fixture’s admin, by bearer token):');
      await measureBrowser(async () => {
        const context = await browser.newContext({
          baseURL: base,
          locale: 'en-GB',
          viewport: { width: 1280, height: 900 },
          extraHTTPHeaders: { authorization: `Bearer ${fixture.token}` },
        });
        return { page: await context.newPage(), close: () => context.close() };
      }, `/orgs/${fixture.org}?cycle=${fixture.q4}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
}

async function synthetic(): Promise<void> {
  if (!browserAvailable()) return console.log(`  Browser: skipped (${CHROMIUM_PATH} not found)`);
  const harness = await startHarness();
  try {
    const body = JSON.stringify(syntheticMap(uuid(3, 1), 31_000));
    console.log('Alignment map page, demo server with 31,000 synthetic objectives answered by page.route:');
    await measureBrowser(async () => {
      const { context, page } = await newPage(harness, { locale: 'en-GB', width: 1280, height: 900 });
      await signIn(page, 'demo@example.com');
      await page.route(/\/api\/v1\/orgs\/[^/]+\/map\?/, (route) =>
        route.fulfill({ contentType: 'application/json', body }),
      );
      return { page, close: () => context.close() };
    }, `/orgs/${harness.orgId}`);
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  console.log('Alignment map: graph and layout in Node (median of 5)');
  for (const total of [DAGRE_MAX, 2_000, 31_000]) measureLayout(total);

  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_bench';
  const fixturePath = process.env.BENCH_MAP_FIXTURE ?? '/tmp/fx.json';
  const client = new pg.Client({ connectionString: databaseUrl });
  const reachable = await client.connect().then(
    () => true,
    () => false,
  );
  await client.end().catch(() => {});
  if (reachable && existsSync(fixturePath)) {
    const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Fixture;
    await fullScale(fixture, databaseUrl);
  } else {
    console.log(`Map request at full scale: skipped (${databaseUrl} or ${fixturePath} not there)`);
    await synthetic();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
