// `npx tsx bench/okr-sheet.ts`: the OKR sheet download (GET /orgs/{id}/okr-sheet) at scale.
// Against a database bench/scale.ts loaded (BENCH_DATABASE_URL, default riktning_bench) and a
// built server (`npm run build`, or BENCH_SERVER_JS), started here once per format: the small
// organisation's active quarter first (a few hundred rows: the server's memory with a sheet
// that is no burden), then every cycle of the organisation with the most key results,
// smallest first — 140,000 key results at scale 1. Prints, per download, the rows, the file's
// size, the time to the first byte and to the last, and the server's resident memory before
// and its high-water mark after (VmHWM, from /proc): constant memory shows as a peak that does
// not grow with the rows. Prints figures only; nothing fails on a slow figure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import pg from 'pg';
import { start, waitFor } from './processes.ts';
import { cookieOf, startSession } from './sessions.ts';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/riktning_bench';
const SERVER_JS = path.resolve(process.env.BENCH_SERVER_JS ?? 'dist/server/main.js');
/** `br` to have the server compress as it answers a browser; the file's own size otherwise. */
const ENCODING = process.env.BENCH_ENCODING ?? 'identity';
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',') as ('csv' | 'xlsx')[];
/** Node options for the server alone, e.g. `--max-old-space-size=64` to show that the download fits in that. */
const SERVER_NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS ?? '';

/** Resident memory now and its high-water mark since the process started, in MB. */
function memoryMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Records in a CSV stream: CRLF outside quotes, counted as the bytes pass. */
function csvCounter() {
  let quoted = false;
  let records = 0;
  let last = 0;
  return {
    push(bytes: Uint8Array) {
      for (const byte of bytes) {
        if (byte === 0x22) quoted = !quoted;
        else if (byte === 0x0a && !quoted && last === 0x0d) records++;
        last = byte;
      }
    },
    get records() {
      return records;
    },
  };
}

interface Measured {
  rows: number;
  bytes: number;
  firstByte: number;
  seconds: number;
  rssBefore: number;
  hwmAfter: number;
}

async function download(pid: number, url: string, headers: Record<string, string>, format: string): Promise<Measured> {
  const { rss: rssBefore } = memoryMb(pid);
  const t0 = performance.now();
  const response = await fetch(url, { headers: { ...headers, 'accept-encoding': ENCODING } });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const firstByte = (performance.now() - t0) / 1000;
  const counter = csvCounter();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format === 'csv') counter.push(chunk);
    else chunks.push(chunk);
  }
  const seconds = (performance.now() - t0) / 1000;
  let rows: number;
  if (format === 'csv') rows = counter.records - 1;
  else {
    // The client may hold the file: the worksheet's rows, less the header.
    const sheet = unzipSync(Buffer.concat(chunks), { filter: (file) => file.name === 'xl/worksheets/sheet1.xml' });
    rows = (strFromU8(sheet['xl/worksheets/sheet1.xml'] as Uint8Array).match(/<row /g)?.length ?? 1) - 1;
  }
  return { rows, bytes, firstByte, seconds, rssBefore, hwmAfter: memoryMb(pid).hwm };
}

