// One job-runner process for the two-process test (src/app/notifications/two-processes.test.ts):
// it opens the PostgreSQL database named by DATABASE_URL, says "ready" on stdout, waits for
// "go" on stdin so that both processes start together, then polls — scheduling reminders
// and sending through SMTP_URL — until two polls in a row find nothing, and prints its
// figures as one JSON line.
import { createInterface } from 'node:readline';
import { openPostgres } from '../db/connect.ts';
import { pollOnce } from '../app/notifications/job-runner.ts';
import { createMailTransport } from '../server/mail-transport.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const handle = await openPostgres(env('DATABASE_URL'), 4);
const mailer = createMailTransport(env('SMTP_URL'), 'Riktning <riktning@example.test>');
// The moment the test plays (inside the reminders' send window), moving on with real time.
const offset = Date.parse(env('RIKTNING_TEST_NOW')) - Date.now();
const deps = { db: handle.db, now: () => new Date(Date.now() + offset), publicUrl: 'https://okr.example.test' };

console.log('ready');
await new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.once('line', () => {
    // An open stdin would keep the process alive after its work.
    lines.close();
    process.stdin.destroy();
    resolve();
  });
});

const totals = { polls: 0, reminders: 0, sent: 0, retried: 0, failed: 0, held: 0 };
const started = performance.now();
let idle = 0;
while (idle < 2) {
  const result = await pollOnce(deps, {
    mailer,
    timeZone: 'Europe/Stockholm',
    orgId: env('ORG_ID'),
    batchSize: Number(process.env.BATCH_SIZE ?? 10),
    maxBatches: 1,
  });
  totals.polls++;
  totals.reminders += result.reminders;
  totals.sent += result.sent;
  totals.retried += result.retried;
  totals.failed += result.failed;
  totals.held += result.held;
  idle = result.reminders + result.sent + result.retried === 0 ? idle + 1 : 0;
}
console.log(JSON.stringify({ pid: process.pid, ms: Math.round(performance.now() - started), ...totals }));
mailer.close();
await handle.close();
