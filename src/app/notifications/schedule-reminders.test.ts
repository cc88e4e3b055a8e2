import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, organizations, outboxMessages } from '../../db/schema.ts';
import { TestClock } from '../../test/clock.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import { testDatabase } from '../../test/test-db.ts';
import type { AppDeps } from '../context.ts';
import { scheduleCheckInReminders } from './schedule-reminders.ts';
import { scheduleWeeklyDigests } from './schedule-digests.ts';

const DAY = 86_400_000;
// Thursday 21 May 2026, 10:00 in Stockholm: the reminders' window is open (ISO week 21).
const THURSDAY = new Date('2026-05-21T08:00:00Z');
// Monday 25 May 2026, 09:00 in Stockholm: the digests' window (ISO week 22).
const MONDAY = new Date('2026-05-25T07:00:00Z');
const ZONE = 'Europe/Stockholm';

async function setUp() {
  const { db } = await testDatabase();
  const clock = new TestClock(THURSDAY);
  const deps: AppDeps = { db, now: clock.now, publicUrl: 'https://okr.example.test' };
  const { org } = await createOrg(db, { name: 'Nordljus' });
  await db
    .update(organizations)
    .set({ settings: { checkInCadenceDays: 7 } })
    .where(eq(organizations.id, org.id));
  const cycle = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const closed = await createCycle(db, org.id, { startsOn: '2026-01-01', endsOn: '2026-03-31', status: 'closed' });
  const ago = (days: number) => new Date(THURSDAY.getTime() - days * DAY);
  const dueKr = (objectiveId: string, ownerId: string, title: string, overrides = {}) =>
    createKeyResult(db, org.id, objectiveId, {
      ownerId,
      title,
      createdAt: ago(40),
      lastCheckInAt: ago(10),
      ...overrides,
    });

  const sara = await createMember(db, org.id, 'member', { name: 'Sara', locale: 'sv' });
  const tom = await createMember(db, org.id, 'member', { name: 'Tom', locale: 'en' });
  const quiet = await createMember(db, org.id, 'member', {
    name: 'Quiet',
    notificationSettings: { checkInReminders: false, weeklyDigest: false },
  });
  const viewer = await createMember(db, org.id, 'viewer', { name: 'Viewer' });
  const gone = await createMember(db, org.id, 'member', { name: 'Gone', status: 'disabled' });
  const upToDate = await createMember(db, org.id, 'member', { name: 'Up To Date' });
  const team = await createUnit(db, org.id, { checkInCadenceDays: 14 });
  await addToUnit(db, org.id, team.id, tom.id, 'member');

  const saraObjective = await createObjective(
    db,
    org.id,
    cycle.id,
    { level: 'person', personId: sara.id },
    {
      title: 'Fler deltagare på interna event',
    },
  );
  await dueKr(saraObjective.id, sara.id, 'Mejl ger 100 anmälningar');
  await dueKr(saraObjective.id, sara.id, 'Sociala medier ger 100 anmälningar', { lastCheckInAt: ago(1) });
  await dueKr(saraObjective.id, sara.id, 'Arkiverat', { archivedAt: ago(2) });
  const orgObjective = await createObjective(db, org.id, cycle.id, { level: 'organization' }, { title: 'Grow' });
  await dueKr(orgObjective.id, tom.id, 'Ten new customers');
  // The team checks in every fourteen days: ten days without a check-in is not due yet.
  const teamObjective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: team.id });
  await dueKr(teamObjective.id, tom.id, 'Team KR on a fortnightly cadence');
  await dueKr(orgObjective.id, quiet.id, 'Quiet KR');
  await dueKr(orgObjective.id, viewer.id, 'Viewer KR');
  await dueKr(orgObjective.id, gone.id, 'Gone KR');
  await dueKr(orgObjective.id, upToDate.id, 'Checked in', { lastCheckInAt: ago(2) });
  const draft = await createObjective(db, org.id, cycle.id, { level: 'organization' }, { lifecycle: 'draft' });
  await dueKr(draft.id, upToDate.id, 'Draft KR');
  const old = await createObjective(db, org.id, closed.id, { level: 'organization' });
  await dueKr(old.id, upToDate.id, 'Closed cycle KR');

  const messages = async (kind: string) =>
    db
      .select({
        to: accounts.name,
        subject: outboxMessages.subject,
        text: outboxMessages.textBody,
        locale: outboxMessages.locale,
        key: outboxMessages.dedupeKey,
      })
      .from(outboxMessages)
      .innerJoin(accounts, eq(accounts.id, outboxMessages.recipientId))
      .where(and(eq(outboxMessages.orgId, org.id), eq(outboxMessages.kind, kind)))
      .orderBy(accounts.name);
  return { db, deps, clock, org, sara, tom, upToDate, messages };
}

