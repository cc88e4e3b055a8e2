import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, auditEvents } from '../../db/schema.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';

interface ServiceAccount {
  id: string;
  name: string;
  scopes: string[];
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  token?: string;
}

async function orgWithAdmin() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const admin = await ApiClient.signIn(app, owner.email);
  const cycle = await createCycle(deps.db, org.id);
  return { app, deps, clock, org, owner, admin, cycle };
}

type Setup = Awaited<ReturnType<typeof orgWithAdmin>>;

async function serviceAccount(setup: Setup, body: Record<string, unknown>) {
  const response = await setup.admin.post(`/api/v1/orgs/${setup.org.id}/service-accounts`, body);
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json<ServiceAccount>();
  const token = created.token ?? '';
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    setup.app.inject({
      method,
      url,
      // A PATCH states the version it changes, like any client's.
      headers: { authorization: `Bearer ${token}`, ...(method === 'PATCH' ? { 'if-match': '"1"' } : {}) },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  return { created, token, call };
}

const checkIn = { value: 40, confidence: 7 };

describe('service accounts', () => {
  it('are added by admins with a token shown once, listed with their last use, never with the token', async () => {
    const setup = await orgWithAdmin();
    const { created, token, call } = await serviceAccount(setup, { name: 'Power BI', scopes: ['read'] });
    expect(token).toMatch(/^rks_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'Power BI', scopes: ['read'], unitId: null, lastUsedAt: null });

    expect((await call('GET', `/api/v1/orgs/${setup.org.id}/units`)).statusCode).toBe(200);
    const listed = await setup.admin.get(`/api/v1/orgs/${setup.org.id}/service-accounts`);
    expect(listed.body).not.toContain(token);
    const [only] = listed.json<ServiceAccount[]>();
    expect(only).toMatchObject({ id: created.id, name: 'Power BI' });
    expect(only?.lastUsedAt).toBe(setup.deps.now().toISOString());

    // It is nobody's member: member lists do not show it.
    const members = await setup.admin.get(`/api/v1/orgs/${setup.org.id}/members`);
    expect(members.body).not.toContain('Power BI');

    const audited = await setup.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, setup.org.id), eq(auditEvents.entityId, created.id)));
    expect(audited.map((event) => event.action)).toEqual(['service_account.create']);
    expect(JSON.stringify(audited)).not.toContain(token);
  });

  it('are for admins only; another organisation sees none', async () => {
    const setup = await orgWithAdmin();
    const member = await createMember(setup.deps.db, setup.org.id, 'member');
    const asMember = await ApiClient.signIn(setup.app, member.email);
    const url = `/api/v1/orgs/${setup.org.id}/service-accounts`;
    expect((await asMember.post(url, { name: 'X', scopes: ['read'] })).statusCode).toBe(403);
    expect((await asMember.get(url)).statusCode).toBe(403);

    const { created } = await serviceAccount(setup, { name: 'Sync', scopes: ['admin'] });
    const other = await createOrg(setup.deps.db);
    const otherAdmin = await ApiClient.signIn(setup.app, other.owner.email);
    expect((await otherAdmin.delete(`/api/v1/service-accounts/${created.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/v1/service-accounts/${created.id}/rotate-token`)).statusCode).toBe(404);
  });

  it('refuses bad input, naming the field', async () => {
    const setup = await orgWithAdmin();
    const url = `/api/v1/orgs/${setup.org.id}/service-accounts`;
    const unknownScope = await setup.admin.post(url, { name: 'X', scopes: ['write'] });
    expect(unknownScope.statusCode).toBe(400);
    expect(unknownScope.body).toContain('/body/scopes/0');
    expect((await setup.admin.post(url, { name: 'X', scopes: [] })).statusCode).toBe(400);
    expect((await setup.admin.post(url, { name: '   ', scopes: ['read'] })).statusCode).toBe(422);

    const other = await createOrg(setup.deps.db);
    const foreignUnit = await createUnit(setup.deps.db, other.org.id);
    const wrongUnit = await setup.admin.post(url, { name: 'X', scopes: ['okrs:write'], unitId: foreignUnit.id });
    expect(wrongUnit.statusCode).toBe(422);
    expect(wrongUnit.json().errors[0]).toMatchObject({ field: '/body/unitId', code: 'service_account_unit' });
    // Nothing half-made.
    expect((await setup.admin.get(url)).json()).toEqual([]);
  });

  it('with the read scope only read: no change, nothing for people, in its own organisation alone', async () => {
    const setup = await orgWithAdmin();
    const objective = await createObjective(setup.deps.db, setup.org.id, setup.cycle.id);
    const kr = await createKeyResult(setup.deps.db, setup.org.id, objective.id);
    const { call } = await serviceAccount(setup, { name: 'Läsare', scopes: ['read'] });

    expect((await call('GET', `/api/v1/objectives/${objective.id}`)).statusCode).toBe(200);
    const write = await call('POST', `/api/v1/key-results/${kr.id}/check-ins`, checkIn);
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('scope_insufficient');
    const tokens = await call('POST', '/api/v1/me/tokens', { name: 'escape' });
    expect(tokens.statusCode).toBe(403);
    expect(tokens.json().code).toBe('people_only');
    const more = await call('POST', `/api/v1/orgs/${setup.org.id}/service-accounts`, { name: 'Y', scopes: ['admin'] });
    expect(more.json().code).toBe('people_only');
    // A service account has no key results of its own to count.
    const dueCount = await call('GET', `/api/v1/orgs/${setup.org.id}/key-results/due-count`);
    expect(dueCount.statusCode).toBe(403);
    expect(dueCount.json().code).toBe('people_only');

    const other = await createOrg(setup.deps.db);
    expect((await call('GET', `/api/v1/orgs/${other.org.id}/units`)).statusCode).toBe(404);
  });

  it('check in with check-ins:write and nothing more, audited under its name', async () => {
    const setup = await orgWithAdmin();
    const objective = await createObjective(setup.deps.db, setup.org.id, setup.cycle.id);
    const kr = await createKeyResult(setup.deps.db, setup.org.id, objective.id);
    const { created, call } = await serviceAccount(setup, { name: 'Jira-synk', scopes: ['check-ins:write'] });

    const made = await call('POST', `/api/v1/key-results/${kr.id}/check-ins`, checkIn);
    expect(made.statusCode, made.body).toBe(201);
    const newObjective = await call('POST', `/api/v1/orgs/${setup.org.id}/objectives`, {
      cycleId: setup.cycle.id,
      level: 'organization',
      title: 'Inte tillåtet',
    });
    expect(newObjective.statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/orgs/${setup.org.id}`, { name: 'Kapad' })).statusCode).toBe(403);

    const audit = await setup.admin.get(`/api/v1/orgs/${setup.org.id}/audit-events?action=checkIn.create`);
    expect(audit.statusCode, audit.body).toBe(200);
    const [event] = audit.json().items;
    expect(event).toMatchObject({ actorId: created.id, actorName: 'Jira-synk' });
  });

  it('limited to a unit change that unit and those beneath it, nothing else', async () => {
    const setup = await orgWithAdmin();
    const division = await createUnit(setup.deps.db, setup.org.id, { kind: 'division' });
    const team = await createUnit(setup.deps.db, setup.org.id, { parentId: division.id });
    const elsewhere = await createUnit(setup.deps.db, setup.org.id);
    const { created, call } = await serviceAccount(setup, {
      name: 'Divisionens verktyg',
      scopes: ['okrs:write'],
      unitId: division.id,
    });
    expect(created).toMatchObject({ unitId: division.id, unitName: division.name });

    const create = (body: Record<string, unknown>) =>
      call('POST', `/api/v1/orgs/${setup.org.id}/objectives`, { cycleId: setup.cycle.id, title: 'Mål', ...body });
    expect((await create({ level: 'unit', unitId: team.id })).statusCode).toBe(201);
    expect((await create({ level: 'unit', unitId: division.id })).statusCode).toBe(201);
    expect((await create({ level: 'unit', unitId: elsewhere.id })).statusCode).toBe(403);
    expect((await create({ level: 'organization' })).statusCode).toBe(403);

    const outside = await createObjective(setup.deps.db, setup.org.id, setup.cycle.id, {
      level: 'unit',
      unitId: elsewhere.id,
    });
    const outsideKr = await createKeyResult(setup.deps.db, setup.org.id, outside.id);
    expect((await call('POST', `/api/v1/key-results/${outsideKr.id}/check-ins`, checkIn)).statusCode).toBe(403);
    // Reading stays organisation-wide.
    expect((await call('GET', `/api/v1/objectives/${outside.id}`)).statusCode).toBe(200);
  });

  it('with the admin scope do what an admin does', async () => {
    const setup = await orgWithAdmin();
    const { call } = await serviceAccount(setup, { name: 'HR-system', scopes: ['admin'] });
    const cycle = await call('POST', `/api/v1/orgs/${setup.org.id}/cycles`, {
      name: 'Q3',
      startsOn: '2027-07-01',
      endsOn: '2027-09-30',
    });
    expect(cycle.statusCode, cycle.body).toBe(201);
  });

  it('rotate: the new token works and the old one stops at once; revoked, none works', async () => {
    const setup = await orgWithAdmin();
    const { created, call } = await serviceAccount(setup, { name: 'Synk', scopes: ['read'] });
    const rotated = await setup.admin.post(`/api/v1/service-accounts/${created.id}/rotate-token`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json<ServiceAccount>().token;
    expect(fresh).toMatch(/^rks_/);
    const url = `/api/v1/orgs/${setup.org.id}/units`;
    expect((await call('GET', url)).statusCode).toBe(401);
    const withFresh = () => setup.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${fresh}` } });
    expect((await withFresh()).statusCode).toBe(200);

    expect((await setup.admin.delete(`/api/v1/service-accounts/${created.id}`)).statusCode).toBe(204);
    expect((await withFresh()).statusCode).toBe(401);
    expect((await setup.admin.get(`/api/v1/orgs/${setup.org.id}/service-accounts`)).json()).toEqual([]);
    expect((await setup.admin.delete(`/api/v1/service-accounts/${created.id}`)).statusCode).toBe(404);
    // The account stays, so the audit log still names it.
    const [account] = await setup.deps.db.select().from(accounts).where(eq(accounts.id, created.id));
    expect(account).toMatchObject({ name: 'Synk', status: 'deactivated', passwordHash: null });
  });
});
