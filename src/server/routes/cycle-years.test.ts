// A year with its quarters in one request, unique cycle names, and deleting a cycle made
// by mistake — the newcomer who added "2027" twice got two of each.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, cycles } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { createMember, createObjective, createOrg } from '../../test/factories.ts';

async function ownerOfNewOrg() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  return { org, owner, deps, client: await ApiClient.signIn(app, owner.email) };
}

const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

const quarter = (n: number, year = 2027) => {
  const start = new Date(Date.UTC(year, (n - 1) * 3, 1));
  const end = new Date(Date.UTC(year, n * 3, 0));
  return { name: `Q${n} ${year}`, startsOn: start.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) };
};
const year2027 = {
  name: '2027',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  quarters: [1, 2, 3, 4].map((n) => quarter(n)),
};

async function cyclesOf(client: ApiClient, orgId: string) {
  const items = (await client.get(`/api/v1/orgs/${orgId}/cycles`)).json().items as { name: string; id: string }[];
  return items.map((c) => c.name).sort();
}

describe('a year with its quarters', () => {
  it('creates the year and its four quarters in one request', async () => {
    const { org, client } = await ownerOfNewOrg();
    const response = await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.year).toMatchObject({ name: '2027', parentId: null, status: 'planning' });
    expect(body.created.map((c: { name: string }) => c.name)).toEqual([
      '2027',
      'Q1 2027',
      'Q2 2027',
      'Q3 2027',
      'Q4 2027',
    ]);
    expect(body.created.slice(1).every((c: { parentId: string }) => c.parentId === body.year.id)).toBe(true);
    expect(await cyclesOf(client, org.id)).toEqual(['2027', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
  });

  it('completes a year that exists with the quarters it lacks, and adds no second year', async () => {
    const { org, client } = await ownerOfNewOrg();
    // As the demo has it: the year and its first quarter.
    const year = (await client.post(`/api/v1/orgs/${org.id}/cycles`, { ...year2027, quarters: undefined })).json();
    await client.post(`/api/v1/orgs/${org.id}/cycles`, { ...quarter(1), parentId: year.id });
    const response = await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().year.id).toBe(year.id);
    expect(response.json().created.map((c: { name: string }) => c.name)).toEqual(['Q2 2027', 'Q3 2027', 'Q4 2027']);
    expect(await cyclesOf(client, org.id)).toEqual(['2027', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
  });

  it('refuses, naming the year, when the year and all its quarters exist; nothing is written', async () => {
    const { org, client, deps } = await ownerOfNewOrg();
    expect((await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027)).statusCode).toBe(201);
    const again = await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027);
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toBe('2027 and all its quarters already exist');
    const rows = await deps.db.select().from(cycles).where(eq(cycles.orgId, org.id));
    expect(rows).toHaveLength(5);
  });

  it('writes nothing when one quarter’s name is taken by another cycle', async () => {
    const { org, client, deps } = await ownerOfNewOrg();
    await client.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'Q3 2027',
      startsOn: '2030-01-01',
      endsOn: '2030-03-31',
    });
    const response = await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027);
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: '/body/quarters/2/name' })]);
    expect(await deps.db.select().from(cycles).where(eq(cycles.orgId, org.id))).toHaveLength(1);
  });

  it('refuses a quarter outside the year, naming it', async () => {
    const { org, client } = await ownerOfNewOrg();
    const response = await client.post(`/api/v1/orgs/${org.id}/cycles/years`, {
      ...year2027,
      quarters: [{ name: 'Q4 2026', startsOn: '2026-10-01', endsOn: '2026-12-31' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: '/body/quarters/0/startsOn' })]);
  });

  it('is for admins only', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const member = await createMember(deps.db, org.id, 'member');
    const client = await ApiClient.signIn(app, member.email);
    expect((await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027)).statusCode).toBe(403);
  });
});

