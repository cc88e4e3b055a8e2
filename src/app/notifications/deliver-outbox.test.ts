import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS } from '../../core/notification-schedule.ts';
import { outboxMessages } from '../../db/schema.ts';
import { createMailTransport } from '../../server/mail-transport.ts';
import { TestClock } from '../../test/clock.ts';
import { createMember, createOrg } from '../../test/factories.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../test/smtp-receiver.ts';
import { testDatabase } from '../../test/test-db.ts';
import type { AppDeps } from '../context.ts';
import { deliverOutbox, type Mailer, type OutgoingMail } from './deliver-outbox.ts';
import { enqueueMessage } from './enqueue.ts';
import { pollOnce, startJobRunner } from './job-runner.ts';

const MINUTE = 60_000;

async function setUp(count = 3) {
  const { db } = await testDatabase();
  const { org } = await createOrg(db);
  const people = [];
  for (let i = 0; i < count; i++) {
    const person = await createMember(db, org.id, 'member', { locale: i % 2 ? 'en' : 'sv' });
    people.push(person);
    await enqueueMessage(db, {
      orgId: org.id,
      recipientId: person.id,
      kind: 'mention',
      dedupeKey: `mention:test:${org.id}:${person.id}`,
      params: { authorName: 'Anna', objectiveTitle: 'Fler kunder', excerpt: '@du titta här', link: 'http://x/y' },
    });
  }
  // The outbox stamps rows with the database's clock, so the test clock starts at the real
  // time once they are written (a slow machine may take seconds to write them).
  const clock = new TestClock(new Date(Date.now() + 1000));
  const deps: AppDeps = { db, now: clock.now };
  const statuses = async () =>
    (await db.select().from(outboxMessages).where(eq(outboxMessages.orgId, org.id))).map((m) => m.status).sort();
  const rows = () => db.select().from(outboxMessages).where(eq(outboxMessages.orgId, org.id));
  return { db, clock, deps, org, people, statuses, rows };
}

class FakeMailer implements Mailer {
  sent: OutgoingMail[] = [];
  failures = 0;
  async send(mail: OutgoingMail) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('451 mail server busy');
    }
    this.sent.push(mail);
  }
}

describe('delivering the outbox', () => {
  it('holds due messages when no mail server is configured, and never sends them later', async () => {
    const { deps, org, statuses } = await setUp();
    expect(await deliverOutbox(deps, null, { orgId: org.id })).toMatchObject({ held: 3, sent: 0 });
    expect(await statuses()).toEqual(['held', 'held', 'held']);
    const mailer = new FakeMailer();
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ sent: 0 });
    expect(mailer.sent).toHaveLength(0);
  });

  it('sends each due message once, with a stable Message-ID and the dedupe key', async () => {
    const { deps, org, statuses, rows } = await setUp();
    const mailer = new FakeMailer();
    expect(await deliverOutbox(deps, mailer, { orgId: org.id, batchSize: 2 })).toMatchObject({ sent: 3 });
    expect(await statuses()).toEqual(['sent', 'sent', 'sent']);
    const [row] = await rows();
    const mail = mailer.sent.find((m) => m.headers['X-Riktning-Dedupe-Key'] === row?.dedupeKey);
    expect(mail).toMatchObject({ to: row?.toAddress, subject: row?.subject, messageId: `<${row?.id}@riktning>` });
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ sent: 0 });
    expect(mailer.sent).toHaveLength(3);
  });

  it('retries a failed send with growing delays, then marks it failed with the error', async () => {
    const { deps, clock, org, rows } = await setUp(1);
    const mailer = new FakeMailer();
    mailer.failures = 100;
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ retried: 1 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 mail server busy' });
    expect(row?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + MINUTE);
    // Not before the delay is over.
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ retried: 0 });
    for (let attempt = 2; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      clock.set(new Date(clock.now().getTime() + 3 * 3_600_000));
      await deliverOutbox(deps, mailer, { orgId: org.id });
    }
    [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS, lastError: '451 mail server busy' });
    clock.set(new Date(clock.now().getTime() + 24 * 3_600_000));
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ retried: 0, failed: 0 });
  });

  it('takes over a message whose sender died mid-send once its lease has run out', async () => {
    const { deps, db, clock, org, rows } = await setUp(1);
    const [row] = await rows();
    // As a crashed process leaves it: claimed, lease running.
    const leaseEnd = new Date(clock.now().getTime() + 5 * MINUTE);
    await db
      .update(outboxMessages)
      .set({ status: 'sending', attempts: 1, lockedUntil: leaseEnd, nextAttemptAt: leaseEnd })
      .where(eq(outboxMessages.id, row?.id as string));
    const mailer = new FakeMailer();
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ sent: 0 });
    clock.set(new Date(leaseEnd.getTime() + 1));
    expect(await deliverOutbox(deps, mailer, { orgId: org.id })).toMatchObject({ sent: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('the job runner', () => {
  it('polls on its own until stopped, and stopping waits for the poll in progress', async () => {
    const { deps, org, statuses } = await setUp(2);
    const mailer = new FakeMailer();
    const runner = startJobRunner(deps, { mailer, intervalMs: 20, timeZone: 'Europe/Stockholm', orgId: org.id });
    await expect.poll(statuses, { timeout: 5000 }).toEqual(['sent', 'sent']);
    await runner.stop();
    await enqueueMessage(deps.db, {
      orgId: org.id,
      recipientId: (await createMember(deps.db, org.id, 'member')).id,
      kind: 'mention',
      dedupeKey: `mention:test:${org.id}:after-stop`,
      params: { authorName: 'Anna', objectiveTitle: 'Fler kunder', excerpt: 'hej', link: 'http://x/y' },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statuses()).toEqual(['pending', 'sent', 'sent']);
    expect(mailer.sent).toHaveLength(2);
  });
});

describe('delivering through a real SMTP server on loopback', () => {
  let receiver: SmtpReceiver;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
  });
  afterAll(async () => receiver.close());

  it('the job runner’s poll sends through nodemailer; a refused message is retried and arrives once', async () => {
    const { deps, clock, org, people, statuses } = await setUp(3);
    const mailer = createMailTransport(receiver.url, 'Riktning <okr@example.test>');
    try {
      receiver.refuseNext(1);
      const first = await pollOnce(deps, { mailer, timeZone: 'Europe/Stockholm', orgId: org.id });
      expect(first).toMatchObject({ sent: 2, retried: 1 });
      clock.set(new Date(clock.now().getTime() + 2 * MINUTE));
      expect(await pollOnce(deps, { mailer, timeZone: 'Europe/Stockholm', orgId: org.id })).toMatchObject({ sent: 1 });
      expect(await statuses()).toEqual(['sent', 'sent', 'sent']);
      const mine = receiver.received.filter((m) => m.dedupeKey?.includes(org.id));
      expect(mine.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email.toLowerCase()).sort());
      expect(new Set(mine.map((m) => m.dedupeKey)).size).toBe(3);
      expect(mine[0]?.raw).toContain('From: Riktning <okr@example.test>');
    } finally {
      mailer.close();
    }
  });
});
