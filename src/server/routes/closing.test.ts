import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
import { alignments, auditEvents, cycles, keyResults, objectives, reflections } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';

const ifMatch = (version: number | string) => ({ headers: { 'if-match': `"${version}"` } });

async function setting() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const admin = await ApiClient.signIn(app, owner.email);
  const signIn = async (role: OrgRole) => {
    const account = await createMember(deps.db, org.id, role);
    return { account, client: await ApiClient.signIn(app, account.email) };
  };
  return { app, deps, org, owner, admin, signIn };
}

describe('closing a cycle', () => {
  it('closes an active cycle and gives what has no final score the suggested one', async () => {
    const { deps, org, owner, admin } = await setting();
    const cycle = await createCycle(deps.db, org.id, { status: 'active' });
    const other = await createCycle(deps.db, org.id, {
      status: 'active',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
    });
    const open = await createObjective(deps.db, org.id, cycle.id);
    // 62 of 100 → 0.6; a reached milestone → 1; an owner's 0.3 stays. Objective: (0.6 + 1 + 0.3) / 3 → 0.6.
    const kr62 = await createKeyResult(deps.db, org.id, open.id, { currentValue: 62 });
    const milestone = await createKeyResult(deps.db, org.id, open.id, {
      metric: 'milestone',
      targetValue: 1,
      currentValue: 1,
    });
    const scored = await createKeyResult(deps.db, org.id, open.id, { currentValue: 90, finalScore: 0.3 });
    const archivedKr = await createKeyResult(deps.db, org.id, open.id, { currentValue: 50, archivedAt: new Date() });
    const already = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' }, { finalScore: 0.9 });
    const empty = await createObjective(deps.db, org.id, cycle.id);
    const archived = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'organization' },
      { archivedAt: new Date() },
    );
    const elsewhere = await createObjective(deps.db, org.id, other.id);
    const elsewhereKr = await createKeyResult(deps.db, org.id, elsewhere.id, { currentValue: 40 });

    const url = `/api/v1/cycles/${cycle.id}/close`;
    expect((await admin.post(url)).statusCode).toBe(428);
    expect((await admin.post(url, undefined, ifMatch(7))).statusCode).toBe(412);
    const closed = await admin.post(url, undefined, ifMatch(1));
    expect(closed.statusCode).toBe(200);
    expect(closed.headers.etag).toBe('"2"');
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      version: 2,
      scored: { objectives: 2, keyResults: 2 },
    });

    const krScore = async (id: string) =>
      (await deps.db.select().from(keyResults).where(eq(keyResults.id, id)))[0]?.finalScore;
    const objectiveScore = async (id: string) =>
      (await deps.db.select().from(objectives).where(eq(objectives.id, id)))[0]?.finalScore;
    expect(await krScore(kr62.id)).toBe(0.6);
    expect(await krScore(milestone.id)).toBe(1);
    expect(await krScore(scored.id)).toBe(0.3);
    expect(await krScore(archivedKr.id)).toBeNull();
    expect(await objectiveScore(open.id)).toBe(0.6);
    expect(await objectiveScore(already.id)).toBe(0.9);
    expect(await objectiveScore(empty.id)).toBe(0);
    expect(await objectiveScore(archived.id)).toBeNull();
    expect(await objectiveScore(elsewhere.id)).toBeNull();
    expect(await krScore(elsewhereKr.id)).toBeNull();
    const [row] = await deps.db.select().from(cycles).where(eq(cycles.id, cycle.id));
    expect(row).toMatchObject({ status: 'closed', closedBy: owner.id });
    expect(row?.closedAt).toBeInstanceOf(Date);

    const events = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'objective.score')));
    expect(events.map((e) => e.objectiveId).sort()).toEqual([open.id, empty.id].sort());
    expect(events.find((e) => e.objectiveId === open.id)?.after).toMatchObject({
      finalScore: 0.6,
      suggested: true,
      keyResults: expect.arrayContaining([{ id: kr62.id, finalScore: 0.6 }]),
    });
    const [closeEvent] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, cycle.id), eq(auditEvents.action, 'cycle.close')));
    expect(closeEvent?.before).toMatchObject({ status: 'active' });
    expect(closeEvent?.after).toMatchObject({ status: 'closed' });

    // The view shows the record: score, band and what closing suggested.
    const view = (await admin.get(`/api/v1/objectives/${open.id}`)).json();
    expect(view).toMatchObject({ finalScore: 0.6, scoreBand: 'yellow', suggestedScore: 0.6, reflection: null });
    expect(view.keyResults.find((k: { id: string }) => k.id === kr62.id)).toMatchObject({
      finalScore: 0.6,
      suggestedScore: 0.6,
    });

    // Closing twice is refused; reopening keeps the scores.
    expect((await admin.post(url, undefined, ifMatch(2))).statusCode).toBe(409);
    const reopened = await admin.post(`/api/v1/cycles/${cycle.id}/reopen`, undefined, ifMatch(2));
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'active', closedAt: null, version: 3 });
    expect(await objectiveScore(open.id)).toBe(0.6);
    expect((await admin.post(`/api/v1/cycles/${cycle.id}/reopen`, undefined, ifMatch(3))).statusCode).toBe(409);
  });

  it('keeps closing and reopening out of the plain edit, and refuses planned cycles', async () => {
    const { deps, org, admin } = await setting();
    const active = await createCycle(deps.db, org.id, { status: 'active' });
    const planned = await createCycle(deps.db, org.id, { status: 'planning' });
    const closed = await createCycle(deps.db, org.id, { status: 'closed' });
    const patch = (id: string, status: string) => admin.patch(`/api/v1/cycles/${id}`, { status }, ifMatch(1));

    const toClosed = await patch(active.id, 'closed');
    expect(toClosed.statusCode).toBe(422);
    expect(toClosed.json().errors[0]).toMatchObject({ field: '/body/status', code: 'cycle_close_command' });
    expect((await patch(planned.id, 'closed')).json().errors[0].code).toBe('cycle_transition');
    expect((await patch(closed.id, 'active')).json().errors[0].code).toBe('cycle_reopen_command');
    expect((await patch(closed.id, 'planning')).json().errors[0].code).toBe('cycle_transition');
    expect((await admin.post(`/api/v1/cycles/${planned.id}/close`, undefined, ifMatch(1))).statusCode).toBe(409);
    // A plain edit still moves between planning and active.
    expect((await patch(planned.id, 'active')).json()).toMatchObject({ status: 'active', version: 2 });
    expect((await patch(active.id, 'planning')).json()).toMatchObject({ status: 'planning', version: 2 });
    // A cycle is not created closed: nothing would have scored it.
    const created = await admin.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'Q9',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      status: 'closed',
    });
    expect(created.statusCode).toBe(400);
    // An admin may still rename a closed cycle.
    expect((await admin.patch(`/api/v1/cycles/${closed.id}`, { name: 'Q1 (stängd)' }, ifMatch(1))).statusCode).toBe(
      200,
    );
  });

  it('lets only admins close and reopen', async () => {
    const { deps, org, signIn } = await setting();
    const cycle = await createCycle(deps.db, org.id, { status: 'active' });
    for (const role of ['member', 'viewer'] as const) {
      const { client } = await signIn(role);
      expect((await client.post(`/api/v1/cycles/${cycle.id}/close`, undefined, ifMatch(1))).statusCode).toBe(403);
      expect((await client.post(`/api/v1/cycles/${cycle.id}/reopen`, undefined, ifMatch(1))).statusCode).toBe(403);
    }
    const [row] = await deps.db.select().from(cycles).where(eq(cycles.id, cycle.id));
    expect(row).toMatchObject({ status: 'active', version: 1 });
  });
});

