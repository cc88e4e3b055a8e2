// `npm run bench:map`: the alignment map at 2,000 objectives.
//
// A synthetic organisation (12 organisation objectives; 8 divisions × 6 departments × 4
// teams with 3 objectives each; the rest individual objectives), with "supports" links the
// way the method has them: each layer supports the layer above, some departments support
// another division's objective (cross-team), most people support a team objective.
//
// (a) Node: building the graph and the dagre layout, median of 5 runs.
// (b) Debian's Chromium over the real server on the demo data (the e2e harness, 127.0.0.1),
//     with the objectives and units lists answered by `page.route` from the synthetic data
//     (so the server and database are not what is measured): time from navigation to the
//     map drawn, and frames per second (requestAnimationFrame count) during 2 s of scripted
//     wheel zoom and drag, once with the whole map in view and once zoomed in.
// Build first (`npm run build`). Stops by itself.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Objective, Unit } from '../src/web/api/types.ts';
import { buildGraph } from '../src/web/pages/map/map-graph.ts';
import { layoutGraph } from '../src/web/pages/map/map-layout.ts';
import { browserAvailable, CHROMIUM_PATH, newPage, signIn, startHarness } from '../src/web/e2e/harness.ts';

const TOTAL = 2000;
const STATUSES = ['on_track', 'on_track', 'at_risk', 'off_track'] as const;

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

export function syntheticOrganisation(orgId: string, total = TOTAL): { objectives: Objective[]; units: Unit[] } {
  const rnd = random(42);
  const now = new Date().toISOString();
  const units: Unit[] = [];
  const addUnit = (parentId: string | null, name: string, kind: Unit['kind']) => {
    const unit: Unit = {
      id: uuid(1, units.length + 1),
      parentId,
      name,
      kind,
      vision: '',
      mission: '',
      version: 1,
      memberCount: 5,
      createdAt: now,
      updatedAt: now,
    } as Unit;
    units.push(unit);
    return unit;
  };
  const objectives: Objective[] = [];
  const add = (level: Objective['level'], ownerName: string, unitId: string | null, supports: string[]) => {
    const n = objectives.length + 1;
    const progress = Math.round(rnd() * 100) / 100;
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)] ?? 'on_track';
    const objective = {
      id: uuid(2, n),
      orgId,
      cycleId: uuid(3, 1),
      level,
      ownerId: unitId ?? uuid(4, n),
      ownerName,
      unitId,
      personId: level === 'person' ? uuid(4, n) : null,
      title: `Objective ${n}: grow what matters for ${ownerName}`,
      description: '',
      kind: 'committed',
      visibility: 'public',
      lifecycle: 'published',
      progress,
      expectedProgress: 0.5,
      status,
      suggestedStatus: status,
      statusIsExplicit: false,
      confidence: 7,
      finalScore: null,
      scoreBand: null,
      reflection: '',
      supports,
      supportedBy: { count: 0, progress: null },
      keyResults: [],
      version: 1,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
      abilities: {},
    } as unknown as Objective;
    objectives.push(objective);
    return objective;
  };
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)] as T;

  const org = Array.from({ length: 12 }, () => add('organization', 'Synthetic AB', null, []));
  const teamObjectives: Objective[] = [];
  const divisionObjectives: Objective[][] = [];
  for (let d = 0; d < 8; d++) {
    const division = addUnit(null, `Division ${d + 1}`, 'division');
    const dObjs = Array.from({ length: 3 }, () =>
      add('unit', division.name, division.id, rnd() < 0.3 ? [pick(org).id, pick(org).id] : [pick(org).id]),
    );
    divisionObjectives.push(dObjs);
    for (let p = 0; p < 6; p++) {
      const department = addUnit(division.id, `Department ${d + 1}.${p + 1}`, 'department');
      const pObjs = Array.from({ length: 3 }, () => {
        const supports = [pick(dObjs).id];
        // Horizontal alignment: now and then a department supports another division too.
        if (rnd() < 0.1 && divisionObjectives.length > 1) supports.push(pick(pick(divisionObjectives)).id);
        return add('unit', department.name, department.id, supports);
      });
      for (let t = 0; t < 4; t++) {
        const team = addUnit(department.id, `Team ${d + 1}.${p + 1}.${t + 1}`, 'team');
        for (let o = 0; o < 3; o++) {
          teamObjectives.push(add('unit', team.name, team.id, rnd() < 0.85 ? [pick(pObjs).id] : []));
        }
      }
    }
  }
  let person = 0;
  while (objectives.length < total) {
    person += 1;
    add('person', `Person ${person}`, null, rnd() < 0.9 ? [pick(teamObjectives).id] : []);
  }
  return { objectives, units };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function measureLayout(): { build: number; layout: number; nodes: number; edges: number } {
  const { objectives, units } = syntheticOrganisation(uuid(0, 1));
  const builds: number[] = [];
  const layouts: number[] = [];
  let nodes = 0;
  let edges = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const graph = buildGraph(objectives, units, { folded: new Set() });
    const t1 = performance.now();
    layoutGraph(graph);
    const t2 = performance.now();
    builds.push(t1 - t0);
    layouts.push(t2 - t1);
    nodes = graph.nodes.length;
    edges = graph.edges.length;
  }
  return { build: median(builds), layout: median(layouts), nodes, edges };
}

