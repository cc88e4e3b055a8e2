import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
} from '../../test/factories.ts';

describe('check-in cadence per unit', () => {
  it('is set on create and update, inherited down the tree, and shown with its effective value', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db, { settings: { checkInCadenceDays: 7 } });
    const client = await ApiClient.signIn(app, owner.email);
    const url = `/api/v1/orgs/${org.id}/units`;

    const division = await client.post(url, { name: 'Sälj', kind: 'division', checkInCadenceDays: 14 });
    expect(division.statusCode).toBe(201);
    expect(division.json()).toMatchObject({
      checkInCadenceDays: 14,
      effectiveCheckInCadenceDays: 14,
      inheritedCheckInCadenceDays: 7,
    });
    const team = await client.post(url, { name: 'Stockholm', kind: 'team', parentId: division.json().id });
    expect(team.json()).toMatchObject({
      checkInCadenceDays: null,
      effectiveCheckInCadenceDays: 14,
      inheritedCheckInCadenceDays: 14,
    });
    const teamUrl = `/api/v1/units/${team.json().id}`;

    const faster = await client.patch(teamUrl, { checkInCadenceDays: 3 }, { headers: { 'if-match': '"1"' } });
    expect(faster.statusCode).toBe(200);
    expect(faster.json()).toMatchObject({ checkInCadenceDays: 3, effectiveCheckInCadenceDays: 3 });
    const list = (await client.get(url)).json();
    expect(list.items.find((u: { id: string }) => u.id === team.json().id).checkInCadenceDays).toBe(3);

    // The key results of the team's objectives follow it.
    const cycle = await createCycle(deps.db, org.id);
    const member = await createMember(deps.db, org.id, 'member');
    await addToUnit(deps.db, org.id, team.json().id, member.id, 'member');
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: team.json().id });
    await createKeyResult(deps.db, org.id, objective.id, { ownerId: member.id });
    const krs = (await client.get(`/api/v1/orgs/${org.id}/key-results?ownerId=${member.id}`)).json();
    expect(krs.items.map((kr: { cadenceDays: number }) => kr.cadenceDays)).toEqual([3]);

    const back = await client.patch(teamUrl, { checkInCadenceDays: null }, { headers: { 'if-match': '"2"' } });
    expect(back.json()).toMatchObject({ checkInCadenceDays: null, effectiveCheckInCadenceDays: 14 });

    for (const days of [0, 91, 2.5, '7']) {
      const refused = await client.patch(teamUrl, { checkInCadenceDays: days }, { headers: { 'if-match': '"3"' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('/body/checkInCadenceDays');
    }
  });

  it('may be set by the unit’s lead, not by its members', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const admin = await ApiClient.signIn(app, owner.email);
    const unit = (await admin.post(`/api/v1/orgs/${org.id}/units`, { name: 'Team', kind: 'team' })).json();
    const lead = await createMember(deps.db, org.id, 'member');
    const member = await createMember(deps.db, org.id, 'member');
    await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
    await addToUnit(deps.db, org.id, unit.id, member.id, 'member');
    const headers = { 'if-match': '"1"' };
    const byMember = await (
      await ApiClient.signIn(app, member.email)
    ).patch(`/api/v1/units/${unit.id}`, { checkInCadenceDays: 2 }, { headers });
    expect(byMember.statusCode).toBe(403);
    const byLead = await (
      await ApiClient.signIn(app, lead.email)
    ).patch(`/api/v1/units/${unit.id}`, { checkInCadenceDays: 2 }, { headers });
    expect(byLead.statusCode).toBe(200);
    expect(byLead.json()).toMatchObject({ effectiveCheckInCadenceDays: 2, inheritedCheckInCadenceDays: 7 });
  });
});
