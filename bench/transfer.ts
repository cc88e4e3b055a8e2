// `npx tsx bench/transfer.ts`: the organisation export and import at scale. Against a
// database that bench/scale.ts loaded (BENCH_DATABASE_URL, default riktning_bench) and a
// built server (`npm run build`, started here): the largest organisation is exported over
// HTTP, then imported into a new, empty organisation of its owner's, and that one is
// exported again. Prints the time, the document's size and the server's resident memory
// (sampled every 100 ms) for each step; the new organisation is left in the database.
// Prints figures only; nothing fails on a slow figure.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { start, waitFor } from './processes.ts';
import { cookieOf, startSession } from './sessions.ts';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_bench';
const SERVER_JS = path.resolve(process.env.BENCH_SERVER_JS ?? 'dist/server/main.js');

/** The server's resident memory in MB, read from /proc. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Runs `work` while sampling the server's memory: its time in seconds, and the peak. */
async function measured<T>(pid: number, work: () => Promise<T>) {
  let peak = rssMb(pid);
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - t0) / 1000, before, peak };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ org_id: string; account_id: string }>(
    `select m.org_id, m.account_id from memberships m
      where m.role = 'owner'
        and m.org_id = (select org_id from check_ins group by org_id order by count(*) desc limit 1)
      order by m.account_id limit 1`,
  );
  const owner = rows[0];
  if (!owner) throw new Error('no organisation with check-ins: load one with bench/scale.ts first');
  const session = await startSession(client, owner.account_id);
  const headers = { cookie: cookieOf(session), 'x-csrf-token': session.csrf };

  const port = 23000 + Math.floor(Math.random() * 2000);
  const server = start(process.execPath, [SERVER_JS], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL,
    RIKTNING_DEMO: '0',
    LOG_LEVEL: 'warn',
    RIKTNING_JOB_POLL_MS: '3600000',
    NODE_ENV: 'production',
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const pid = server.pid ?? 0;
    const exportOf = async (orgId: string) => {
      const response = await fetch(`${base}/orgs/${orgId}/export`, { headers });
      if (!response.ok) throw new Error(`export answered ${response.status}`);
      return response.text();
    };

    const first = await measured(pid, () => exportOf(owner.org_id));
    const doc = JSON.parse(first.result) as Record<string, unknown[]>;
    const created = await fetch(`${base}/orgs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Importerad', slug: `importerad-${randomBytes(4).toString('hex')}` }),
    });
    const target = ((await created.json()) as { id: string }).id;
    const imported = await measured(pid, async () => {
      const response = await fetch(`${base}/orgs/${target}/import`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: first.result,
      });
      const body = await response.text();
      if (response.status !== 201) throw new Error(`import answered ${response.status}: ${body.slice(0, 500)}`);
      return JSON.parse(body) as { counts: Record<string, number> };
    });
    const second = await measured(pid, () => exportOf(target));

    const mb = (text: string) => (Buffer.byteLength(text) / 1e6).toFixed(1);
    const counts = ['people', 'units', 'objectives', 'keyResults', 'checkIns', 'activities']
      .map((list) => `${list} ${doc[list]?.length ?? 0}`)
      .join(', ');
    console.log(`The organisation: ${counts}.`);
    const line = (step: string, m: { seconds: number; before: number; peak: number }, size: string) =>
      console.log(
        `${step.padEnd(18)} ${m.seconds.toFixed(1).padStart(6)} s  ${size.padStart(7)} MB  server RSS ${m.before} → peak ${m.peak} MB`,
      );
    line('export', first, mb(first.result));
    line('import', imported, mb(first.result));
    line('export of the copy', second, mb(second.result));
    console.log(`Imported: ${JSON.stringify(imported.result.counts)}`);
  } finally {
    server.kill();
    await client.end();
  }
}

await main();