/** Frames counted by requestAnimationFrame while the mouse zooms and drags for 2 s. */
async function framesWhileMoving(page: Page): Promise<number> {
  const box = await page.getByTestId('alignment-map').boundingBox();
  if (!box) throw new Error('The map has no box.');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  // A string, not a function: the bundler's helper names (keepNames) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { window.__frames += 1; if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const start = performance.now();
  let step = 0;
  while (performance.now() - start < 2000) {
    if (step % 2 === 0) {
      await page.mouse.wheel(0, step % 4 === 0 ? -120 : 120);
    } else {
      await page.mouse.down();
      await page.mouse.move(cx + (step % 4 === 1 ? 80 : -80), cy + 30, { steps: 4 });
      await page.mouse.up();
      await page.mouse.move(cx, cy);
    }
    step += 1;
  }
  const elapsed = performance.now() - start;
  const frames = await page.evaluate(() => {
    const g = globalThis as unknown as { __frames: number; __counting: boolean };
    g.__counting = false;
    return g.__frames;
  });
  return (frames * 1000) / elapsed;
}

async function measureBrowser(): Promise<{
  navigationToMap: number;
  inPage: number;
  fpsAll: number;
  fpsZoomed: number;
}> {
  const harness = await startHarness();
  try {
    const { objectives, units } = syntheticOrganisation(harness.orgId);
    const { context, page } = await newPage(harness, { locale: 'en-GB', width: 1280, height: 900 });
    await signIn(page, 'demo@example.com');
    const pageOf = <T>(items: T[], url: URL) => {
      const offset = Number(url.searchParams.get('cursor') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '200');
      const next = offset + limit < items.length ? String(offset + limit) : null;
      return JSON.stringify({ items: items.slice(offset, offset + limit), nextCursor: next });
    };
    await page.route(/\/api\/v1\/orgs\/[^/]+\/objectives(\?|$)/, async (route) => {
      const url = new URL(route.request().url());
      // The parent cycle's organisation objectives: none (all 2,000 are in the cycle shown).
      const items = url.searchParams.get('level') === 'organization' ? [] : objectives;
      await route.fulfill({ contentType: 'application/json', body: pageOf(items, url) });
    });
    await page.route(/\/api\/v1\/orgs\/[^/]+\/units(\?|$)/, async (route) => {
      await route.fulfill({ contentType: 'application/json', body: pageOf(units, new URL(route.request().url())) });
    });

    const started = performance.now();
    await page.goto(`/orgs/${harness.orgId}/map`);
    await page.getByTestId('map-node').first().waitFor({ timeout: 60_000 });
    await page
      .getByTestId('map-counts')
      .filter({ hasText: new RegExp(`^${objectives.length}\\D`) })
      .waitFor({ timeout: 60_000 });
    // Drawn: the next frame after the first nodes are in the page.
    // A string, because it runs in the page, where requestAnimationFrame exists.
    const inPage = (await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))',
    )) as number;
    const navigationToMap = performance.now() - started;

    const fpsAll = await framesWhileMoving(page);
    // Zoomed in to reading size: fewer nodes drawn (only the visible ones are rendered).
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    const fpsZoomed = await framesWhileMoving(page);
    await context.close();
    return { navigationToMap, inPage, fpsAll, fpsZoomed };
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  const layout = measureLayout();
  console.log(`Alignment map, ${TOTAL} objectives (${layout.nodes} nodes, ${layout.edges} supports links)`);
  console.log(
    `  Node: build graph ${layout.build.toFixed(1)} ms, dagre layout ${layout.layout.toFixed(0)} ms (median of 5)`,
  );
  if (!browserAvailable()) {
    console.log(`  Browser: skipped (${CHROMIUM_PATH} not found)`);
    return;
  }
  const browser = await measureBrowser();
  console.log(
    `  Chromium: navigation to map drawn ${browser.navigationToMap.toFixed(0)} ms ` +
      `(page's own clock: ${browser.inPage.toFixed(0)} ms after navigation start)`,
  );
  console.log(`  Chromium: ${browser.fpsAll.toFixed(1)} frames/s zooming and dragging with the whole map in view`);
  console.log(`  Chromium: ${browser.fpsZoomed.toFixed(1)} frames/s zooming and dragging zoomed in`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
