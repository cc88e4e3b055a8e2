import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../db/connect.ts';
import {
  accounts,
  activities,
  alignments,
  auditEvents,
  checkIns,
  cycles,
  keyResults,
  memberships,
  objectives,
  objectiveThemes,
  organizations,
  strategyThemes,
  unitMembers,
  units,
} from '../../db/schema.ts';
import { testDatabase, testEngine } from '../../test/test-db.ts';
import { verifyPassword } from '../auth/passwords.ts';
import {
  buildDemoRows,
  checkInTimes,
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  demoOrgExists,
  isDatabaseEmpty,
  seedDemo,
} from './seed-demo.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

class Rollback extends Error {}

/**
 * The demo's e-mail addresses and slug are unique across the whole database, and the
 * PostgreSQL test database is shared between test files: seed inside a transaction and
 * roll it back, so nothing is left behind.
 */
async function withSeededDemo(check: (tx: Tx, orgId: string) => Promise<void>): Promise<void> {
  const { db } = await testDatabase();
  const run = db.transaction(async (tx) => {
    const { orgId } = await seedDemo(tx, NOW);
    await check(tx, orgId);
    throw new Rollback();
  });
  await expect(run).rejects.toBeInstanceOf(Rollback);
}

describe('seedDemo', () => {
  it('loads the Swedish demo organisation with the method’s worked example, in one transaction', async () => {
    const { db } = await testDatabase();
    // The PGlite database belongs to this file; the PostgreSQL one is shared.
    if (testEngine() === 'pglite') expect(await isDatabaseEmpty(db)).toBe(true);

    await withSeededDemo(async (tx, orgId) => {
      expect(await isDatabaseEmpty(tx)).toBe(false);
      expect(await demoOrgExists(tx)).toBe(true);

      const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
      expect(org).toMatchObject({ name: 'Nordljus AB', slug: 'nordljus', defaultLocale: 'sv' });
      expect(org?.vision).not.toBe('');
      expect(org?.mission).not.toBe('');
      expect(org?.strategy).toMatch(/^- /m);

      // The year holding "now" and its quarters.
      const cycleRows = await tx
        .select()
        .from(cycles)
        .where(eq(cycles.orgId, orgId))
        .orderBy(asc(cycles.startsOn), asc(cycles.parentId));
      const year = cycleRows.find((c) => c.parentId === null);
      expect(year).toMatchObject({ name: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'active' });
      const quarters = cycleRows.filter((c) => c.parentId === year?.id);
      expect(quarters.map((q) => [q.startsOn, q.endsOn, q.status])).toEqual([
        ['2026-01-01', '2026-03-31', 'closed'],
        ['2026-04-01', '2026-06-30', 'active'],
        ['2026-07-01', '2026-09-30', 'planning'],
        ['2026-10-01', '2026-12-31', 'planning'],
      ]);
      const quarter = quarters[1];

      // Organisation objectives for the year: 3–4, each with 3–4 owned key results.
      const objectiveRows = await tx.select().from(objectives).where(eq(objectives.orgId, orgId));
      const krRows = await tx.select().from(keyResults).where(eq(keyResults.orgId, orgId));
      const krsOf = (objectiveId: string) => krRows.filter((k) => k.objectiveId === objectiveId);
      const orgObjectives = objectiveRows.filter((o) => o.level === 'organization');
      expect(orgObjectives.length).toBeGreaterThanOrEqual(3);
      expect(orgObjectives.length).toBeLessThanOrEqual(4);
      for (const objective of orgObjectives) {
        expect(objective.cycleId).toBe(year?.id);
        const krs = krsOf(objective.id);
        expect(krs.length, objective.title).toBeGreaterThanOrEqual(3);
        expect(krs.length, objective.title).toBeLessThanOrEqual(4);
        for (const kr of krs) expect(kr.ownerId, kr.title).not.toBeNull();
      }
      expect(new Set(krRows.map((k) => k.metric))).toEqual(
        new Set(['increase_to', 'decrease_to', 'stay_at_or_above', 'stay_at_or_below', 'milestone']),
      );

      // Two layers of units, each with its vision, mission, lead and members.
      const unitRows = await tx.select().from(units).where(eq(units.orgId, orgId));
      const divisions = unitRows.filter((u) => u.kind === 'division');
      expect(divisions.length).toBeGreaterThanOrEqual(2);
      expect(divisions.length).toBeLessThanOrEqual(3);
      for (const division of divisions) {
        expect(division.parentId).toBeNull();
        const teams = unitRows.filter((u) => u.parentId === division.id);
        expect(teams.length, division.name).toBeGreaterThanOrEqual(2);
        expect(teams.length, division.name).toBeLessThanOrEqual(3);
        for (const t of teams) expect(t.kind).toBe('team');
      }
      expect(unitRows.filter((u) => u.kind === 'team' && !divisions.some((d) => d.id === u.parentId))).toEqual([]);
      const unitMemberRows = await tx.select().from(unitMembers).where(eq(unitMembers.orgId, orgId));
      for (const unit of unitRows) {
        expect(unit.vision, unit.name).not.toBe('');
        expect(unit.mission, unit.name).not.toBe('');
        const roles = unitMemberRows.filter((m) => m.unitId === unit.id).map((m) => m.role);
        expect(roles, unit.name).toContain('lead');
        expect(roles, unit.name).toContain('member');
      }
      const marketing = unitRows.find((u) => u.name === 'Marknad');
      expect(marketing?.kind).toBe('team');

      // The marketing team's key result from the worked example.
      const eventsKr = krRows.find((k) => k.title === '300 deltagare på interna event');
      expect(eventsKr).toMatchObject({ metric: 'increase_to', startValue: 0, targetValue: 300, unit: 'deltagare' });
      const marketingObjective = objectiveRows.find((o) => o.id === eventsKr?.objectiveId);
      expect(marketingObjective).toMatchObject({ level: 'unit', unitId: marketing?.id, cycleId: quarter?.id });

      // Every team or division objective of the quarter supports an organisation objective, or
      // (Logistik's, with nothing of the year's agenda about its work) serves a strategy theme.
      const alignmentRows = await tx.select().from(alignments).where(eq(alignments.orgId, orgId));
      const themeRows = await tx.select().from(objectiveThemes).where(eq(objectiveThemes.orgId, orgId));
      const unitObjectives = objectiveRows.filter((o) => o.level === 'unit' && o.cycleId === quarter?.id);
      expect(unitObjectives.length).toBeGreaterThanOrEqual(3);
      for (const objective of unitObjectives) {
        const supported = alignmentRows.filter((a) => a.objectiveId === objective.id).map((a) => a.supportsId);
        expect(
          orgObjectives.some((o) => supported.includes(o.id)) || themeRows.some((t) => t.objectiveId === objective.id),
          objective.title,
        ).toBe(true);
      }
      // The strategy's four themes, and the organisation's objectives that carry them.
      const themeList = await tx.select().from(strategyThemes).where(eq(strategyThemes.orgId, orgId));
      expect(themeList.map((t) => t.name).sort()).toEqual(
        ['Belysning som tjänst', 'Besparing som syns', 'Hållbart i hela kedjan', 'Nära kunden'].sort(),
      );
      const orgThemed = orgObjectives.filter((o) => themeRows.some((t) => t.objectiveId === o.id));
      expect(orgThemed.length).toBeGreaterThanOrEqual(3);

      // Sara, in the marketing team, and her own objective supporting the team's.
      const [sara] = await tx.select().from(accounts).where(eq(accounts.email, 'sara@example.com'));
      expect(sara).toMatchObject({ name: 'Sara Lindqvist', locale: 'sv' });
      expect(unitMemberRows).toContainEqual(
        expect.objectContaining({ unitId: marketing?.id, accountId: sara?.id, role: 'member' }),
      );
      const saraObjective = objectiveRows.find(
        (o) => o.title === 'Öka deltagandet på interna event jämfört med förra året',
      );
      expect(saraObjective).toMatchObject({ level: 'person', personId: sara?.id, unitId: null, cycleId: quarter?.id });
      expect(alignmentRows).toContainEqual(
        expect.objectContaining({ objectiveId: saraObjective?.id, supportsId: marketingObjective?.id }),
      );
      const saraKrs = krsOf(saraObjective?.id ?? '');
      expect(saraKrs.map((k) => [k.title, k.startValue, k.targetValue]).sort()).toEqual(
        [
          ['E-post genererar 100 anmälningar', 0, 100],
          ['Sociala medier genererar 100 anmälningar', 0, 100],
          ['Varje säljare bjuder in minst 10 kunder', 0, 10],
        ].sort(),
      );
      expect(saraKrs.find((k) => k.title.startsWith('Varje säljare'))?.unit).toBe('kunder');
      const saraActivities = await tx
        .select()
        .from(activities)
        .where(
          inArray(
            activities.keyResultId,
            saraKrs.map((k) => k.id),
          ),
        );
      for (const kr of saraKrs) {
        expect(kr.ownerId).toBe(sara?.id);
        const plan = saraActivities.filter((a) => a.keyResultId === kr.id);
        expect(plan.length, kr.title).toBeGreaterThanOrEqual(2);
        for (const a of plan) {
          expect(['todo', 'doing', 'done']).toContain(a.status);
          const due = a.dueOn ?? '';
          expect(due >= (quarter?.startsOn ?? '') && due <= (quarter?.endsOn ?? ''), a.title).toBe(true);
        }
        const history = await tx
          .select()
          .from(checkIns)
          .where(eq(checkIns.keyResultId, kr.id))
          .orderBy(asc(checkIns.createdAt));
        expect(history.length, kr.title).toBeGreaterThanOrEqual(4);
        for (const c of history) {
          expect(c.createdAt.getTime()).toBeLessThan(NOW.getTime());
          expect(c.createdAt.getTime()).toBeGreaterThanOrEqual(new Date(`${quarter?.startsOn}T00:00:00Z`).getTime());
          expect(c.note).not.toBe('');
        }
        const values = history.map((c) => c.value);
        expect(values).toEqual([...values].sort((a, b) => a - b));
      }

      // Current value, confidence and time of every key result are its latest check-in's.
      const allCheckIns = await tx
        .select()
        .from(checkIns)
        .where(eq(checkIns.orgId, orgId))
        .orderBy(asc(checkIns.createdAt));
      for (const kr of krRows) {
        const latest = allCheckIns.filter((c) => c.keyResultId === kr.id).at(-1);
        if (!latest) continue;
        expect([kr.currentValue, kr.confidence, kr.lastCheckInAt?.getTime()], kr.title).toEqual([
          latest.value,
          latest.confidence,
          latest.createdAt.getTime(),
        ]);
      }
      const quarterKrs = krRows.filter((k) => unitObjectives.some((o) => o.id === k.objectiveId));
      expect(quarterKrs.filter((k) => k.lastCheckInAt !== null).length).toBeGreaterThanOrEqual(5);

      // A personal development objective with one or two key results.
      const development = objectiveRows.find((o) => o.kind === 'development');
      expect(development?.level).toBe('person');
      expect(krsOf(development?.id ?? '').length).toBeGreaterThanOrEqual(1);
      expect(krsOf(development?.id ?? '').length).toBeLessThanOrEqual(2);

      // The banner's sign-ins work with the demo password.
      const signIns = await tx
        .select({ email: accounts.email, hash: accounts.passwordHash, role: memberships.role })
        .from(accounts)
        .innerJoin(memberships, and(eq(memberships.accountId, accounts.id), eq(memberships.orgId, orgId)))
        .where(inArray(accounts.email, [...DEMO_SIGN_INS]));
      expect(signIns.map((s) => [s.email, s.role]).sort()).toEqual([
        ['demo@example.com', 'owner'],
        ['sara@example.com', 'member'],
      ]);
      for (const s of signIns) {
        expect(s.hash).toMatch(/^\$argon2id\$/);
        expect(await verifyPassword(s.hash, DEMO_PASSWORD)).toBe(true);
      }
      const people = await tx
        .select({ email: accounts.email })
        .from(memberships)
        .innerJoin(accounts, eq(accounts.id, memberships.accountId))
        .where(eq(memberships.orgId, orgId));
      expect(people.length).toBeGreaterThanOrEqual(10);
      for (const p of people) expect(p.email).toMatch(/@example\.com$/);

      const audit = await tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'demo.seed')));
      expect(audit).toMatchObject([{ entityType: 'organization', entityId: orgId }]);
    });

    // Rolled back: nothing is left for other test files on a shared database.
    expect(await demoOrgExists(db)).toBe(false);
  });

  it('plans the next year and its first quarter in the last quarter, so there is somewhere to carry over to', () => {
    const planned = (now: string) =>
      buildDemoRows(new Date(now), 'hash')
        .cycles.filter((c) => c.status === 'planning')
        .map((c) => [c.name, c.startsOn, c.endsOn]);
    expect(planned('2026-11-30T08:00:00Z')).toEqual([
      ['2027', '2027-01-01', '2027-12-31'],
      ['Q1 2027', '2027-01-01', '2027-03-31'],
    ]);
    expect(planned('2026-08-20T12:00:00Z')).toEqual([['Q4 2026', '2026-10-01', '2026-12-31']]);
    const closed = buildDemoRows(new Date('2026-08-20T12:00:00Z'), 'hash').cycles.filter((c) => c.status === 'closed');
    expect(closed.map((c) => c.closedAt)).toEqual([expect.any(Date), expect.any(Date)]);
  });

  it('derives every date from now, in any quarter of any year', () => {
    for (const now of ['2027-01-03T08:00:00Z', '2026-08-20T12:00:00Z', '2028-12-31T23:00:00Z']) {
      const at = new Date(now);
      const rows = buildDemoRows(at, 'hash');
      const year = rows.cycles.find((c) => c.parentId === null);
      expect(year?.name).toBe(String(at.getUTCFullYear()));
      const active = rows.cycles.filter((c) => c.parentId !== null && c.status === 'active');
      expect(active).toHaveLength(1);
      const [quarter] = active;
      const today = now.slice(0, 10);
      expect(quarter && quarter.startsOn <= today && today <= quarter.endsOn).toBe(true);
      const quarterStart = new Date(`${quarter?.startsOn}T00:00:00Z`).getTime();
      const time = (c: { createdAt?: Date }) => c.createdAt?.getTime() ?? Number.NaN;
      for (const c of rows.checkIns) {
        expect(time(c)).toBeLessThan(at.getTime());
        expect(time(c)).toBeGreaterThanOrEqual(new Date(`${year?.startsOn}T00:00:00Z`).getTime());
      }
      const saraObjective = rows.objectives.find((o) => o.title.startsWith('Öka deltagandet'));
      const saraKrIds = new Set(rows.keyResults.filter((k) => k.objectiveId === saraObjective?.id).map((k) => k.id));
      for (const c of rows.checkIns.filter((c) => saraKrIds.has(c.keyResultId))) {
        expect(time(c)).toBeGreaterThanOrEqual(quarterStart);
      }
    }
  });

  it('spaces check-ins weekly when the cycle allows, and squeezes them early in a cycle', () => {
    const start = new Date('2026-04-01T00:00:00Z');
    const weekly = checkInTimes(start, NOW, 6, 7);
    expect(weekly.map((t) => t.toISOString())).toEqual([
      '2026-04-08T10:00:00.000Z',
      '2026-04-15T10:00:00.000Z',
      '2026-04-22T10:00:00.000Z',
      '2026-04-29T10:00:00.000Z',
      '2026-05-06T10:00:00.000Z',
      '2026-05-13T10:00:00.000Z',
    ]);
    const early = checkInTimes(start, new Date('2026-04-04T00:00:00Z'), 6, 7);
    expect(early[0]?.getTime()).toBeGreaterThan(start.getTime());
    expect(early.at(-1)?.getTime()).toBeLessThan(new Date('2026-04-04T00:00:00Z').getTime());
  });
});
