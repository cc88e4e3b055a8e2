// Exactly-once across processes: two separate Node processes run the job runner at the same
// time on one PostgreSQL database, both scheduling the same week's reminders for 200 people
// and both sending through one real SMTP server on loopback. Every reminder must arrive
// exactly once, and both processes must have done part of the work.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/connect.ts';
import { accounts, cycles, keyResults, memberships, objectives, organizations } from '../../db/schema.ts';
import { withFreshPostgres } from '../../test/fresh-database.ts';
import { startSmtpReceiver } from '../../test/smtp-receiver.ts';
import { testEngine } from '../../test/test-db.ts';

const PEOPLE = 200;
const DAY = 86_400_000;

/** The next Thursday 10:00 in Stockholm (08:00 UTC in summer, 09:00 in winter: 09:30 UTC is inside either way). */
function nextThursdayMorning(from: Date): Date {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 9, 30));
  while (day.getUTCDay() !== 4 || day.getTime() <= from.getTime()) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

interface Figures {
  pid: number;
  ms: number;
  polls: number;
  reminders: number;
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

function startRunner(env: Record<string, string>): {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<Figures>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/test/job-runner-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const done = new Promise<Figures>((resolve, reject) => {
    let figures: Figures | undefined;
    lines.on('line', (line) => {
      if (line === 'ready') resolveReady();
      else if (line.startsWith('{')) figures = JSON.parse(line) as Figures;
    });
    child.on('exit', (code) =>
      figures && code === 0 ? resolve(figures) : reject(new Error(`runner exited ${code}: ${stderr}`)),
    );
  });
  return { child, ready, done };
}

describe.skipIf(testEngine() !== 'postgres')('two job-runner processes on one PostgreSQL database', () => {
  // PGlite is one process's database: this test needs PostgreSQL (CI runs it there).
  it(`send each of ${PEOPLE} reminders exactly once, and both do part of the work`, { timeout: 120_000 }, async () => {
    await withFreshPostgres(async (url) => {
      const handle = await openPostgres(url, 2);
      const receiver = await startSmtpReceiver();
      const runners: ChildProcess[] = [];
      try {
        await handle.migrate();
        const { db } = handle;
        const now = nextThursdayMorning(new Date());
        const [org] = await db.insert(organizations).values({ name: 'Nordljus', slug: 'nordljus' }).returning();
        const orgId = org?.id as string;
        const [cycle] = await db
          .insert(cycles)
          .values({ orgId, name: 'Q', startsOn: '2020-01-01', endsOn: '2099-12-31', status: 'active' })
          .returning();
        const [objective] = await db
          .insert(objectives)
          .values({ orgId, cycleId: cycle?.id as string, level: 'organization', title: 'Växa' })
          .returning();
        const people = await db
          .insert(accounts)
          .values(
            Array.from({ length: PEOPLE }, (_, i) => ({
              email: `person${i}@example.test`,
              name: `Person ${i}`,
              locale: i % 2 ? 'en' : 'sv',
            })),
          )
          .returning({ id: accounts.id });
        await db.insert(memberships).values(people.map((p) => ({ orgId, accountId: p.id, role: 'member' })));
        const longAgo = new Date(now.getTime() - 30 * DAY);
        await db.insert(keyResults).values(
          people.map((p, i) => ({
            orgId,
            objectiveId: objective?.id as string,
            ownerId: p.id,
            title: `Nyckelresultat ${i}`,
            metric: 'increase_to',
            targetValue: 100,
            createdAt: longAgo,
          })),
        );

        const env = { DATABASE_URL: url, SMTP_URL: receiver.url, ORG_ID: orgId, RIKTNING_TEST_NOW: now.toISOString() };
        const a = startRunner(env);
        const b = startRunner(env);
        runners.push(a.child, b.child);
        await Promise.all([a.ready, b.ready]);
        const started = performance.now();
        for (const runner of [a, b]) runner.child.stdin?.write('go\n');
        const figures = await Promise.all([a.done, b.done]);
        const ms = Math.round(performance.now() - started);

        const keys = receiver.received.map((m) => m.dedupeKey);
        const recipients = receiver.received.map((m) => m.to[0]);
        const messageIds = receiver.received.map((m) => m.messageId);
        const [stored] = await db
          .execute<{ sent: number; other: number }>(
            sql`select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other from outbox_messages`,
          )
          .then((r) => (r as unknown as { rows: { sent: number; other: number }[] }).rows);

        console.log(
          `two-process outbox test: ${receiver.received.length} reminders received for ${PEOPLE} people in ${ms} ms; ` +
            figures
              .map((f, i) => `process ${i + 1}: scheduled ${f.reminders}, sent ${f.sent} in ${f.polls} polls`)
              .join('; ') +
            `; distinct dedupe keys ${new Set(keys).size}, distinct recipients ${new Set(recipients).size}, distinct Message-IDs ${new Set(messageIds).size}`,
        );

        expect(receiver.received).toHaveLength(PEOPLE);
        expect(new Set(keys).size).toBe(PEOPLE);
        expect(new Set(recipients).size).toBe(PEOPLE);
        expect(new Set(messageIds).size).toBe(PEOPLE);
        expect(stored).toEqual({ sent: PEOPLE, other: 0 });
        expect(figures.reduce((sum, f) => sum + f.sent, 0)).toBe(PEOPLE);
        expect(figures.reduce((sum, f) => sum + f.reminders, 0)).toBe(PEOPLE);
        for (const f of figures) expect(f.sent).toBeGreaterThan(0);
      } finally {
        for (const child of runners) if (child.exitCode === null) child.kill('SIGKILL');
        await receiver.close();
        await handle.close();
      }
    });
  });
});