async function main() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const orgs = await client.query<{ org_id: string; slug: string; krs: string }>(
    `select o.id as org_id, o.slug, count(k.id) as krs
       from organizations o left join key_results k on k.org_id = o.id and k.archived_at is null
      group by o.id, o.slug order by count(k.id) desc, o.slug`,
  );
  const big = orgs.rows[0];
  const small = orgs.rows.at(-1);
  if (!big || !small || Number(big.krs) === 0)
    throw new Error('no organisation with key results: load one with bench/scale.ts first');
  const cyclesOf = async (orgId: string) =>
    (
      await client.query<{ id: string; name: string; krs: string }>(
        `select c.id, c.name, count(k.id) as krs
           from cycles c left join objectives o on o.cycle_id = c.id and o.archived_at is null
           left join key_results k on k.objective_id = o.id and k.archived_at is null
          where c.org_id = $1 group by c.id, c.name order by count(k.id), c.name`,
        [orgId],
      )
    ).rows;
  const bigCycles = await cyclesOf(big.org_id);
  const smallCycle = (await cyclesOf(small.org_id)).at(-1);
  const ownerOf = async (orgId: string) =>
    (
      await client.query<{ account_id: string }>(
        `select account_id from memberships where org_id = $1 and role = 'owner' order by account_id limit 1`,
        [orgId],
      )
    ).rows[0]?.account_id as string;
  const sessions = new Map<string, Record<string, string>>();
  for (const org of [big, small]) {
    const session = await startSession(client, await ownerOf(org.org_id));
    sessions.set(org.org_id, { cookie: cookieOf(session) });
  }

  console.log(
    `Organisation ${big.slug}: ${Number(big.krs).toLocaleString('en')} live key results in ${bigCycles.length} cycles; ` +
      `the small one ${small.slug}. Accept-Encoding: ${ENCODING}; server NODE_OPTIONS: ${SERVER_NODE_OPTIONS || 'none'}.`,
  );
  console.log(
    `${'format'.padEnd(6)} ${'organisation, cycle'.padEnd(28)} ${'rows'.padStart(8)} ${'MB'.padStart(7)} ${'first byte'.padStart(10)} ${'time'.padStart(7)} ${'rows/s'.padStart(8)}  server RSS before → high-water mark`,
  );
  const port = 24000 + Math.floor(Math.random() * 2000);
  for (const format of FORMATS) {
    const server = start(process.execPath, [SERVER_JS], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL,
      RIKTNING_DEMO: '0',
      LOG_LEVEL: 'warn',
      RIKTNING_JOB_POLL_MS: '3600000',
      NODE_ENV: 'production',
      NODE_OPTIONS: SERVER_NODE_OPTIONS,
    });
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`);
      const pid = server.pid ?? 0;
      const base = `http://127.0.0.1:${port}/api/v1`;
      const runs: [string, string, { id: string; name: string }][] = [
        ...(smallCycle
          ? [[small.org_id, small.slug, smallCycle] as [string, string, { id: string; name: string }]]
          : []),
        ...bigCycles.map((cycle) => [big.org_id, big.slug, cycle] as [string, string, { id: string; name: string }]),
      ];
      let total: Measured | undefined;
      for (const [orgId, slug, cycle] of runs) {
        const url = `${base}/orgs/${orgId}/okr-sheet?cycleId=${cycle.id}&format=${format}&lang=sv`;
        const m = await download(pid, url, sessions.get(orgId) ?? {}, format);
        if (orgId === big.org_id) {
          total = total
            ? { ...m, rows: total.rows + m.rows, bytes: total.bytes + m.bytes, seconds: total.seconds + m.seconds }
            : m;
        }
        console.log(
          `${format.padEnd(6)} ${`${slug}, ${cycle.name}`.padEnd(28)} ${m.rows.toLocaleString('en').padStart(8)} ${(m.bytes / 1e6).toFixed(1).padStart(7)} ${`${m.firstByte.toFixed(2)} s`.padStart(10)} ${`${m.seconds.toFixed(1)} s`.padStart(7)} ${Math.round(
            m.rows / m.seconds,
          )
            .toLocaleString('en')
            .padStart(8)}  ${m.rssBefore} → ${m.hwmAfter} MB`,
        );
      }
      if (total)
        console.log(
          `${format.padEnd(6)} ${`${big.slug}, every cycle`.padEnd(28)} ${total.rows.toLocaleString('en').padStart(8)} ${(total.bytes / 1e6).toFixed(1).padStart(7)} ${''.padStart(10)} ${`${total.seconds.toFixed(1)} s`.padStart(7)} ${Math.round(
            total.rows / total.seconds,
          )
            .toLocaleString('en')
            .padStart(8)}  high-water mark ${memoryMb(pid).hwm} MB`,
        );
    } finally {
      server.kill();
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }
  await client.end();
}

await main();
