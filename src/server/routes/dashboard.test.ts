import { describe, expect, it } from 'vitest';
import { forgetCycles } from '../../app/caches.ts';
import type { Queryable } from '../../db/connect.ts';
import { alignments, checkIns } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { expectCycleFiguresScoped } from '../../test/cycle-figures.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
  type ObjectiveOwner,
} from '../../test/factories.ts';

// Half way through Q2 2026 (91 days from 1 April): the expected progress is exactly 0.5.
const NOW = '2026-05-16T12:00:00Z';
const CREATED = new Date('2026-04-01T00:00:00Z');

/**
 * A small organisation whose figures are worked out by hand below. Key results run from 0
 * to 100 (progress = current / 100); the weekly cadence is the organisation's, Team B's is
 * three days.
 *
 *   O1 (organisation)   k1 60 %, confidence 8, owner: the owner              on track
 *   Division D ─ d1 → O1   k2 10 %, never checked in, m1                       off track (gap 0.4)
 *     Team A ─ a1 → d1     k3 50 % ×1 conf 7, k4 30 % ×3 conf 5 (35 %), m1      at risk
 *     Team B ─ b1          k5 0 %, conf 2, m2; its owner says on track          on track (explicit)
 *   Team C ─ c1            no key results (0 %)                                off track
 *   m1 (in A) ─ m1o        k6 100 %, conf 9, m1                                 on track
 *   m2 (in B) ─ m2o        private; k7 40 %, conf 6, m2                         at risk (confidence)
 *   Not counted: a draft of D, an archived objective of A, an archived key result of O1.
 */
async function constructedOrg() {
  const { app, deps, clock } = await testServer();
  clock.set(NOW);
  const db = deps.db;
  const { org, owner } = await createOrg(db);
  const cycle = await createCycle(db, org.id, { name: 'Q2' });
  const [m1, m2, v1] = [
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'viewer'),
  ];
  const D = await createUnit(db, org.id, { name: 'Division D' });
  const A = await createUnit(db, org.id, { name: 'Team A', parentId: D.id });
  const B = await createUnit(db, org.id, { name: 'Team B', parentId: D.id, checkInCadenceDays: 3 });
  const C = await createUnit(db, org.id, { name: 'Team C' });
  await addToUnit(db, org.id, A.id, m1.id, 'member');
  await addToUnit(db, org.id, B.id, m2.id, 'member');

  const objective = (owner: ObjectiveOwner, overrides: Parameters<typeof createObjective>[4] = {}) =>
    createObjective(db, org.id, cycle.id, owner, overrides);
  const kr = (objectiveId: string, current: number, ownerId: string, lastCheckIn: string | null, more = {}) =>
    createKeyResult(db, org.id, objectiveId, {
      currentValue: current,
      ownerId,
      confidence: (more as { confidence?: number }).confidence ?? null,
      lastCheckInAt: lastCheckIn ? new Date(lastCheckIn) : null,
      createdAt: CREATED,
      ...more,
    });
  const O1 = await objective({ level: 'organization' }, { title: 'O1' });
  const d1 = await objective({ level: 'unit', unitId: D.id }, { title: 'd1' });
  const a1 = await objective({ level: 'unit', unitId: A.id }, { title: 'a1' });
  const b1 = await objective({ level: 'unit', unitId: B.id }, { title: 'b1', status: 'on_track' });
  await objective({ level: 'unit', unitId: C.id }, { title: 'c1' });
  const m1o = await objective({ level: 'person', personId: m1.id }, { title: 'm1o' });
  const m2o = await objective({ level: 'person', personId: m2.id }, { title: 'm2o', visibility: 'private' });
  const draft = await objective({ level: 'unit', unitId: D.id }, { lifecycle: 'draft' });
  const archived = await objective({ level: 'unit', unitId: A.id }, { archivedAt: new Date() });
  await link(db, org.id, d1.id, O1.id);
  await link(db, org.id, a1.id, d1.id);

  const k1 = await kr(O1.id, 60, owner.id, '2026-05-15T00:00:00Z', { confidence: 8 });
  await kr(O1.id, 0, owner.id, null, { archivedAt: new Date() });
  const k2 = await kr(d1.id, 10, m1.id, null, { title: 'k2' });
  const k3 = await kr(a1.id, 50, m1.id, '2026-05-10T12:00:00Z', { confidence: 7 });
  const k4 = await kr(a1.id, 30, m1.id, '2026-05-01T12:00:00Z', { confidence: 5, weight: 3, title: 'k4' });
  const k5 = await kr(b1.id, 0, m2.id, '2026-05-12T12:00:00Z', { confidence: 2, title: 'k5' });
  const k6 = await kr(m1o.id, 100, m1.id, '2026-05-16T00:00:00Z', { confidence: 9 });
  const k7 = await kr(m2o.id, 40, m2.id, '2026-05-09T12:00:00Z', { confidence: 6, title: 'k7' });
  await kr(draft.id, 0, m1.id, null);
  await kr(archived.id, 0, m1.id, null);

  const checkIn = (keyResultId: string, at: string, confidence: number) =>
    db.insert(checkIns).values({ orgId: org.id, keyResultId, value: 1, confidence, createdAt: new Date(at) });
  await checkIn(k1.id, '2026-03-30T12:00:00Z', 1); // before the cycle
  await checkIn(k1.id, '2026-04-03T12:00:00Z', 6); // week 1
  await checkIn(k3.id, '2026-04-05T12:00:00Z', 8); // week 1
  await checkIn(k4.id, '2026-04-20T12:00:00Z', 5); // week 3
  await checkIn(k7.id, '2026-05-09T12:00:00Z', 6); // week 6, private
  await checkIn(k1.id, '2026-05-15T00:00:00Z', 8); // week 7
  await checkIn(k6.id, '2026-05-16T00:00:00Z', 9); // week 7

  const signIn = (email: string) => ApiClient.signIn(app, email);
  return {
    app,
    deps,
    org,
    cycle,
    people: { owner, m1, m2 },
    units: { D, A, B, C },
    keyResults: { k2, k4, k5, k7 },
    objectives: { d1, a1, b1, m2o },
    admin: await signIn(owner.email),
    m1: await signIn(m1.email),
    viewer: await signIn(v1.email),
  };
}

