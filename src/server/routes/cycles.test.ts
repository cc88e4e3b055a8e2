import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
import { auditEvents, cycles } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { createCycle, createMember, createOrg } from '../../test/factories.ts';

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

const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

describe('cycles', () => {
  it('creates a year with quarters, reads one and lists them latest first', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const url = `/api/v1/orgs/${org.id}/cycles`;
    const year = await client.post(url, {
      name: ' 2026 ',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      status: 'active',
    });
    expect(year.statusCode).toBe(201);
    expect(year.headers.etag).toBe('"1"');
    expect(year.json()).toMatchObject({
      name: '2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      status: 'active',
      parentId: null,
      version: 1,
    });
    const yearId = year.json().id as string;
    const q1 = await client.post(url, { name: 'Q1', startsOn: '2026-01-01', endsOn: '2026-03-31', parentId: yearId });
    expect(q1.statusCode).toBe(201);
    expect(q1.json()).toMatchObject({ parentId: yearId, status: 'planning' });
    const q2 = (
      await client.post(url, { name: 'Q2', startsOn: '2026-04-01', endsOn: '2026-06-30', parentId: yearId })
    ).json();

    const got = await client.get(`/api/v1/cycles/${q2.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: q2.id, name: 'Q2', abilities: { 'cycle.manage': true } });
    const list = (await client.get(url)).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['Q2', expect.any(String), expect.any(String)]);
    expect(
      list.items
        .slice(1)
        .map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['2026', 'Q1']);
    const active = (await client.get(`${url}?status=active`)).json();
    expect(active.items.map((c: { id: string }) => c.id)).toEqual([yearId]);
    const [audit] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, q2.id), eq(auditEvents.action, 'cycle.create')));
    expect(audit?.after).toMatchObject({ name: 'Q2', orgId: org.id });
  });

  it('pages through cycles without duplicates or gaps', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const starts = ['2025-01-01', '2025-04-01', '2025-04-01', '2025-04-01', '2025-07-01', '2026-01-01', '2024-10-01'];
    const created = [];
    for (const startsOn of starts)
      created.push(await createCycle(deps.db, org.id, { startsOn, endsOn: '2026-12-31', status: 'planning' }));
    const seen: { id: string; startsOn: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await client.get(`/api/v1/orgs/${org.id}/cycles?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: { id: string; startsOn: string }[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen.map((c) => c.id)).size).toBe(7);
    expect(seen.map((c) => c.id).sort()).toEqual(created.map((c) => c.id).sort());
    const startDates = seen.map((c) => c.startsOn);
    expect(startDates).toEqual([...starts].sort().reverse());
    const forged = Buffer.from(JSON.stringify(['2026-13-45', created[0]?.id])).toString('base64url');
    const bad = await client.get(`/api/v1/orgs/${org.id}/cycles?cursor=${forged}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('/query/cursor');
  });

  it('rejects an end before the start, naming the field', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const response = await client.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'Backwards',
      startsOn: '2026-06-30',
      endsOn: '2026-04-01',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('/body/endsOn');
    expect(response.json().errors[0].code).toBe('ends_before_start');
    // In the account's language.
    const swede = await createMember(deps.db, org.id, 'admin', { locale: 'sv' });
    const svClient = await ApiClient.signIn((await testServer()).app, swede.email);
    const sv = await svClient.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'Backwards',
      startsOn: '2026-06-30',
      endsOn: '2026-04-01',
    });
    expect(sv.json().errors[0].message).toBe('får inte vara före startdatumet');

    const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
    const patched = await client.patch(`/api/v1/cycles/${cycle.id}`, { startsOn: '2026-07-01' }, ifMatch(1));
    expect(patched.statusCode).toBe(422);
    expect(patched.json().errors[0]).toMatchObject({ field: '/body/startsOn', code: 'starts_after_end' });
    const patchedEnd = await client.patch(`/api/v1/cycles/${cycle.id}`, { endsOn: '2026-03-31' }, ifMatch(1));
    expect(patchedEnd.json().errors[0].field).toBe('/body/endsOn');

    const notADate = await client.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'X',
      startsOn: '2026-02-30',
      endsOn: '2026-04-01',
    });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().errors[0].field).toBe('/body/startsOn');
    const yearZero = await client.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'X',
      startsOn: '0000-01-01',
      endsOn: '2026-04-01',
    });
    expect(yearZero.statusCode).toBe(400);
    const status = await client.post(`/api/v1/orgs/${org.id}/cycles`, {
      name: 'X',
      startsOn: '2026-01-01',
      endsOn: '2026-04-01',
      status: 'done',
    });
    expect(status.json().errors[0].field).toBe('/body/status');
    const empty = await client.patch(`/api/v1/cycles/${cycle.id}`, {}, ifMatch(1));
    expect(empty.json().errors[0]).toMatchObject({ field: '/body', code: 'minProperties' });
  });

  it('keeps a cycle inside its parent, and a parent around its children', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { org: other } = await createOrg(deps.db);
    const year = await createCycle(deps.db, org.id, { name: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const quarter = await createCycle(deps.db, org.id, {
      name: 'Q2',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
      parentId: year.id,
    });
    const theirs = await createCycle(deps.db, other.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const url = `/api/v1/orgs/${org.id}/cycles`;

    const outside = await client.post(url, {
      name: 'Q1 2027',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
      parentId: year.id,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toMatchObject({ field: '/body/parentId', code: 'parent_cycle_too_short' });
    const foreign = await client.post(url, {
      name: 'Q1',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      parentId: theirs.id,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0]).toMatchObject({ field: '/body/parentId', code: 'unknown_reference' });

    const shrink = await client.patch(`/api/v1/cycles/${year.id}`, { endsOn: '2026-05-31' }, ifMatch(1));
    expect(shrink.statusCode).toBe(422);
    expect(shrink.json().errors[0]).toMatchObject({ field: '/body/endsOn', code: 'cycle_children_outside' });
    const stretch = await client.patch(`/api/v1/cycles/${quarter.id}`, { endsOn: '2027-01-31' }, ifMatch(1));
    expect(stretch.statusCode).toBe(422);
    expect(stretch.json().errors[0]).toMatchObject({ field: '/body/endsOn', code: 'outside_parent_cycle' });
    const loop = await client.patch(`/api/v1/cycles/${year.id}`, { parentId: quarter.id }, ifMatch(1));
    expect(loop.statusCode).toBe(422);
    expect(loop.json().errors[0]).toMatchObject({ field: '/body/parentId', code: 'cycle_loop' });
    const self = await client.patch(`/api/v1/cycles/${year.id}`, { parentId: year.id }, ifMatch(1));
    expect(self.json().errors[0].code).toBe('cycle_loop');

    const detached = await client.patch(
      `/api/v1/cycles/${quarter.id}`,
      { parentId: null, endsOn: '2027-01-31' },
      ifMatch(1),
    );
    expect(detached.statusCode).toBe(200);
    expect(detached.json()).toMatchObject({ parentId: null, endsOn: '2027-01-31', version: 2 });
    const [row] = await deps.db.select().from(cycles).where(eq(cycles.id, year.id));
    expect(row).toMatchObject({ endsOn: '2026-12-31', version: 1 });
  });

  it('lets admins change a cycle with a current If-Match', async () => {
    const { deps } = await testServer();
    const { org } = await ownerOfNewOrg();
    const { client } = await signedIn(org.id, 'admin');
    const cycle = await createCycle(deps.db, org.id, { name: 'Q2', status: 'active' });
    const read = await client.get(`/api/v1/cycles/${cycle.id}`);
    expect((await client.patch(`/api/v1/cycles/${cycle.id}`, { status: 'planning' })).statusCode).toBe(428);
    const closed = await client.patch(
      `/api/v1/cycles/${cycle.id}`,
      { status: 'planning', name: 'Q2 2026' },
      { headers: { 'if-match': read.headers.etag as string } },
    );
    expect(closed.statusCode).toBe(200);
    expect(closed.headers.etag).toBe('"2"');
    expect(closed.json()).toMatchObject({ status: 'planning', name: 'Q2 2026' });
    const stale = await client.patch(
      `/api/v1/cycles/${cycle.id}`,
      { status: 'active' },
      { headers: { 'if-match': read.headers.etag as string } },
    );
    expect(stale.statusCode).toBe(412);
    const [row] = await deps.db.select().from(cycles).where(eq(cycles.id, cycle.id));
    expect(row?.status).toBe('planning');
    const [audit] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, cycle.id), eq(auditEvents.action, 'cycle.update')));
    expect(audit?.before).toMatchObject({ status: 'active' });
    expect(audit?.after).toMatchObject({ status: 'planning' });
  });

  it('lets members and viewers read cycles but not change them', async () => {
    const { deps } = await testServer();
    const { org } = await ownerOfNewOrg();
    const cycle = await createCycle(deps.db, org.id);
    for (const role of ['member', 'viewer'] as const) {
      const { client } = await signedIn(org.id, role);
      const read = await client.get(`/api/v1/cycles/${cycle.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().abilities['cycle.manage']).toBe(false);
      expect((await client.get(`/api/v1/orgs/${org.id}/cycles`)).json().items).toHaveLength(1);
      expect(
        (
          await client.post(`/api/v1/orgs/${org.id}/cycles`, {
            name: 'X',
            startsOn: '2026-01-01',
            endsOn: '2026-03-31',
          })
        ).statusCode,
      ).toBe(403);
      expect((await client.patch(`/api/v1/cycles/${cycle.id}`, { name: 'X' }, ifMatch(1))).statusCode).toBe(403);
    }
    const rows = await deps.db.select().from(cycles).where(eq(cycles.orgId, org.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.version).toBe(1);
  });

  it('answers 404 for cycles of another organisation', async () => {
    const { deps } = await testServer();
    const { org, client } = await ownerOfNewOrg();
    const { org: other } = await createOrg(deps.db);
    const theirs = await createCycle(deps.db, other.id, { name: 'Theirs' });
    const mine = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect((await client.get(`/api/v1/cycles/${theirs.id}`)).statusCode).toBe(404);
    const patch = await client.patch(`/api/v1/cycles/${theirs.id}`, { name: 'Mine' }, ifMatch(1));
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('not_found');
    expect((await client.get(`/api/v1/orgs/${other.id}/cycles`)).statusCode).toBe(404);
    expect(
      (
        await client.post(`/api/v1/orgs/${other.id}/cycles`, {
          name: 'X',
          startsOn: '2026-01-01',
          endsOn: '2026-03-31',
        })
      ).statusCode,
    ).toBe(404);
    const adopt = await client.patch(`/api/v1/cycles/${mine.id}`, { parentId: theirs.id }, ifMatch(1));
    expect(adopt.statusCode).toBe(422);
    expect(adopt.json().errors[0].code).toBe('unknown_reference');
    const [row] = await deps.db.select().from(cycles).where(eq(cycles.id, theirs.id));
    expect(row?.name).toBe('Theirs');
  });
});
