// Timing: warm up, then run the API call and its bare-SQL twin alternately, so both see the
// same cache and the same background load. A time budget per case keeps the run bounded.
import type { Case } from './cases.ts';
import type { StatementRecorder } from './db.ts';

export interface Timing {
  name: string;
  api: number[];
  sql: number[];
  /** Statements (round trips to the database) one request runs. */
  apiStatements: number;
  sqlStatements: number;
}

export interface MeasureOptions {
  runs: number;
  warmup: number;
  /** Stop a case after this long, even if fewer than `runs` runs were done. */
  budgetMs: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function measure(c: Case, recorder: StatementRecorder, options: MeasureOptions): Promise<Timing> {
  const apiStatements = (await recorder.record(c.api)).statements.length;
  const sqlStatements = (await recorder.record(c.sql)).statements.length;
  for (let i = 0; i < options.warmup; i++) {
    await c.api();
    await c.sql();
  }
  const timing: Timing = { name: c.name, api: [], sql: [], apiStatements, sqlStatements };
  const deadline = performance.now() + options.budgetMs;
  for (let i = 0; i < options.runs && performance.now() < deadline; i++) {
    // Alternate which side goes first, so neither always runs right after the other's GC.
    if (i % 2 === 0) {
      timing.api.push(await timed(c.api));
      timing.sql.push(await timed(c.sql));
    } else {
      timing.sql.push(await timed(c.sql));
      timing.api.push(await timed(c.api));
    }
  }
  return timing;
}

/** Nearest-rank percentile of samples in milliseconds. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(7);

export function formatTable(timings: Timing[]): string {
  const header =
    `${'request'.padEnd(44)}   n │ ${'API p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)} │ ` +
    `${'SQL p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)} │ API/SQL │ stmts API/SQL`;
  const lines = timings.map((t) => {
    const apiP50 = percentile(t.api, 50);
    const sqlP50 = percentile(t.sql, 50);
    return (
      `${t.name.padEnd(44)} ${String(t.api.length).padStart(3)} │ ${ms(apiP50)} ${ms(percentile(t.api, 95))} ${ms(Math.max(...t.api))} │ ` +
      `${ms(sqlP50)} ${ms(percentile(t.sql, 95))} ${ms(Math.max(...t.sql))} │ ${(apiP50 / sqlP50).toFixed(1).padStart(6)}× │ ` +
      `${String(t.apiStatements).padStart(5)} / ${t.sqlStatements}`
    );
  });
  return [header, '─'.repeat(header.length), ...lines].join('\n');
}

export function formatMemory(label: string): string {
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  return `memory ${label}: rss ${mb(rss)}, heapUsed ${mb(heapUsed)}`;
}