async function link(db: Queryable, orgId: string, objectiveId: string, supportsId: string) {
  await db.insert(alignments).values({ orgId, objectiveId, supportsId });
}

async function dashboardOf(client: ApiClient, orgId: string, query: Record<string, string>) {
  const response = await client.get(`/api/v1/orgs/${orgId}/dashboard?${new URLSearchParams(query)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const statuses = (on_track: number, at_risk: number, off_track: number) => ({ on_track, at_risk, off_track });
const bands = (...counts: number[]) => counts.map((count, band) => ({ from: band / 10, to: (band + 1) / 10, count }));
const week = (n: number) =>
  new Date(Date.parse('2026-04-01T00:00:00Z') + (n - 1) * 7 * 86_400_000).toISOString().slice(0, 10);

describe('dashboard API', () => {
  it('gives exact figures for the organisation', async () => {
    const { org, cycle, units, keyResults: k, objectives: o, people, admin } = await constructedOrg();
    const body = await dashboardOf(admin, org.id, { cycleId: cycle.id });
    const { confidenceTrend, ...rest } = body;
    expect(rest).toEqual({
      cycleId: cycle.id,
      unitId: null,
      expectedProgress: 0.5,
      objectives: {
        total: 7,
        byStatus: statuses(3, 2, 2),
        explicitStatus: 1,
        netConfidence: 1 / 7,
        averageProgress: expect.closeTo(2.45 / 7, 12),
      },
      keyResults: { total: 7, byStatus: statuses(3, 2, 2) },
      progressDistribution: bands(2, 1, 0, 1, 1, 0, 1, 0, 0, 1),
      checkIns: {
        tracking: true,
        owners: 3,
        ownersUpToDate: 1,
        participation: 1 / 3,
        overdue: 4,
        mostOverdue: [
          {
            keyResultId: k.k2.id,
            title: 'k2',
            objectiveId: o.d1.id,
            objectiveTitle: 'd1',
            ownerId: people.m1.id,
            ownerName: people.m1.name,
            lastCheckInAt: null,
            cadenceDays: 7,
            daysOverdue: 38,
          },
          expect.objectContaining({ keyResultId: k.k4.id, objectiveId: o.a1.id, cadenceDays: 7, daysOverdue: 8 }),
          expect.objectContaining({
            keyResultId: k.k5.id,
            ownerName: people.m2.name,
            lastCheckInAt: '2026-05-12T12:00:00.000Z',
            cadenceDays: 3,
            daysOverdue: 1,
          }),
          expect.objectContaining({ keyResultId: k.k7.id, objectiveId: o.m2o.id, daysOverdue: 0 }),
        ],
      },
      alignment: {
        unitObjectives: 4,
        supportingOrganization: 2,
        servingThemeOnly: 0,
        unitShare: 0.5,
        organizationObjectives: 1,
        supportedOrganization: 1,
        organizationShare: 1,
      },
      units: [
        {
          id: units.D.id,
          name: 'Division D',
          total: 5,
          byStatus: statuses(2, 2, 1),
          netConfidence: 0.2,
          averageProgress: expect.closeTo(0.37, 12),
        },
        {
          id: units.C.id,
          name: 'Team C',
          total: 1,
          byStatus: statuses(0, 0, 1),
          netConfidence: -1,
          averageProgress: 0,
        },
      ],
      // No strategy themes in this organisation: no breakdown by theme (themes.test.ts has one).
      themes: [],
    });
    expect(confidenceTrend).toHaveLength(13);
    expect(confidenceTrend.filter((w: { checkIns: number }) => w.checkIns > 0)).toEqual([
      { week: 1, startsOn: week(1), checkIns: 2, averageConfidence: 7 },
      { week: 3, startsOn: week(3), checkIns: 1, averageConfidence: 5 },
      { week: 6, startsOn: week(6), checkIns: 1, averageConfidence: 6 },
      { week: 7, startsOn: week(7), checkIns: 2, averageConfidence: 8.5 },
    ]);
    expect(confidenceTrend[1]).toEqual({ week: 2, startsOn: week(2), checkIns: 0, averageConfidence: null });
  });

  it('gives a unit’s figures with the units beneath it and their people', async () => {
    const { org, cycle, units, admin } = await constructedOrg();
    const body = await dashboardOf(admin, org.id, { cycleId: cycle.id, unitId: units.D.id });
    expect(body.objectives).toEqual({
      total: 5,
      byStatus: statuses(2, 2, 1),
      explicitStatus: 1,
      netConfidence: 0.2,
      averageProgress: expect.closeTo(0.37, 12),
    });
    expect(body.keyResults).toEqual({ total: 6, byStatus: statuses(2, 2, 2) });
    expect(body.checkIns).toMatchObject({ owners: 2, ownersUpToDate: 0, participation: 0, overdue: 4 });
    expect(body.alignment).toEqual({
      unitObjectives: 3,
      supportingOrganization: 2,
      servingThemeOnly: 0,
      unitShare: 2 / 3,
      organizationObjectives: 1,
      supportedOrganization: 1,
      organizationShare: 1,
    });
    expect(body.units).toEqual([
      {
        id: units.A.id,
        name: 'Team A',
        total: 2,
        byStatus: statuses(1, 1, 0),
        netConfidence: 0.5,
        averageProgress: 0.675,
      },
      {
        id: units.B.id,
        name: 'Team B',
        total: 2,
        byStatus: statuses(1, 1, 0),
        netConfidence: 0.5,
        averageProgress: 0.2,
      },
    ]);
    const leaf = await dashboardOf(admin, org.id, { cycleId: cycle.id, unitId: units.C.id });
    expect(leaf.objectives).toMatchObject({ total: 1, netConfidence: -1 });
    expect(leaf.units).toEqual([]);
    expect(leaf.checkIns).toMatchObject({ owners: 0, participation: null, overdue: 0, mostOverdue: [] });
  });

  it('counts only what the caller may read: a member does not see another’s private objective', async () => {
    const { org, cycle, m1, viewer } = await constructedOrg();
    const body = await dashboardOf(m1, org.id, { cycleId: cycle.id });
    expect(body.objectives).toMatchObject({ total: 6, byStatus: statuses(3, 1, 2), netConfidence: 1 / 6 });
    expect(body.keyResults.total).toBe(6);
    expect(body.checkIns).toMatchObject({ owners: 3, ownersUpToDate: 1, overdue: 3 });
    expect(body.confidenceTrend[5]).toMatchObject({ week: 6, checkIns: 0, averageConfidence: null });
    expect((await dashboardOf(viewer, org.id, { cycleId: cycle.id })).objectives.total).toBe(6);
  });

  it('tracks no check-ins outside an active cycle, and is whole for an empty one', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const closed = await createCycle(deps.db, org.id, { status: 'closed' });
    const objective = await createObjective(deps.db, org.id, closed.id);
    await createKeyResult(deps.db, org.id, objective.id, { ownerId: owner.id, createdAt: CREATED });
    const client = await ApiClient.signIn(app, owner.email);
    const body = await dashboardOf(client, org.id, { cycleId: closed.id });
    expect(body.checkIns).toEqual({
      tracking: false,
      owners: 0,
      ownersUpToDate: 0,
      participation: null,
      overdue: 0,
      mostOverdue: [],
    });
    expect(body.objectives.total).toBe(1);

    const empty = await createCycle(deps.db, org.id, {
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      status: 'planning',
    });
    forgetCycles(deps); // written past the server, which would clear its cycles itself
    const nothing = await dashboardOf(client, org.id, { cycleId: empty.id });
    expect(nothing).toMatchObject({
      expectedProgress: 0,
      objectives: { total: 0, byStatus: statuses(0, 0, 0), netConfidence: null, averageProgress: null },
      keyResults: { total: 0 },
      progressDistribution: bands(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      alignment: { unitShare: null, organizationShare: null },
      units: [],
    });
    expect(nothing.confidenceTrend).toHaveLength(14);
  });

  it('answers 404 for another organisation’s ids and 400 without a cycle', async () => {
    const { app, deps, org, cycle, admin } = await constructedOrg();
    await expectCycleFiguresScoped(app, deps, 'dashboard', { orgId: org.id, cycleId: cycle.id, admin });
    const badUnit = `/api/v1/orgs/${org.id}/dashboard?cycleId=${cycle.id}&unitId=nope`;
    expect((await admin.get(badUnit)).statusCode).toBe(400);
  });
});

describe('dashboard summary API', () => {
  const summaryOf = async (client: ApiClient, orgId: string, query: Record<string, string>) => {
    const response = await client.get(`/api/v1/orgs/${orgId}/dashboard/summary?${new URLSearchParams(query)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('counts objectives by status and net confidence by hand, as the dashboard does', async () => {
    const { org, cycle, units, admin, m1, viewer } = await constructedOrg();
    // The figures worked out by hand above constructedOrg: O1, b1 (explicit) and m1o on
    // track; a1 and m2o at risk; d1 and c1 off track.
    expect(await summaryOf(admin, org.id, { cycleId: cycle.id })).toEqual({
      cycleId: cycle.id,
      unitId: null,
      objectives: { total: 7, byStatus: statuses(3, 2, 2), netConfidence: 1 / 7 },
      asOf: expect.any(String),
    });
    expect(await summaryOf(admin, org.id, { cycleId: cycle.id, unitId: units.D.id })).toEqual({
      cycleId: cycle.id,
      unitId: units.D.id,
      objectives: { total: 5, byStatus: statuses(2, 2, 1), netConfidence: 0.2 },
      asOf: expect.any(String),
    });
    expect((await summaryOf(admin, org.id, { cycleId: cycle.id, unitId: units.C.id })).objectives).toEqual({
      total: 1,
      byStatus: statuses(0, 0, 1),
      netConfidence: -1,
    });
    // m2's private objective (at risk) is not m1's to count, nor a viewer's.
    for (const reader of [m1, viewer]) {
      expect((await summaryOf(reader, org.id, { cycleId: cycle.id })).objectives).toEqual({
        total: 6,
        byStatus: statuses(3, 1, 2),
        netConfidence: 1 / 6,
      });
    }
    // The same figures as the whole dashboard's, for every scope.
    const scopes: Record<string, string>[] = [
      {},
      { unitId: units.D.id },
      { unitId: units.A.id },
      { unitId: units.B.id },
    ];
    for (const query of scopes) {
      const whole = await dashboardOf(admin, org.id, { cycleId: cycle.id, ...query });
      const summary = await summaryOf(admin, org.id, { cycleId: cycle.id, ...query });
      expect(summary.objectives).toEqual({
        total: whole.objectives.total,
        byStatus: whole.objectives.byStatus,
        netConfidence: whole.objectives.netConfidence,
      });
    }
  });

  it('is empty for a cycle without objectives', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const cycle = await createCycle(deps.db, org.id);
    const client = await ApiClient.signIn(app, owner.email);
    expect((await summaryOf(client, org.id, { cycleId: cycle.id })).objectives).toEqual({
      total: 0,
      byStatus: statuses(0, 0, 0),
      netConfidence: null,
    });
  });

  it('answers 404 for another organisation’s ids and 400 without a cycle', async () => {
    const { app, deps, org, cycle, admin } = await constructedOrg();
    await expectCycleFiguresScoped(app, deps, 'dashboard/summary', { orgId: org.id, cycleId: cycle.id, admin });
    const badUnit = `/api/v1/orgs/${org.id}/dashboard/summary?cycleId=${cycle.id}&unitId=nope`;
    expect((await admin.get(badUnit)).statusCode).toBe(400);
  });
});
