// Key-result lists read the organisation's check-in cadences from the process's cache
// (app/check-ins/cadences.ts). Every write that changes a cadence clears it after its
// transaction, so the next list here shows the change at once — well within the cache's
// five seconds, which is what this test relies on: a write that forgot to clear would
// leave the old figure in the answers below.
import { describe, expect, it } from 'vitest';
import { createAppCaches, type AppCaches } from '../../app/caches.ts';
import type { AppDeps } from '../../app/context.ts';
import { listKeyResults } from '../../app/key-results/list-key-results.ts';
import { countStatements } from '../../test/statements.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';

describe('check-in cadences in key-result lists', () => {
  it('follow every write that changes them at once: settings, a unit’s cadence, its parent, archive, restore', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db, { settings: { checkInCadenceDays: 7 } });
    const admin = await ApiClient.signIn(app, owner.email);
    const member = await createMember(deps.db, org.id, 'member');
    const cycle = await createCycle(deps.db, org.id);
    const team = (await admin.post(`/api/v1/orgs/${org.id}/units`, { name: 'Team', kind: 'team' })).json();
    const teamObjective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: team.id });
    const orgObjective = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
    await createKeyResult(deps.db, org.id, teamObjective.id, { ownerId: member.id, createdAt: new Date(1000) });
    await createKeyResult(deps.db, org.id, orgObjective.id, { ownerId: member.id, createdAt: new Date(2000) });
    /** The cadence of the team's key result, then of the organisation's. */
    const cadences = async () => {
      const response = await admin.get(`/api/v1/orgs/${org.id}/key-results?ownerId=${member.id}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((kr: { cadenceDays: number }) => kr.cadenceDays);
    };
    let teamVersion = team.version as number;
    const patchTeam = async (body: object) => {
      const response = await admin.patch(`/api/v1/units/${team.id}`, body, {
        headers: { 'if-match': `"${teamVersion}"` },
      });
      expect(response.statusCode, response.body).toBe(200);
      teamVersion = response.json().version;
    };

    expect(await cadences()).toEqual([7, 7]);
    const orgVersion = (await admin.get(`/api/v1/orgs/${org.id}`)).json().version;
    const settings = await admin.patch(
      `/api/v1/orgs/${org.id}`,
      { settings: { checkInCadenceDays: 10 } },
      { headers: { 'if-match': `"${orgVersion}"` } },
    );
    expect(settings.statusCode, settings.body).toBe(200);
    expect(await cadences()).toEqual([10, 10]);

    await patchTeam({ checkInCadenceDays: 3 });
    expect(await cadences()).toEqual([3, 10]);
    await patchTeam({ checkInCadenceDays: null });
    expect(await cadences()).toEqual([10, 10]);

    const division = await admin.post(`/api/v1/orgs/${org.id}/units`, {
      name: 'Division',
      kind: 'division',
      checkInCadenceDays: 14,
    });
    expect(division.statusCode).toBe(201);
    await patchTeam({ parentId: division.json().id });
    expect(await cadences()).toEqual([14, 10]);

    // Archiving the division archives the team with it: an archived unit's cadence no longer applies.
    const archived = await admin.delete(`/api/v1/units/${division.json().id}`);
    expect(archived.statusCode).toBe(204);
    expect(await cadences()).toEqual([10, 10]);
    const restore = { headers: { 'if-match': archived.headers.etag as string } };
    expect((await admin.post(`/api/v1/units/${division.json().id}/restore`, undefined, restore)).statusCode).toBe(200);
    expect(await cadences()).toEqual([14, 10]);

    // A new unit beneath the division follows it from the start.
    const second = await admin.post(`/api/v1/orgs/${org.id}/units`, {
      name: 'Team 2',
      kind: 'team',
      parentId: division.json().id,
    });
    expect(second.statusCode).toBe(201);
    const secondObjective = await createObjective(deps.db, org.id, cycle.id, {
      level: 'unit',
      unitId: second.json().id,
    });
    await createKeyResult(deps.db, org.id, secondObjective.id, { ownerId: member.id, createdAt: new Date(3000) });
    expect(await cadences()).toEqual([14, 10, 14]);
  });

  it('are read once per organisation while cached, not on every list', async () => {
    const { deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const unit = await createUnit(deps.db, org.id, { checkInCadenceDays: 3 });
    const cycle = await createCycle(deps.db, org.id);
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
    await createKeyResult(deps.db, org.id, objective.id, { ownerId: owner.id });
    const caches = createAppCaches();
    /** Statements of one list, on a counting handle of its own (a prepared statement counts once per handle). */
    const list = async (withCaches: AppCaches | undefined) => {
      const counting = countStatements(deps.db);
      const d: AppDeps = { db: counting.db, now: () => new Date(), caches: withCaches };
      const page = await listKeyResults(d, { accountId: owner.id, caches: withCaches }, org.id, { ownerId: owner.id });
      expect(page.items.map((kr) => kr.cadenceDays)).toEqual([3]);
      return counting.statements();
    };
    // Uncached: the membership, the organisation's settings, the units, the list.
    expect(await list(undefined)).toBe(4);
    expect(await list(caches)).toBe(4);
    // Membership and cadences from the cache: the list alone.
    expect(await list(caches)).toBe(1);
  });
});