describe('cycle names', () => {
  it('are unique in an organisation, whatever their case and spaces, on create and on rename', async () => {
    const { org, client } = await ownerOfNewOrg();
    const url = `/api/v1/orgs/${org.id}/cycles`;
    const first = (await client.post(url, { name: 'Q1 2027', startsOn: '2027-01-01', endsOn: '2027-03-31' })).json();
    const same = await client.post(url, { name: ' q1 2027 ', startsOn: '2027-01-01', endsOn: '2027-03-31' });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({
      title: 'There is already a cycle called “q1 2027”; choose another name',
      errors: [expect.objectContaining({ field: '/body/name' })],
    });
    const other = (await client.post(url, { name: 'Q2 2027', startsOn: '2027-04-01', endsOn: '2027-06-30' })).json();
    const rename = await client.patch(`/api/v1/cycles/${other.id}`, { name: 'Q1 2027' }, ifMatch(other.version));
    expect(rename.statusCode).toBe(409);
    // Cycles named alike before names were unique stay editable while their name stays.
    const { deps } = await testServer();
    const [twin] = await deps.db
      .insert(cycles)
      .values({ orgId: org.id, name: 'q1 2027', startsOn: '2027-01-01', endsOn: '2027-03-31' })
      .returning();
    if (!twin) throw new Error('no twin');
    const kept = await client.patch(
      `/api/v1/cycles/${twin.id}`,
      { name: ' Q1 2027', endsOn: '2027-03-30' },
      ifMatch(twin.version),
    );
    expect(kept.statusCode, kept.body).toBe(200);
    // Its own name again is no conflict.
    const keep = await client.patch(`/api/v1/cycles/${first.id}`, { name: 'Q1 2027' }, ifMatch(first.version));
    expect(keep.statusCode).toBe(200);
  });
});

describe('deleting a cycle', () => {
  it('deletes an empty cycle with the empty cycles within it, and audits it', async () => {
    const { org, client, deps } = await ownerOfNewOrg();
    const { year } = (await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027)).json();
    const deleted = await client.delete(`/api/v1/cycles/${year.id}`, ifMatch(year.version));
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await deps.db.select().from(cycles).where(eq(cycles.orgId, org.id))).toHaveLength(0);
    const [event] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'cycle.delete')));
    expect(event).toMatchObject({ entityId: year.id });
    expect((event?.before as { within: string[] }).within).toHaveLength(4);
  });

  it('keeps a cycle that holds an objective, in it or in a cycle within it, and says why', async () => {
    const { org, client, deps } = await ownerOfNewOrg();
    const { year, created } = (await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027)).json();
    const q2 = created.find((c: { name: string }) => c.name === 'Q2 2027');
    await createObjective(deps.db, org.id, q2.id, { level: 'organization' }, { archivedAt: new Date() });
    const refused = await client.delete(`/api/v1/cycles/${year.id}`, ifMatch(year.version));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toContain('“2027” holds objectives');
    expect(await deps.db.select().from(cycles).where(eq(cycles.orgId, org.id))).toHaveLength(5);
    // An empty quarter beside it may go.
    const q3 = created.find((c: { name: string }) => c.name === 'Q3 2027');
    expect((await client.delete(`/api/v1/cycles/${q3.id}`, ifMatch(q3.version))).statusCode).toBe(204);
  });

  it('keeps closed cycles, asks for the version read, and is for admins only', async () => {
    const { app, deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { created } = (await client.post(`/api/v1/orgs/${org.id}/cycles/years`, year2027)).json();
    const q1 = created.find((c: { name: string }) => c.name === 'Q1 2027');
    expect((await client.delete(`/api/v1/cycles/${q1.id}`)).statusCode).toBe(428);
    expect((await client.delete(`/api/v1/cycles/${q1.id}`, ifMatch(q1.version + 1))).statusCode).toBe(412);
    const member = await createMember(deps.db, org.id, 'member');
    const memberClient = await ApiClient.signIn(app, member.email);
    expect((await memberClient.delete(`/api/v1/cycles/${q1.id}`, ifMatch(q1.version))).statusCode).toBe(403);
    await deps.db.update(cycles).set({ status: 'closed' }).where(eq(cycles.id, q1.id));
    const closed = await client.delete(`/api/v1/cycles/${q1.id}`, ifMatch(q1.version));
    expect(closed.statusCode).toBe(409);
  });
});
