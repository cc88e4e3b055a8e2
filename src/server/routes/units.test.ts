import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
import { auditEvents, unitMembers, units } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { countStatements } from '../../test/statements.ts';
import { addToUnit, createMember, createOrg, createUnit } from '../../test/factories.ts';
import { createAppCaches } from '../../app/caches.ts';
import { getUnit } from '../../app/units/get-unit.ts';

async function signedIn(orgId: string, role: OrgRole) {
  const { app, deps } = await testServer();
  const account = await createMember(deps.db, orgId, role);
  return { account, client: await ApiClient.signIn(app, account.email) };
}

async function ownerOfNewOrg() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  return { org, owner, client: await ApiClient.signIn(app, owner.email) };
}

const etagOf = (response: { headers: Record<string, unknown> }) => response.headers.etag as string;

describe('units', () => {
  it('builds a tree through the API and shows ancestors, children and members', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const url = `/api/v1/orgs/${org.id}/units`;

    const division = await client.post(url, {
      name: ' Sales ',
      kind: 'division',
      vision: 'Everyone buys',
      mission: 'Sell well',
    });
    expect(division.statusCode).toBe(201);
    expect(division.headers.etag).toBe('"1"');
    const divisionId = division.json().id as string;
    expect(division.json()).toMatchObject({
      name: 'Sales',
      kind: 'division',
      parentId: null,
      vision: 'Everyone buys',
      memberCount: 0,
      archivedAt: null,
      ancestors: [],
    });

    const department = (await client.post(url, { name: 'Nordics', kind: 'department', parentId: divisionId })).json();
    const team = await client.post(url, { name: 'Stockholm', kind: 'team', parentId: department.id });
    expect(team.statusCode).toBe(201);
    const teamId = team.json().id as string;

    const person = await createMember(deps.db, org.id, 'member', { name: 'Alva Lead' });
    const other = await createMember(deps.db, org.id, 'member', { name: 'Bo Member' });
    expect((await client.put(`/api/v1/units/${teamId}/members/${other.id}`, { role: 'member' })).statusCode).toBe(200);
    const put = await client.put(`/api/v1/units/${teamId}/members/${person.id}`, { role: 'lead' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ accountId: person.id, name: 'Alva Lead', role: 'lead' });

    const got = await client.get(`/api/v1/units/${teamId}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      id: teamId,
      parentId: department.id,
      ancestors: [
        { id: divisionId, name: 'Sales' },
        { id: department.id, name: 'Nordics' },
      ],
      children: [],
      memberCount: 2,
      members: [
        { accountId: person.id, name: 'Alva Lead', role: 'lead' },
        { accountId: other.id, name: 'Bo Member', role: 'member' },
      ],
      abilities: { 'unit.update': true, 'unit.archive': true, 'unit.manageMembers': true },
    });
    const parent = (await client.get(`/api/v1/units/${department.id}`)).json();
    expect(parent.children).toEqual([{ id: teamId, name: 'Stockholm', kind: 'team' }]);

    const all = (await client.get(url)).json();
    expect(all.items.map((u: { name: string }) => u.name)).toEqual(['Nordics', 'Sales', 'Stockholm']);
    expect(all.items.find((u: { id: string }) => u.id === teamId)).toMatchObject({
      memberCount: 2,
      parentId: department.id,
    });
    expect(all.nextCursor).toBeNull();
    const roots = (await client.get(`${url}?parentId=root`)).json();
    expect(roots.items.map((u: { id: string }) => u.id)).toEqual([divisionId]);
    const under = (await client.get(`${url}?parentId=${department.id}`)).json();
    expect(under.items.map((u: { id: string }) => u.id)).toEqual([teamId]);

    const audits = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'unit.create')));
    expect(audits).toHaveLength(3);
  });

  it('reads a unit with its ancestors, children, people and inherited cadence in one statement, caches warm', async () => {
    const { deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const top = await createUnit(deps.db, org.id, { name: 'Top', checkInCadenceDays: 14 });
    const middle = await createUnit(deps.db, org.id, { name: 'Middle', parentId: top.id });
    const team = await createUnit(deps.db, org.id, { name: 'Team', parentId: middle.id });
    await createUnit(deps.db, org.id, { name: 'Below', parentId: team.id });
    for (let i = 0; i < 3; i++)
      await addToUnit(deps.db, org.id, team.id, (await createMember(deps.db, org.id, 'member')).id, 'member');
    const member = await createMember(deps.db, org.id, 'member');
    const caller = { accountId: member.id, caches: createAppCaches() };
    await getUnit(deps, caller, team.id); // fills the caches: the unit's organisation and the membership
    const counting = countStatements(deps.db);
    const detail = await getUnit({ ...deps, db: counting.db }, caller, team.id);
    expect(counting.statements()).toBe(1);
    expect(detail).toMatchObject({
      ancestors: [
        { id: top.id, name: 'Top' },
        { id: middle.id, name: 'Middle' },
      ],
      children: [{ name: 'Below' }],
      memberCount: 3,
      inheritedCheckInCadenceDays: 14,
      effectiveCheckInCadenceDays: 14,
    });
  });

  it('pages through units by name without duplicates or gaps', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const created = [];
    // Equal names: the id breaks the tie, so no unit is skipped or repeated.
    for (const name of ['Team', 'Team', 'Team', 'Alpha', 'Beta', 'Gamma', 'Delta'])
      created.push(await createUnit(deps.db, org.id, { name }));
    await createUnit(deps.db, org.id, { name: 'Archived', archivedAt: new Date() });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await client.get(`/api/v1/orgs/${org.id}/units?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: { id: string; name: string }[]; nextCursor: string | null }>();
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual(created.map((u) => u.id).sort());
  });

  it('refuses parents that are unknown, archived or of another organisation', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { org: other } = await createOrg(deps.db);
    const theirs = await createUnit(deps.db, other.id);
    const archived = await createUnit(deps.db, org.id, { archivedAt: new Date() });
    for (const parentId of [theirs.id, archived.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await client.post(`/api/v1/orgs/${org.id}/units`, { name: 'X', kind: 'team', parentId });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: '/body/parentId', code: 'unknown_reference' }),
      ]);
    }
    const count = await deps.db.select().from(units).where(eq(units.orgId, org.id));
    expect(count).toHaveLength(1);
  });

  it('lets unit leads change their unit and the units beneath it, but not a sibling', async () => {
    const { deps } = await testServer();
    const { org } = await ownerOfNewOrg();
    const division = await createUnit(deps.db, org.id, { name: 'Division' });
    const team = await createUnit(deps.db, org.id, { name: 'Team', parentId: division.id });
    const subTeam = await createUnit(deps.db, org.id, { name: 'Sub team', parentId: team.id });
    const sibling = await createUnit(deps.db, org.id, { name: 'Sibling', parentId: division.id });
    const { account: lead, client } = await signedIn(org.id, 'member');
    await addToUnit(deps.db, org.id, team.id, lead.id, 'lead');

    const own = await client.get(`/api/v1/units/${team.id}`);
    expect(own.json().abilities).toMatchObject({
      'unit.update': true,
      'unit.manageMembers': true,
      'unit.archive': false,
      'objective.create': true,
    });
    const updated = await client.patch(
      `/api/v1/units/${team.id}`,
      { vision: 'Best team', mission: 'Help' },
      { headers: { 'if-match': etagOf(own) } },
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ vision: 'Best team', mission: 'Help', version: 2 });
    expect(updated.headers.etag).toBe('"2"');

    const sub = await client.patch(
      `/api/v1/units/${subTeam.id}`,
      { name: 'Renamed sub team' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(sub.statusCode).toBe(200);
    expect(sub.json().name).toBe('Renamed sub team');

    const siblingGet = await client.get(`/api/v1/units/${sibling.id}`);
    expect(siblingGet.statusCode).toBe(200);
    expect(siblingGet.json().abilities['unit.update']).toBe(false);
    expect(siblingGet.json().abilities['objective.create']).toBe(false);
    const refused = await client.patch(
      `/api/v1/units/${sibling.id}`,
      { name: 'Mine now' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(refused.statusCode).toBe(403);
    expect(
      (await client.patch(`/api/v1/units/${division.id}`, { name: 'Mine now' }, { headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(403);
    // Moving takes rights at both ends: a lead may not move their unit under a sibling, or to the top.
    expect(
      (await client.patch(`/api/v1/units/${subTeam.id}`, { parentId: sibling.id }, { headers: { 'if-match': '"2"' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await client.patch(`/api/v1/units/${subTeam.id}`, { parentId: null }, { headers: { 'if-match': '"2"' } }))
        .statusCode,
    ).toBe(403);
    const [unchanged] = await deps.db.select().from(units).where(eq(units.id, sibling.id));
    expect(unchanged?.name).toBe('Sibling');

    // Leads manage the members of their units; plain members and viewers do not.
    const person = await createMember(deps.db, org.id, 'member');
    expect((await client.put(`/api/v1/units/${subTeam.id}/members/${person.id}`, { role: 'member' })).statusCode).toBe(
      200,
    );
    expect((await client.put(`/api/v1/units/${sibling.id}/members/${person.id}`, { role: 'member' })).statusCode).toBe(
      403,
    );
  });

  it('keeps plain members and viewers to reading', async () => {
    const { deps } = await testServer();
    const { org } = await ownerOfNewOrg();
    const unit = await createUnit(deps.db, org.id);
    for (const role of ['member', 'viewer'] as const) {
      const { account, client } = await signedIn(org.id, role);
      expect((await client.get(`/api/v1/units/${unit.id}`)).statusCode).toBe(200);
      expect((await client.get(`/api/v1/orgs/${org.id}/units`)).json().items).toHaveLength(1);
      expect((await client.post(`/api/v1/orgs/${org.id}/units`, { name: 'X', kind: 'team' })).statusCode).toBe(403);
      expect(
        (await client.patch(`/api/v1/units/${unit.id}`, { name: 'X' }, { headers: { 'if-match': '"1"' } })).statusCode,
      ).toBe(403);
      expect((await client.delete(`/api/v1/units/${unit.id}`)).statusCode).toBe(403);
      expect((await client.put(`/api/v1/units/${unit.id}/members/${account.id}`, { role: 'lead' })).statusCode).toBe(
        403,
      );
    }
    const [row] = await deps.db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toMatchObject({ version: 1, archivedAt: null });
  });

  it('needs a current If-Match to change a unit', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const unit = await createUnit(deps.db, org.id, { name: 'Before' });
    expect((await client.patch(`/api/v1/units/${unit.id}`, { name: 'A' })).statusCode).toBe(428);
    expect(
      (await client.patch(`/api/v1/units/${unit.id}`, { name: 'A' }, { headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(200);
    const stale = await client.patch(`/api/v1/units/${unit.id}`, { name: 'B' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    const [row] = await deps.db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toMatchObject({ name: 'A', version: 2 });
  });

  it('never puts a unit under itself or beneath itself', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const top = await createUnit(deps.db, org.id, { name: 'Top' });
    const middle = await createUnit(deps.db, org.id, { name: 'Middle', parentId: top.id });
    const bottom = await createUnit(deps.db, org.id, { name: 'Bottom', parentId: middle.id });
    const other = await createUnit(deps.db, org.id, { name: 'Other' });

    for (const parentId of [top.id, middle.id, bottom.id]) {
      const response = await client.patch(`/api/v1/units/${top.id}`, { parentId }, { headers: { 'if-match': '"1"' } });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0]).toMatchObject({ field: '/body/parentId', code: 'unit_loop' });
    }
    const moved = await client.patch(
      `/api/v1/units/${middle.id}`,
      { parentId: other.id },
      { headers: { 'if-match': '"1"' } },
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json().ancestors).toEqual([{ id: other.id, name: 'Other' }]);
    const toTop = await client.patch(
      `/api/v1/units/${middle.id}`,
      { parentId: null },
      { headers: { 'if-match': '"2"' } },
    );
    expect(toTop.statusCode).toBe(200);
    expect(toTop.json()).toMatchObject({ parentId: null, ancestors: [] });
    const [row] = await deps.db.select().from(units).where(eq(units.id, bottom.id));
    expect(row?.parentId).toBe(middle.id);
  });

  it('archives a unit with the units beneath it, and restores them together', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { client: admin } = await signedIn(org.id, 'admin');
    const division = await createUnit(deps.db, org.id, { name: 'Division' });
    const team = await createUnit(deps.db, org.id, { name: 'Team', parentId: division.id });
    const keep = await createUnit(deps.db, org.id, { name: 'Keep' });
    const { account: lead, client: leadClient } = await signedIn(org.id, 'member');
    await addToUnit(deps.db, org.id, team.id, lead.id, 'lead');
    expect((await leadClient.delete(`/api/v1/units/${team.id}`)).statusCode).toBe(403);

    expect((await admin.delete(`/api/v1/units/${division.id}`)).statusCode).toBe(204);
    const list = (await client.get(`/api/v1/orgs/${org.id}/units`)).json();
    expect(list.items.map((u: { id: string }) => u.id)).toEqual([keep.id]);
    const archived = await client.get(`/api/v1/units/${team.id}`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    expect(archived.json().abilities['archive.restore']).toBe(true);
    const edit = await client.patch(
      `/api/v1/units/${team.id}`,
      { name: 'X' },
      { headers: { 'if-match': etagOf(archived) } },
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('archived');
    // The archived lead role no longer grants anything.
    expect((await leadClient.get(`/api/v1/units/${team.id}`)).json().abilities['unit.update']).toBe(false);
    const again = await admin.delete(`/api/v1/units/${division.id}`);
    expect(again.statusCode).toBe(204);
    const ifMatch = (etag: string) => ({ headers: { 'if-match': etag } });

    const early = await client.post(`/api/v1/units/${team.id}/restore`, undefined, ifMatch(etagOf(archived)));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('parent_archived');
    const restore = ifMatch(again.headers.etag as string);
    expect((await leadClient.post(`/api/v1/units/${division.id}/restore`, undefined, restore)).statusCode).toBe(403);
    const restored = await client.post(`/api/v1/units/${division.id}/restore`, undefined, restore);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ archivedAt: null, children: [{ id: team.id }] });
    const after = (await client.get(`/api/v1/orgs/${org.id}/units`)).json();
    expect(after.items.map((u: { name: string }) => u.name)).toEqual(['Division', 'Keep', 'Team']);
    const actions = await deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['unit.archive', 'unit.restore']));
  });

  it('puts only members of the organisation in units, and takes them out', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { owner: stranger } = await createOrg(deps.db);
    const unit = await createUnit(deps.db, org.id);
    const person = await createMember(deps.db, org.id, 'member');

    const notMember = await client.put(`/api/v1/units/${unit.id}/members/${stranger.id}`, { role: 'member' });
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json().errors[0]).toMatchObject({ field: '/params/accountId', code: 'not_a_member' });

    expect((await client.put(`/api/v1/units/${unit.id}/members/${person.id}`, { role: 'member' })).statusCode).toBe(
      200,
    );
    const promoted = await client.put(`/api/v1/units/${unit.id}/members/${person.id}`, { role: 'lead' });
    expect(promoted.json().role).toBe('lead');
    const rows = await deps.db.select().from(unitMembers).where(eq(unitMembers.unitId, unit.id));
    expect(rows).toEqual([expect.objectContaining({ accountId: person.id, role: 'lead', orgId: org.id })]);
    const badRole = await client.put(`/api/v1/units/${unit.id}/members/${person.id}`, { role: 'boss' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors[0].field).toBe('/body/role');

    expect((await client.delete(`/api/v1/units/${unit.id}/members/${person.id}`)).statusCode).toBe(204);
    expect(await deps.db.select().from(unitMembers).where(eq(unitMembers.unitId, unit.id))).toEqual([]);
    expect((await client.delete(`/api/v1/units/${unit.id}/members/${person.id}`)).statusCode).toBe(404);
  });

  it('answers 404 for units of another organisation', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { org: other, owner: otherOwner } = await createOrg(deps.db);
    const theirs = await createUnit(deps.db, other.id, { name: 'Theirs' });
    const mine = await createUnit(deps.db, org.id);

    expect((await client.get(`/api/v1/units/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await client.patch(`/api/v1/units/${theirs.id}`, { name: 'X' }, { headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(404);
    expect((await client.delete(`/api/v1/units/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await client.post(`/api/v1/units/${theirs.id}/restore`, undefined, { headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(404);
    expect((await client.put(`/api/v1/units/${theirs.id}/members/${otherOwner.id}`, { role: 'lead' })).statusCode).toBe(
      404,
    );
    expect((await client.get(`/api/v1/orgs/${other.id}/units`)).statusCode).toBe(404);
    expect((await client.post(`/api/v1/orgs/${other.id}/units`, { name: 'X', kind: 'team' })).statusCode).toBe(404);
    const moveAcross = await client.patch(
      `/api/v1/units/${mine.id}`,
      { parentId: theirs.id },
      { headers: { 'if-match': '"1"' } },
    );
    expect(moveAcross.statusCode).toBe(422);
    expect((await client.get(`/api/v1/orgs/${org.id}/units?parentId=${theirs.id}`)).json().items).toEqual([]);
    const [row] = await deps.db.select().from(units).where(eq(units.id, theirs.id));
    expect(row).toMatchObject({ name: 'Theirs', archivedAt: null });
  });

  it('names the field of bad input', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const unit = await createUnit(deps.db, org.id);
    const empty = await client.patch(`/api/v1/units/${unit.id}`, {}, { headers: { 'if-match': '"1"' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: '/body', code: 'minProperties' });
    const kind = await client.post(`/api/v1/orgs/${org.id}/units`, { name: 'X', kind: 'tribe' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].field).toBe('/body/kind');
    const blank = await client.post(`/api/v1/orgs/${org.id}/units`, { name: '', kind: 'team' });
    expect(blank.json().errors[0].field).toBe('/body/name');
    const unknown = await client.patch(
      `/api/v1/units/${unit.id}`,
      { archivedAt: null },
      { headers: { 'if-match': '"1"' } },
    );
    expect(unknown.json().errors[0].field).toBe('/body/archivedAt');
    expect((await client.get('/api/v1/units/not-a-uuid')).statusCode).toBe(400);
    const filter = await client.get(`/api/v1/orgs/${org.id}/units?parentId=top`);
    expect(filter.statusCode).toBe(400);
    expect(filter.json().errors[0].field).toMatch(/^\/querystring\/parentId/);
  });
});