describe('check-in reminders', () => {
  it('go to the owners of due key results, in their language, listing only what is due', async () => {
    const { deps, org, sara, messages } = await setUp();
    expect(await scheduleCheckInReminders(deps, { timeZone: ZONE, orgId: org.id })).toBe(2);
    const sent = await messages('check_in_reminder');
    expect(sent.map((m) => [m.to, m.locale])).toEqual([
      ['Sara', 'sv'],
      ['Tom', 'en'],
    ]);
    const [toSara, toTom] = sent;
    expect(toSara?.subject).toBe('Dags att stämma av: ”Mejl ger 100 anmälningar”');
    expect(toSara?.text).toContain('Hej Sara!');
    expect(toSara?.text).toContain('Mejl ger 100 anmälningar (på ”Fler deltagare på interna event”)');
    expect(toSara?.text).not.toContain('Sociala medier');
    expect(toSara?.text).not.toContain('Arkiverat');
    expect(toSara?.text).toContain(`https://okr.example.test/orgs/${org.id}/week`);
    expect(toSara?.key).toBe(`check_in_reminder:${org.id}:${sara.id}:2026-W21`);
    expect(toTom?.subject).toBe('Time to check in: “Ten new customers”');
    expect(toTom?.text).not.toContain('fortnightly');
  });

  it('are added once per period however often and however concurrently the schedule runs', async () => {
    const { deps, org, clock, messages } = await setUp();
    const runs = await Promise.all(
      [1, 2, 3].map(() => scheduleCheckInReminders(deps, { timeZone: ZONE, orgId: org.id })),
    );
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    // Friday is still in the window, and the same week: nothing new.
    clock.set(new Date(THURSDAY.getTime() + DAY));
    expect(await scheduleCheckInReminders(deps, { timeZone: ZONE, orgId: org.id })).toBe(0);
    expect(await messages('check_in_reminder')).toHaveLength(2);
    // The next Thursday is a new period, and by then the one who checked in two days ago is due too.
    clock.set(new Date(THURSDAY.getTime() + 7 * DAY));
    expect(await scheduleCheckInReminders(deps, { timeZone: ZONE, orgId: org.id })).toBe(3);
  });

  it('are not added outside their window, and batches cover everyone', async () => {
    const { deps, org, clock, messages } = await setUp();
    clock.set(MONDAY);
    expect(await scheduleCheckInReminders(deps, { timeZone: ZONE, orgId: org.id })).toBe(0);
    clock.set(THURSDAY);
    expect(await scheduleCheckInReminders(deps, { timeZone: ZONE, orgId: org.id, batchSize: 1 })).toBe(2);
    expect(await messages('check_in_reminder')).toHaveLength(2);
  });
});

describe('weekly digests', () => {
  it('summarise each person’s due key results and objectives on Monday morning, in their language', async () => {
    const { deps, org, clock, upToDate, messages } = await setUp();
    clock.set(MONDAY);
    expect(await scheduleWeeklyDigests(deps, { timeZone: ZONE, orgId: org.id, batchSize: 2 })).toBe(3);
    const sent = await messages('weekly_digest');
    expect(sent.map((m) => m.to)).toEqual(['Sara', 'Tom', 'Up To Date']);
    const [toSara, toTom, toUpToDate] = sent;
    expect(toSara?.subject).toBe('Din vecka i Nordljus, vecka 22');
    expect(toSara?.text).toContain('Dags att stämma av den här veckan:');
    expect(toSara?.text).toContain('Mejl ger 100 anmälningar');
    expect(toSara?.text).toMatch(/Fler deltagare på interna event: 0 %, (i fas|i riskzonen|efter plan)/);
    expect(toTom?.subject).toBe('Your week in Nordljus, week 22');
    // The fortnightly team key result is an hour short of due; its objective is listed.
    expect(toTom?.text).not.toContain('Team KR on a fortnightly cadence');
    expect(toTom?.text).toContain('Grow: 0%, off track');
    expect(toUpToDate?.text).toContain('No check-ins are due: well done.');
    expect(toUpToDate?.text).not.toContain('Draft KR');
    expect(toUpToDate?.text).not.toContain('Closed cycle');
    expect(toUpToDate?.key).toContain(`${upToDate.id}:2026-W22`);
    expect(await scheduleWeeklyDigests(deps, { timeZone: ZONE, orgId: org.id })).toBe(0);
  });
});