describe('scoring and reflecting', () => {
  async function closedObjectiveOfMember() {
    const s = await setting();
    const { account: member, client } = await s.signIn('member');
    const cycle = await createCycle(s.deps.db, s.org.id, { status: 'closed' });
    const objective = await createObjective(s.deps.db, s.org.id, cycle.id, { level: 'person', personId: member.id });
    const kr1 = await createKeyResult(s.deps.db, s.org.id, objective.id, { currentValue: 40, ownerId: member.id });
    const kr2 = await createKeyResult(s.deps.db, s.org.id, objective.id, { currentValue: 80 });
    return { ...s, member, client, cycle, objective, kr1, kr2 };
  }

  it('lets the owner score and reflect in a closed cycle, but not change anything else', async () => {
    const { deps, client, objective, kr1, kr2 } = await closedObjectiveOfMember();
    const url = `/api/v1/objectives/${objective.id}/scoring`;
    const body = {
      finalScore: 0.5,
      keyResults: [
        { id: kr1.id, finalScore: 0.4 },
        { id: kr2.id, finalScore: 0.7 },
      ],
      reflection: { wentWell: ' Utskicken ', learned: 'Börja tidigare', changeNext: 'Färre kanaler' },
    };
    const before = (await client.get(`/api/v1/objectives/${objective.id}`)).json();
    expect(before.abilities).toMatchObject({
      'objective.update': false,
      'objective.score': true,
      'objective.carryOver': true,
    });
    expect(before).toMatchObject({ suggestedScore: 0.6, finalScore: null, reflection: null });
    expect((await client.put(url, body)).statusCode).toBe(428);
    const scored = await client.put(url, body, ifMatch(1));
    expect(scored.statusCode).toBe(200);
    expect(scored.headers.etag).toBe('"2"');
    expect(scored.json()).toMatchObject({
      finalScore: 0.5,
      scoreBand: 'yellow',
      suggestedScore: 0.6,
      reflection: { wentWell: 'Utskicken', learned: 'Börja tidigare', changeNext: 'Färre kanaler' },
    });
    expect(
      scored
        .json()
        .keyResults.map((k: { finalScore: number }) => k.finalScore)
        .sort(),
    ).toEqual([0.4, 0.7]);
    expect((await client.put(url, { finalScore: 0.8 }, ifMatch(1))).statusCode).toBe(412);
    // A second scoring updates the same reflection.
    const again = await client.put(url, { reflection: { wentWell: 'A', learned: 'B', changeNext: 'C' } }, ifMatch(2));
    expect(again.json()).toMatchObject({ finalScore: 0.5, reflection: { wentWell: 'A' } });
    const rows = await deps.db.select().from(reflections).where(eq(reflections.objectiveId, objective.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 2, learned: 'B' });

    // The record is locked for everything else.
    expect((await client.patch(`/api/v1/objectives/${objective.id}`, { title: 'Nytt' }, ifMatch(3))).statusCode).toBe(
      403,
    );
    expect((await client.patch(`/api/v1/key-results/${kr1.id}`, { target: 5 }, ifMatch(2))).statusCode).toBe(403);

    const [event] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, objective.id), eq(auditEvents.action, 'objective.score')))
      .orderBy(auditEvents.id)
      .limit(1);
    expect(event).toMatchObject({ objectiveId: objective.id });
    expect(event?.before).toMatchObject({ finalScore: null, reflection: null });
    expect(event?.after).toMatchObject({ finalScore: 0.5, reflection: { wentWell: 'Utskicken' } });
  });

  it('moves the objective’s score with its key results’ while it is the suggested one, and not once someone set another', async () => {
    const { deps, client, objective, kr1, kr2 } = await closedObjectiveOfMember();
    const url = `/api/v1/objectives/${objective.id}/scoring`;
    // As closing leaves it: key results 0.4 and 0.8 suggested, the objective 0.6.
    await deps.db.update(objectives).set({ finalScore: 0.6 }).where(eq(objectives.id, objective.id));
    const first = await client.put(url, { keyResults: [{ id: kr2.id, finalScore: 1 }] }, ifMatch(1));
    expect(first.statusCode, first.body).toBe(200);
    // (0.4 + 1) / 2 = 0.7
    expect(first.json()).toMatchObject({ finalScore: 0.7, suggestedScore: 0.7, scoreBand: 'green' });
    // Taken back: the key result's suggestion (0.8) again, and the objective follows.
    const back = await client.put(url, { keyResults: [{ id: kr2.id, finalScore: null }] }, ifMatch(2));
    expect(back.json()).toMatchObject({ finalScore: 0.6, suggestedScore: 0.6 });
    // The owner's own objective score stays theirs.
    await client.put(url, { finalScore: 0.2 }, ifMatch(3));
    const kept = await client.put(url, { keyResults: [{ id: kr1.id, finalScore: 1 }] }, ifMatch(4));
    expect(kept.json()).toMatchObject({ finalScore: 0.2, suggestedScore: 0.9 });
  });

  it('refuses viewers, other members, foreign key results and repeated ones', async () => {
    const { deps, signIn, client, objective, kr1, org, cycle } = await closedObjectiveOfMember();
    const url = `/api/v1/objectives/${objective.id}/scoring`;
    for (const role of ['viewer', 'member'] as const) {
      const other = await signIn(role);
      expect((await other.client.put(url, { finalScore: 1 }, ifMatch(1))).statusCode).toBe(403);
    }
    const foreign = await createObjective(deps.db, org.id, cycle.id);
    const foreignKr = await createKeyResult(deps.db, org.id, foreign.id);
    const wrong = await client.put(url, { keyResults: [{ id: foreignKr.id, finalScore: 1 }] }, ifMatch(1));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('/body/keyResults/0/id');
    const twice = await client.put(
      url,
      {
        keyResults: [
          { id: kr1.id, finalScore: 1 },
          { id: kr1.id, finalScore: 0 },
        ],
      },
      ifMatch(1),
    );
    expect(twice.json().errors[0]).toMatchObject({ field: '/body/keyResults/1/id', code: 'key_result_repeated' });
    expect((await client.put(url, { finalScore: 1.2 }, ifMatch(1))).statusCode).toBe(400);
    const [row] = await deps.db.select().from(objectives).where(eq(objectives.id, objective.id));
    expect(row).toMatchObject({ version: 1, finalScore: null });
  });

  it('lets admins change a closed cycle’s objective, audited', async () => {
    const { deps, admin, objective } = await closedObjectiveOfMember();
    const changed = await admin.patch(`/api/v1/objectives/${objective.id}`, { title: 'Rättad titel' }, ifMatch(1));
    expect(changed.statusCode).toBe(200);
    const [event] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, objective.id), eq(auditEvents.action, 'objective.update')));
    expect(event?.after).toMatchObject({ title: 'Rättad titel' });
  });

  it('no longer takes scores or reflections in the plain edits', async () => {
    const { admin, objective, kr1 } = await closedObjectiveOfMember();
    expect((await admin.patch(`/api/v1/objectives/${objective.id}`, { finalScore: 1 }, ifMatch(1))).statusCode).toBe(
      400,
    );
    expect((await admin.patch(`/api/v1/objectives/${objective.id}`, { reflection: 'x' }, ifMatch(1))).statusCode).toBe(
      400,
    );
    expect((await admin.patch(`/api/v1/key-results/${kr1.id}`, { finalScore: 1 }, ifMatch(1))).statusCode).toBe(400);
  });
});

