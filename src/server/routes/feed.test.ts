import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { addToUnit, createCycle, createMember, createOrg, createUnit } from '../../test/factories.ts';

interface FeedItem {
  action: string;
  actorName: string | null;
  objective: { id: string; title: string; archived: boolean } | null;
  keyResult: { id: string; title: string } | null;
  unit: { id: string; name: string } | null;
  details: Record<string, unknown>;
}
interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}

async function world() {
  const { app, deps, clock } = await testServer();
  clock.set('2026-05-15T10:00:00Z');
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const unit = await createUnit(deps.db, org.id, { name: 'Marknad' });
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara Lind' });
  const olle = await createMember(deps.db, org.id, 'member', { name: 'Olle Berg' });
  await addToUnit(deps.db, org.id, unit.id, olle.id, 'lead');
  const admin = await ApiClient.signIn(app, owner.email);
  return { app, deps, org, owner, cycle, unit, sara, olle, admin };
}

const feedOf = async (client: ApiClient, orgId: string, query = ''): Promise<FeedPage> => {
  const response = await client.get(`/api/v1/orgs/${orgId}/feed${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};
const sentence = (item: FeedItem) =>
  [item.action, item.actorName, item.objective?.title, item.keyResult?.title, JSON.stringify(item.details)].join(' | ');

describe('activity feed API', () => {
  it('tells what happened to a unit objective, newest first, from the use cases’ audit events', async () => {
    const { app, org, cycle, unit, sara, olle, admin } = await world();
    const lead = await ApiClient.signIn(app, olle.email);
    const created = await lead.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'unit',
      unitId: unit.id,
      title: 'Fler deltagare på interna event',
      keyResults: [{ title: 'E-post ger 100 anmälningar', metric: 'increase_to', start: 0, target: 100 }],
    });
    expect(created.statusCode).toBe(201);
    const objective = created.json();
    const kr = objective.keyResults[0];
    expect((await lead.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 40, confidence: 6 })).statusCode).toBe(
      201,
    );
    expect((await lead.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 55, confidence: 7 })).statusCode).toBe(
      201,
    );
    const member = await ApiClient.signIn(app, sara.email);
    expect((await member.post(`/api/v1/objectives/${objective.id}/comments`, { body: 'Snyggt!' })).statusCode).toBe(
      201,
    );
    const renamed = await lead.patch(
      `/api/v1/objectives/${objective.id}`,
      { title: 'Fler deltagare på våra event' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(renamed.statusCode).toBe(200);
    // Not feed-worthy: administration.
    await admin.post(`/api/v1/orgs/${org.id}/members`, { email: `ny-${Date.now()}@example.test`, name: 'Ny Person' });

    const expected = [
      `objective.update | Olle Berg | Fler deltagare på våra event |  | {"fields":["title"],"status":"published"}`,
      'comment.create | Sara Lind | Fler deltagare på våra event |  | {"excerpt":"Snyggt!"}',
      'checkIn.create | Olle Berg | Fler deltagare på våra event | E-post ger 100 anmälningar | {"from":40,"to":55,"confidence":7}',
      'checkIn.create | Olle Berg | Fler deltagare på våra event | E-post ger 100 anmälningar | {"from":0,"to":40,"confidence":6}',
      'objective.create | Olle Berg | Fler deltagare på våra event |  | {}',
    ];
    expect((await feedOf(member, org.id)).items.map(sentence)).toEqual(expected);
    expect((await feedOf(member, org.id, `?objectiveId=${objective.id}`)).items.map(sentence)).toEqual(expected);
    const forUnit = await feedOf(member, org.id, `?unitId=${unit.id}`);
    expect(forUnit.items.map(sentence)).toEqual(expected);
    expect(forUnit.items.every((item) => item.unit?.name === 'Marknad')).toBe(true);

    // Archiving shows too, with the objective marked archived; keyset pages add up to the whole.
    expect((await lead.delete(`/api/v1/objectives/${objective.id}`)).statusCode).toBe(204);
    const first = await feedOf(admin, org.id, `?objectiveId=${objective.id}&limit=4`);
    const second = await feedOf(admin, org.id, `?objectiveId=${objective.id}&limit=4&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.action)).toEqual([
      'objective.archive',
      'objective.update',
      'comment.create',
      'checkIn.create',
      'checkIn.create',
      'objective.create',
    ]);
    expect(first.items[0]?.objective?.archived).toBe(true);
  });

  it('never shows events about objectives the caller may not read', async () => {
    const { app, org, cycle, unit, sara, olle, admin } = await world();
    const member = await ApiClient.signIn(app, sara.email);
    const lead = await ApiClient.signIn(app, olle.email);
    const mine = await member.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'person',
      personId: sara.id,
      title: 'Min privata utveckling',
      visibility: 'private',
    });
    const draft = await lead.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'unit',
      unitId: unit.id,
      title: 'Teamets utkast',
      lifecycle: 'draft',
    });
    const open = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'organization',
      title: 'Öppet för alla',
    });
    expect([mine.statusCode, draft.statusCode, open.statusCode]).toEqual([201, 201, 201]);

    const titles = async (client: ApiClient) =>
      (await feedOf(client, org.id)).items.map((item) => item.objective?.title).sort();
    expect(await titles(admin)).toEqual(['Min privata utveckling', 'Teamets utkast', 'Öppet för alla'].sort());
    expect(await titles(member)).toEqual(['Min privata utveckling', 'Öppet för alla'].sort());
    expect(await titles(lead)).toEqual(['Teamets utkast', 'Öppet för alla'].sort());
    // Asking for an unreadable objective's feed is as if it did not exist.
    expect((await lead.get(`/api/v1/orgs/${org.id}/feed?objectiveId=${mine.json().id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/v1/orgs/${org.id}/feed?unitId=${org.id}`)).statusCode).toBe(404);
  });
});
