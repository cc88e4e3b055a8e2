// An objective supports key results as well as objectives (the method's "the team's key
// result becomes my objective"): in create, update, the lists and the objective view,
// with the same tenant, readability and loop checks as objective links.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createPrivateObjective,
  createUnit,
} from '../../test/factories.ts';
import type { Queryable } from '../../db/connect.ts';
import { alignments, keyResultAlignments, keyResults } from '../../db/schema.ts';

async function marketingAndSara() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-10-01', endsOn: '2026-12-31' });
  const unit = await createUnit(deps.db, org.id, { name: 'Marknad' });
  const team = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const events = await createKeyResult(deps.db, org.id, team.id, {
    title: '300 deltagare på interna event',
    targetValue: 300,
    currentValue: 150,
  });
  const other = await createKeyResult(deps.db, org.id, team.id, { title: 'Tio kundcase publicerade', position: 1 });
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara Lindqvist' });
  const asSara = await ApiClient.signIn(app, sara.email);
  const admin = await ApiClient.signIn(app, owner.email);
  return { app, deps, org, cycle, team, events, other, sara, asSara, admin };
}

const linksOf = (db: Queryable, orgId: string) =>
  db.select().from(keyResultAlignments).where(eq(keyResultAlignments.orgId, orgId));

const saraObjective = (cycleId: string, personId: string, extra: Record<string, unknown>) => ({
  cycleId,
  level: 'person',
  personId,
  title: 'Öka deltagandet på interna event jämfört med förra året',
  ...extra,
});

