// `npx tsx bench/pglite-load.ts`: many people at once on the embedded database. Starts the
// server on PGlite in a fresh data directory with the demo organisation, then runs
// BENCH_CLIENTS loops (each one request after another, like a person's browser) for
// BENCH_SECONDS over a mix of page reads and check-ins, and prints what they got: requests
// answered, latency percentiles, 503s (the database queue refusing) and requests that
// took longer than the client waits (BENCH_CLIENT_TIMEOUT_S). Prints figures; fails only
// when it cannot run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start, waitFor } from './processes.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 25);
const CLIENT_TIMEOUT_MS = Number(process.env.BENCH_CLIENT_TIMEOUT_S ?? 30) * 1000;
const CHECK_IN_SHARE = 0.25;
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const base = `http://127.0.0.1:${PORT}/api/v1`;

interface KeyResult {
  id: string;
  current: number | null;
  start: number;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The demo owner's API token, the organisation, its active quarter and that quarter's key results. */
async function fixture() {
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: 'riktning-demo' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((set) => set.split(';')[0])
    .join('; ');
  const signedIn = await json<{ csrfToken: string; account: { memberships: { orgId: string }[] } }>(login);
  const { token } = await json<{ token: string }>(
    await fetch(`${base}/me/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': signedIn.csrfToken },
      body: JSON.stringify({ name: 'pglite load bench' }),
    }),
  );
  const headers = { authorization: `Bearer ${token}` };
  const org = signedIn.account.memberships[0]?.orgId;
  const cycles = await json<{ items: { id: string; parentId: string | null }[] }>(
    await fetch(`${base}/orgs/${org}/cycles?status=active`, { headers }),
  );
  const quarter = cycles.items.find((cycle) => cycle.parentId !== null)?.id;
  const objectives = await json<{ items: { keyResults: KeyResult[] }[] }>(
    await fetch(`${base}/orgs/${org}/objectives?cycleId=${quarter}&limit=50`, { headers }),
  );
  return { headers, org, quarter, keyResults: objectives.items.flatMap((objective) => objective.keyResults) };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

function nextRequest(f: Fixture): { url: string; init: RequestInit } {
  if (Math.random() < CHECK_IN_SHARE) {
    const keyResult = pick(f.keyResults);
    const checkIn = { keyResultId: keyResult.id, value: keyResult.current ?? keyResult.start, confidence: 7 };
    return {
      url: `${base}/orgs/${f.org}/check-ins`,
      init: {
        method: 'POST',
        headers: { ...f.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ checkIns: [checkIn] }),
      },
    };
  }
  const page = pick([
    `objectives?cycleId=${f.quarter}&limit=50`,
    `dashboard?cycleId=${f.quarter}`,
    'feed?limit=50',
    `map?cycleId=${f.quarter}`,
    'members?limit=50',
  ]);
  return { url: `${base}/orgs/${f.org}/${page}`, init: { headers: f.headers } };
}

interface Tally {
  latencies: number[];
  statuses: Map<number, number>;
  timedOut: number;
  failed: number;
}

async function client(f: Fixture, until: number, tally: Tally): Promise<void> {
  while (Date.now() < until) {
    const { url, init } = nextRequest(f);
    const began = performance.now();
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
      await response.arrayBuffer();
      tally.latencies.push(performance.now() - began);
      tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') tally.timedOut++;
      else tally.failed++;
    }
  }
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'riktning-pglite-load-'));
  const server = start(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    RIKTNING_DATA_DIR: dataDir,
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    RIKTNING_SERVE_WEB: '0',
    RIKTNING_DEMO: '1',
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/healthz`);
    const f = await fixture();
    const tally: Tally = { latencies: [], statuses: new Map(), timedOut: 0, failed: 0 };
    const began = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, () => client(f, began + SECONDS * 1000, tally)));
    const sorted = tally.latencies.sort((a, b) => a - b);
    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log(`${CLIENTS} clients for ${SECONDS} s on PGlite (${Math.round((Date.now() - began) / 1000)} s in all)`);
    console.log(`answered:  ${sorted.length} (${[...tally.statuses].map(([s, n]) => `${s}: ${n}`).join(', ')})`);
    console.log(
      `latency:   p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? 0)}`,
    );
    console.log(`503s:      ${tally.statuses.get(503) ?? 0}`);
    console.log(`timed out: ${tally.timedOut} (no answer within ${CLIENT_TIMEOUT_MS / 1000} s)`);
    if (tally.failed) console.log(`failed:    ${tally.failed} (connection errors)`);
  } finally {
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
