import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/connect.ts';
import { alignments } from '../../db/schema.ts';
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

/**
 * A small organisation whose figures are worked out by hand below.
 *
 *   year 2026 ─ Y1 (organisation)
 *   Q2 (in 2026) ─ O1, O2, O3 (organisation)
 *   Division D ─ d1 → O1
 *     Team A ─ a1 → d1 (so O1 through D), a2 (supports nothing, no key results)
 *     Team B ─ b1 → Y1
 *   Team C ─ c1 → a2 (reaches nothing; no key results), c2 → O2 (a draft: does not count)
 *   Team E ─ e1 → O3 (archived: does not count)
 *   Team X (archived)
 *   People: the owner, m1 (in A; an objective without key results), m2 (in B; a private
 *   objective), m3 (an objective in the year only), v1 (viewer, in A).
 */
async function constructedOrg() {
  const { app, deps } = await testServer();
  const db = deps.db;
  const { org, owner } = await createOrg(db);
  const year = await createCycle(db, org.id, { name: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const quarter = await createCycle(db, org.id, {
    name: 'Q2',
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
    parentId: year.id,
  });
  const [m1, m2, m3, v1] = [
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'viewer'),
  ];
  const unit = (name: string, parentId?: string) => createUnit(db, org.id, { name, parentId: parentId ?? null });
  const D = await unit('Division D');
  const A = await unit('Team A', D.id);
  const B = await unit('Team B', D.id);
  const C = await unit('Team C');
  const E = await unit('Team E');
  await createUnit(db, org.id, { name: 'Team X', archivedAt: new Date() });
  await addToUnit(db, org.id, A.id, m1.id, 'member');
  await addToUnit(db, org.id, B.id, m2.id, 'member');
  await addToUnit(db, org.id, A.id, v1.id, 'member');

  const objective = async (
    title: string,
    owner: ObjectiveOwner,
    options: { cycleId?: string; supports?: string[]; keyResults?: boolean } & Parameters<
      typeof createObjective
    >[4] = {},
  ) => {
    const { cycleId = quarter.id, supports = [], keyResults = true, ...overrides } = options;
    const row = await createObjective(db, org.id, cycleId, owner, { title, ...overrides });
    if (keyResults) await createKeyResult(db, org.id, row.id);
    for (const supportsId of supports) await link(db, org.id, row.id, supportsId);
    return row;
  };
  const Y1 = await objective('Y1', { level: 'organization' }, { cycleId: year.id });
  const O1 = await objective('O1', { level: 'organization' });
  const O2 = await objective('O2', { level: 'organization' });
  const O3 = await objective('O3', { level: 'organization' });
  const d1 = await objective('d1', { level: 'unit', unitId: D.id }, { supports: [O1.id] });
  const a1 = await objective('a1', { level: 'unit', unitId: A.id }, { supports: [d1.id] });
  const a2 = await objective('a2', { level: 'unit', unitId: A.id }, { keyResults: false });
  const b1 = await objective('b1', { level: 'unit', unitId: B.id }, { supports: [Y1.id] });
  const c1 = await objective('c1', { level: 'unit', unitId: C.id }, { supports: [a2.id], keyResults: false });
  await objective('c2', { level: 'unit', unitId: C.id }, { supports: [O2.id], lifecycle: 'draft' });
  await objective('e1', { level: 'unit', unitId: E.id }, { supports: [O3.id], archivedAt: new Date() });
  const m1o = await objective('m1o', { level: 'person', personId: m1.id }, { supports: [a1.id], keyResults: false });
  await objective('m2o', { level: 'person', personId: m2.id }, { visibility: 'private' });
  await objective('m3o', { level: 'person', personId: m3.id }, { cycleId: year.id });

  const signIn = (email: string) => ApiClient.signIn(app, email);
  return {
    app,
    deps,
    org,
    year,
    quarter,
    units: { D, A, B, C, E },
    objectives: { Y1, O1, O2, O3, d1, a1, a2, b1, c1, m1o },
    admin: await signIn(owner.email),
    m1: await signIn(m1.email),
  };
}

async function link(db: Queryable, orgId: string, objectiveId: string, supportsId: string) {
  await db.insert(alignments).values({ orgId, objectiveId, supportsId });
}

const byTitle = <T extends { title: string }>(list: T[]) => [...list].sort((a, b) => a.title.localeCompare(b.title));
const named = (...rows: { id: string; title: string }[]) => byTitle(rows.map(({ id, title }) => ({ id, title })));

async function healthOf(client: ApiClient, orgId: string, query: Record<string, string>) {
  const response = await client.get(`/api/v1/orgs/${orgId}/alignment-health?${new URLSearchParams(query)}`);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  return {
    ...body,
    organizationObjectives: {
      ...body.organizationObjectives,
      unsupported: byTitle(body.organizationObjectives.unsupported),
    },
    objectivesWithoutKeyResults: byTitle(body.objectivesWithoutKeyResults),
  };
}

describe('alignment health API', () => {
  it('gives exact figures for the organisation, and for a unit with the units beneath it', async () => {
    const { org, quarter, units, objectives: o, admin } = await constructedOrg();

    expect(await healthOf(admin, org.id, { cycleId: quarter.id })).toEqual({
      cycleId: quarter.id,
      unitId: null,
      unitObjectives: { total: 5, supportingOrganization: 3, share: 0.6, servingThemeOnly: 0 },
      organizationObjectives: { total: 4, unsupported: named(o.O2, o.O3) },
      units: { total: 5, withoutObjectives: [{ id: units.E.id, name: 'Team E' }] },
      people: { total: 4, withIndividualObjectives: 2, share: 0.5 },
      objectivesWithoutKeyResults: byTitle([o.a2, o.c1, o.m1o].map(({ id, title, level }) => ({ id, title, level }))),
      asOf: expect.any(String),
    });

    expect(await healthOf(admin, org.id, { cycleId: quarter.id, unitId: units.D.id })).toEqual({
      cycleId: quarter.id,
      unitId: units.D.id,
      unitObjectives: { total: 4, supportingOrganization: 3, share: 0.75, servingThemeOnly: 0 },
      organizationObjectives: { total: 4, unsupported: named(o.O2, o.O3) },
      units: { total: 3, withoutObjectives: [] },
      // m1 and m2; the viewer v1 does not count.
      people: { total: 2, withIndividualObjectives: 2, share: 1 },
      objectivesWithoutKeyResults: byTitle([o.a2, o.m1o].map(({ id, title, level }) => ({ id, title, level }))),
      asOf: expect.any(String),
    });

    expect(await healthOf(admin, org.id, { cycleId: quarter.id, unitId: units.C.id })).toEqual({
      cycleId: quarter.id,
      unitId: units.C.id,
      unitObjectives: { total: 1, supportingOrganization: 0, share: 0, servingThemeOnly: 0 },
      organizationObjectives: { total: 4, unsupported: named(o.O1, o.O2, o.O3, o.Y1) },
      units: { total: 1, withoutObjectives: [] },
      people: { total: 0, withIndividualObjectives: 0, share: null },
      objectivesWithoutKeyResults: [{ id: o.c1.id, title: 'c1', level: 'unit' }],
      asOf: expect.any(String),
    });
  });

  it('counts what the caller may read: a member does not see another’s private objective', async () => {
    const { org, quarter, m1 } = await constructedOrg();
    const health = await healthOf(m1, org.id, { cycleId: quarter.id });
    expect(health.people).toEqual({ total: 4, withIndividualObjectives: 1, share: 0.25 });
    expect(health.unitObjectives).toEqual({ total: 5, supportingOrganization: 3, share: 0.6, servingThemeOnly: 0 });
  });

  it('is empty but whole for a cycle with nothing in it', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const cycle = await createCycle(deps.db, org.id);
    const client = await ApiClient.signIn(app, owner.email);
    expect(await healthOf(client, org.id, { cycleId: cycle.id })).toEqual({
      cycleId: cycle.id,
      unitId: null,
      unitObjectives: { total: 0, supportingOrganization: 0, share: null, servingThemeOnly: 0 },
      organizationObjectives: { total: 0, unsupported: [] },
      units: { total: 0, withoutObjectives: [] },
      people: { total: 1, withIndividualObjectives: 0, share: 0 },
      objectivesWithoutKeyResults: [],
      asOf: expect.any(String),
    });
  });

  it('answers 404 for another organisation’s ids and 400 without a cycle', async () => {
    const { app, deps, org, quarter, admin } = await constructedOrg();
    await expectCycleFiguresScoped(app, deps, 'alignment-health', { orgId: org.id, cycleId: quarter.id, admin });
  });
});