describe('carrying an objective over', () => {
  it('copies the objective and its key results from where they stand, and links both ways', async () => {
    const { deps, org, signIn } = await setting();
    const { account: member, client } = await signIn('member');
    const year = await createCycle(deps.db, org.id, { status: 'active', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const lastYear = await createCycle(deps.db, org.id, {
      status: 'active',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
    const closedYear = await createCycle(deps.db, org.id, {
      status: 'closed',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    const q1 = await createCycle(deps.db, org.id, { status: 'closed', startsOn: '2026-01-01', endsOn: '2026-03-31' });
    const q2 = await createCycle(deps.db, org.id, { status: 'planning', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    const source = await createObjective(
      deps.db,
      org.id,
      q1.id,
      { level: 'person', personId: member.id },
      { description: 'Varför', kind: 'aspirational', finalScore: 0.4 },
    );
    const kr = await createKeyResult(deps.db, org.id, source.id, {
      title: 'E-post ger 100 anmälningar',
      startValue: 0,
      targetValue: 100,
      currentValue: 45,
      unit: 'anmälningar',
      weight: 2,
      ownerId: member.id,
      confidence: 6,
      finalScore: 0.4,
    });
    await createKeyResult(deps.db, org.id, source.id, { archivedAt: new Date() });
    const stillOpen = await createObjective(deps.db, org.id, year.id);
    const over = await createObjective(deps.db, org.id, lastYear.id);
    const closedOne = await createObjective(deps.db, org.id, closedYear.id);
    await deps.db
      .insert(alignments)
      .values([stillOpen, over, closedOne].map((s) => ({ orgId: org.id, objectiveId: source.id, supportsId: s.id })));

    const url = `/api/v1/objectives/${source.id}/carry-over`;
    const carried = await client.post(url, { cycleId: q2.id });
    expect(carried.statusCode).toBe(201);
    const view = carried.json();
    expect(view).toMatchObject({
      cycleId: q2.id,
      level: 'person',
      personId: member.id,
      title: source.title,
      description: 'Varför',
      kind: 'aspirational',
      lifecycle: 'published',
      finalScore: null,
      carriedFrom: { id: source.id, title: source.title, cycleId: q1.id, cycleName: q1.name },
      carriedTo: [],
      supports: [stillOpen.id],
    });
    expect(view.keyResults).toHaveLength(1);
    expect(view.keyResults[0]).toMatchObject({
      title: 'E-post ger 100 anmälningar',
      metric: 'increase_to',
      start: 45,
      current: 45,
      target: 100,
      unit: 'anmälningar',
      weight: 2,
      ownerId: member.id,
      confidence: null,
      finalScore: null,
      progress: 0,
    });
    expect(view.keyResults[0].id).not.toBe(kr.id);
    const old = (await client.get(`/api/v1/objectives/${source.id}`)).json();
    expect(old.carriedTo).toEqual([{ id: view.id, title: source.title, cycleId: q2.id, cycleName: q2.name }]);
    expect(old.finalScore).toBe(0.4);

    // Once per cycle; never into its own cycle or a closed one.
    const twice = await client.post(url, { cycleId: q2.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_carried_over');
    expect((await client.post(url, { cycleId: q1.id })).json().errors[0].code).toBe('carry_over_same_cycle');
    expect((await client.post(url, { cycleId: closedYear.id })).json().errors[0].code).toBe('cycle_closed');
    expect((await client.post(url, { cycleId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422);

    const [event] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectiveId, view.id), eq(auditEvents.action, 'objective.carry_over')));
    expect(event?.before).toMatchObject({ id: source.id });
    expect(event?.after).toMatchObject({ carriedFromId: source.id, supports: [stillOpen.id] });
  });

  it('refuses achieved objectives and people who may not write the objective', async () => {
    const { deps, org, signIn, admin } = await setting();
    const unit = await createUnit(deps.db, org.id);
    const { account: lead, client: leadClient } = await signIn('member');
    await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
    const q1 = await createCycle(deps.db, org.id, { status: 'closed' });
    const q2 = await createCycle(deps.db, org.id, { status: 'planning', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    const done = await createObjective(deps.db, org.id, q1.id, { level: 'unit', unitId: unit.id });
    await createKeyResult(deps.db, org.id, done.id, { currentValue: 100 });
    const achieved = await leadClient.post(`/api/v1/objectives/${done.id}/carry-over`, { cycleId: q2.id });
    expect(achieved.statusCode).toBe(409);
    expect(achieved.json().code).toBe('objective_achieved');

    const unfinished = await createObjective(deps.db, org.id, q1.id, { level: 'unit', unitId: unit.id });
    await createKeyResult(deps.db, org.id, unfinished.id, { currentValue: 30 });
    for (const role of ['member', 'viewer'] as const) {
      const { client } = await signIn(role);
      expect((await client.post(`/api/v1/objectives/${unfinished.id}/carry-over`, { cycleId: q2.id })).statusCode).toBe(
        403,
      );
    }
    expect(
      (await leadClient.post(`/api/v1/objectives/${unfinished.id}/carry-over`, { cycleId: q2.id })).statusCode,
    ).toBe(201);
    // Another organisation's objective is not found.
    const { org: otherOrg } = await createOrg(deps.db);
    const theirCycle = await createCycle(deps.db, otherOrg.id);
    const theirs = await createObjective(deps.db, otherOrg.id, theirCycle.id);
    expect((await admin.post(`/api/v1/objectives/${theirs.id}/carry-over`, { cycleId: q2.id })).statusCode).toBe(404);
    const copies = await deps.db.select().from(objectives).where(eq(objectives.carriedFromId, unfinished.id));
    expect(copies).toHaveLength(1);
  });
});

describe('a unit’s reflection on a cycle', () => {
  it('reads empty until written, then needs If-Match; leads and admins write it', async () => {
    const { deps, org, signIn, admin } = await setting();
    const unit = await createUnit(deps.db, org.id);
    const { account: lead, client: leadClient } = await signIn('member');
    await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
    const cycle = await createCycle(deps.db, org.id, { status: 'closed' });
    const url = `/api/v1/units/${unit.id}/reflections/${cycle.id}`;
    const body = { wentWell: 'Vi checkade in varje vecka', learned: 'Mät tidigt', changeNext: ' Färre mål ' };

    const empty = await leadClient.get(url);
    expect(empty.statusCode).toBe(200);
    expect(empty.headers.etag).toBe('"0"');
    expect(empty.json()).toMatchObject({
      wentWell: '',
      version: 0,
      updatedAt: null,
      abilities: { 'unit.update': true },
    });
    const first = await leadClient.put(url, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ changeNext: 'Färre mål', version: 1, authorName: lead.name });
    expect((await leadClient.put(url, body)).statusCode).toBe(428);
    expect((await leadClient.put(url, body, ifMatch(0))).statusCode).toBe(412);
    // Two edits of version 1 at once: one wins, the other is told the text changed under it.
    const racing = await Promise.all([
      admin.put(url, { ...body, learned: 'Mät ännu tidigare' }, ifMatch(1)),
      leadClient.put(url, { ...body, learned: 'Mät senare' }, ifMatch(1)),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const second = racing.find((r) => r.statusCode === 200);
    expect(second?.json()).toMatchObject({ version: 2 });

    for (const role of ['member', 'viewer'] as const) {
      const { client } = await signIn(role);
      expect((await client.get(url)).json()).toMatchObject({ version: 2, abilities: { 'unit.update': false } });
      expect((await client.put(url, body, ifMatch(2))).statusCode).toBe(403);
    }
    const otherCycle = `/api/v1/units/${unit.id}/reflections/00000000-0000-4000-8000-000000000000`;
    expect((await admin.get(otherCycle)).statusCode).toBe(404);

    const events = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.unitId, unit.id), eq(auditEvents.action, 'unit.reflect')))
      .orderBy(auditEvents.id);
    expect(events).toHaveLength(2);
    expect(events[0]?.before).toBeNull();
    expect(events[1]?.before).toMatchObject({ learned: 'Mät tidigt' });
    expect(events[1]?.after).toMatchObject({ cycleId: cycle.id, learned: second?.json().learned });
  });
});