describe('supporting a key result', () => {
  it('links an objective to a team key result, supporting its objective too, and names it in the views', async () => {
    const { deps, org, cycle, team, events, sara, asSara, admin } = await marketingAndSara();
    const created = await asSara.post(
      `/api/v1/orgs/${org.id}/objectives`,
      saraObjective(cycle.id, sara.id, { supportsKeyResultIds: [events.id] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view.supportsKeyResultIds).toEqual([events.id]);
    // The key result's objective is supported with it: the map, health and coach read that link.
    expect(view.supports).toEqual([team.id]);
    expect(view.supportedKeyResults).toEqual([
      { id: events.id, title: '300 deltagare på interna event', objectiveId: team.id, progress: 0.5 },
    ]);

    // Listed by the key result it supports, and among the team objective's supporters.
    const byKeyResult = await admin.get(`/api/v1/orgs/${org.id}/objectives?supportsKeyResultId=${events.id}`);
    expect(byKeyResult.json().items.map((o: { id: string }) => o.id)).toEqual([view.id]);
    const byObjective = await admin.get(`/api/v1/orgs/${org.id}/objectives?supportsId=${team.id}`);
    expect(byObjective.json().items.map((o: { id: string }) => o.id)).toEqual([view.id]);
    const supported = (await admin.get(`/api/v1/objectives/${team.id}`)).json();
    expect(supported.supportedBy).toMatchObject({ count: 1 });
    expect(await linksOf(deps.db, org.id)).toEqual([
      expect.objectContaining({ objectiveId: view.id, supportsId: team.id, keyResultId: events.id }),
    ]);
  });

  it('changes the key results supported, keeps them when only other fields change, and drops them with their objective', async () => {
    const { deps, org, cycle, team, events, other, sara, asSara } = await marketingAndSara();
    const view = (
      await asSara.post(
        `/api/v1/orgs/${org.id}/objectives`,
        saraObjective(cycle.id, sara.id, { supportsKeyResultIds: [events.id] }),
      )
    ).json();
    const patch = (body: Record<string, unknown>, version: number) =>
      asSara.patch(`/api/v1/objectives/${view.id}`, body, { headers: { 'if-match': `"${version}"` } });

    const swapped = await patch({ supportsKeyResultIds: [other.id, events.id] }, 1);
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json().supportsKeyResultIds).toEqual(expect.arrayContaining([other.id, events.id]));

    const retitled = await patch({ title: 'Fler på våra event' }, 2);
    expect(retitled.json().supportsKeyResultIds).toHaveLength(2);

    const narrowed = await patch({ supportsKeyResultIds: [other.id] }, 3);
    expect(narrowed.json()).toMatchObject({ supportsKeyResultIds: [other.id], supports: [team.id] });

    // No longer supporting the objective drops the links to its key results.
    const dropped = await patch({ supports: [] }, 4);
    expect(dropped.json()).toMatchObject({ supports: [], supportsKeyResultIds: [], supportedKeyResults: [] });
    expect(await linksOf(deps.db, org.id)).toHaveLength(0);
  });

  it('refuses key results it may not name: unknown, another organisation’s, archived, private, its own, or closing a loop', async () => {
    const { deps, org, cycle, team, events, sara, asSara, admin } = await marketingAndSara();
    const elsewhere = await createOrg(deps.db);
    const theirCycle = await createCycle(deps.db, elsewhere.org.id);
    const theirs = await createKeyResult(
      deps.db,
      elsewhere.org.id,
      (await createObjective(deps.db, elsewhere.org.id, theirCycle.id)).id,
    );
    const archived = await createKeyResult(deps.db, org.id, team.id, { archivedAt: new Date() });
    const someone = await createMember(deps.db, org.id, 'member');
    const secret = await createPrivateObjective(deps.db, org.id, cycle.id, someone.id);
    const secretKr = await createKeyResult(deps.db, org.id, secret.id);
    const create = (ids: string[]) =>
      asSara.post(`/api/v1/orgs/${org.id}/objectives`, saraObjective(cycle.id, sara.id, { supportsKeyResultIds: ids }));

    for (const id of [crypto.randomUUID(), theirs.id, archived.id, secretKr.id]) {
      const refused = await create([events.id, id]);
      expect(refused.statusCode, id).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'invalid',
        errors: [{ field: '/body/supportsKeyResultIds/1', code: 'unknown_reference' }],
      });
    }
    const malformed = await create(['not-a-uuid']);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toMatch(/supportsKeyResultIds/);

    // Supporting one of its own key results, or one whose objective supports it, is a loop.
    const mine = (await create([events.id])).json();
    const ownKr = await createKeyResult(deps.db, org.id, mine.id);
    const own = await asSara.patch(
      `/api/v1/objectives/${mine.id}`,
      { supportsKeyResultIds: [ownKr.id] },
      { headers: { 'if-match': '"1"' } },
    );
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({
      code: 'alignment_loop',
      errors: [{ field: '/body/supportsKeyResultIds/0' }],
    });
    const loop = await admin.patch(
      `/api/v1/objectives/${team.id}`,
      { supportsKeyResultIds: [ownKr.id] },
      { headers: { 'if-match': `"${(await admin.get(`/api/v1/objectives/${team.id}`)).json().version}"` } },
    );
    expect(loop.statusCode).toBe(422);
    expect(loop.json().code).toBe('alignment_loop');
    // Nothing was half-written by the refusals.
    expect(await deps.db.select().from(alignments).where(eq(alignments.objectiveId, team.id))).toHaveLength(0);
    expect(await linksOf(deps.db, org.id)).toHaveLength(1);
  });

  it('hides a supported key result while it is archived, and shows colleagues the link', async () => {
    const { app, deps, org, cycle, events, sara, asSara } = await marketingAndSara();
    const view = (
      await asSara.post(
        `/api/v1/orgs/${org.id}/objectives`,
        saraObjective(cycle.id, sara.id, { supportsKeyResultIds: [events.id] }),
      )
    ).json();
    const read = async () => (await asSara.get(`/api/v1/objectives/${view.id}`)).json();
    await deps.db.update(keyResults).set({ archivedAt: new Date() }).where(eq(keyResults.id, events.id));
    expect(await read()).toMatchObject({ supportsKeyResultIds: [], supportedKeyResults: [] });
    await deps.db.update(keyResults).set({ archivedAt: null }).where(eq(keyResults.id, events.id));
    expect((await read()).supportedKeyResults).toHaveLength(1);

    // Another member reads Sara's public objective and the team's key result it supports.
    const colleague = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'member')).email);
    expect((await colleague.get(`/api/v1/objectives/${view.id}`)).json().supportedKeyResults).toHaveLength(1);
  });

  it('carries the key results supported over to the next cycle with the objective links it keeps', async () => {
    const { deps, org, cycle, team, events, sara, asSara } = await marketingAndSara();
    const view = (
      await asSara.post(
        `/api/v1/orgs/${org.id}/objectives`,
        saraObjective(cycle.id, sara.id, { supportsKeyResultIds: [events.id] }),
      )
    ).json();
    // The next cycle overlaps nothing of the team's quarter: the link ends with it.
    const next = await createCycle(deps.db, org.id, { startsOn: '2027-01-01', endsOn: '2027-03-31' });
    const carried = await asSara.post(`/api/v1/objectives/${view.id}/carry-over`, { cycleId: next.id });
    expect(carried.statusCode, carried.body).toBe(201);
    expect(carried.json()).toMatchObject({ supports: [], supportsKeyResultIds: [] });

    // A year that runs through the team's quarter keeps both.
    const year = await createCycle(deps.db, org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const again = await asSara.post(`/api/v1/objectives/${view.id}/carry-over`, { cycleId: year.id });
    expect(again.json()).toMatchObject({ supports: [team.id], supportsKeyResultIds: [events.id] });
  });
});
