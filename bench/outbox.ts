// Outbox benchmark: the job runner's scheduling at the design's scale. Loads the scale
// benchmark's organisation (10,000 people, 140,000 key results, 1,000,000 check-ins), then
// times one reminder run and one digest run (every message of the week written), the same
// runs again (nothing left to write: the cost of every later poll in the window), and
// holding the written messages as a process without a mail server does. Prints figures
// and the statement count; nothing fails on a slow figure.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/riktning_bench npx tsx bench/outbox.ts
//   npx tsx bench/outbox.ts                 # in-memory PGlite at a tenth of the scale
import { sql } from 'drizzle-orm';
import { deliverOutbox } from '../src/app/notifications/deliver-outbox.ts';
import { scheduleCheckInReminders } from '../src/app/notifications/schedule-reminders.ts';
import { scheduleWeeklyDigests } from '../src/app/notifications/schedule-digests.ts';
import { queryRows } from '../src/db/raw.ts';
import { openBenchDatabase, type StatementRecorder } from './db.ts';
import { loadOrg, planCycles, targetShape } from './load.ts';

const ZONE = 'Europe/Stockholm';

/** The next moment at or after `from` with this UTC weekday (0 Sunday) and hour. */
function next(from: Date, weekday: number, hourUtc: number): Date {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hourUtc));
  while (day.getUTCDay() !== weekday || day < from) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

async function timed<T>(label: string, recorder: StatementRecorder, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const { result, statements } = await recorder.record(work);
  const ms = performance.now() - started;
  console.log(
    `  ${label.padEnd(46)} ${ms.toFixed(0).padStart(7)} ms  ${String(statements.length).padStart(4)} statements  → ${JSON.stringify(result)}`,
  );
  return result;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || undefined;
  const scale = Number(process.env.BENCH_SCALE ?? (url ? 1 : 0.1));
  const bench = await openBenchDatabase(url);
  try {
    await bench.migrate();
    const [existing] = await queryRows<{ n: number }>(bench.db, sql`select count(*)::int as n from organizations`);
    if ((existing?.n ?? 0) > 0) throw new Error('The benchmark database must be empty.');
    const plan = planCycles(new Date());
    const org = await bench.db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '256MB'`);
      return loadOrg(tx, targetShape(scale), plan);
    });
    await bench.db.execute(sql`vacuum analyze`);

    // Inside the windows, two weeks on: the weekly check-ins of the load are due by then.
    const later = new Date(Date.now() + 14 * 86_400_000);
    const thursday = next(later, 4, 9);
    const monday = next(later, 1, 8);
    const statements = bench.recorder;
    const at = (now: Date) => ({ db: bench.db, now: () => now, publicUrl: 'https://okr.example.test' });
    const options = { timeZone: ZONE, orgId: org.orgId };
    console.log(`\nOutbox at scale ${scale} (${bench.engine}):`);
    await timed('check-in reminders, first run of the week', statements, () =>
      scheduleCheckInReminders(at(thursday), options),
    );
    await timed('check-in reminders, again (nothing to add)', statements, () =>
      scheduleCheckInReminders(at(thursday), options),
    );
    await timed('weekly digests, first run of the week', statements, () => scheduleWeeklyDigests(at(monday), options));
    await timed('weekly digests, again (nothing to add)', statements, () => scheduleWeeklyDigests(at(monday), options));
    await timed('hold everything (no mail server), 200 a claim', statements, () =>
      deliverOutbox(at(new Date(monday.getTime() + 86_400_000)), null, {
        ...options,
        batchSize: 200,
        maxBatches: 1000,
      }),
    );
    const [sizes] = await queryRows<{ reminders: number; digests: number; bytes: number }>(
      bench.db,
      sql`select count(*) filter (where kind = 'check_in_reminder')::int as reminders,
                 count(*) filter (where kind = 'weekly_digest')::int as digests,
                 coalesce(avg(length(text_body)), 0)::int as bytes
            from outbox_messages`,
    );
    console.log(`  outbox: ${JSON.stringify(sizes)} (bytes: average text length)`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
