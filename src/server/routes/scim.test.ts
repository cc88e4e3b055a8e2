// A scripted SCIM client (RFC 7644) walking Entra ID's and Okta's provisioning flows, and
// every bad input, against the real server and database.
import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/passwords.ts';
import { mentionToken } from '../../core/mentions.ts';
import { forgetActors, forgetCallers } from '../../app/caches.ts';
import { accounts, auditEvents, objectives } from '../../db/schema.ts';
import {
  TEST_PASSWORD,
  createAccount,
  createCycle,
  createMember,
  createObjective,
  createOrg,
  createServiceAccount,
} from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

interface ScimUser {
  id: string;
  userName: string;
  displayName: string;
  externalId?: string;
  active: boolean;
  name: { formatted: string; givenName?: string; familyName?: string };
  meta: { version: string; location: string; resourceType: string };
}

interface ListResponse {
  schemas: string[];
  totalResults: number;
  itemsPerPage: number;
  startIndex: number;
  Resources: ScimUser[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a provider does: bearer token, application/scim+json both ways. */
class ScimClient {
  constructor(
    private readonly app: Awaited<ReturnType<typeof testServer>>['app'],
    private readonly token: string | null,
  ) {}

  send(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url: `/scim/v2${path}`,
      headers: {
        accept: 'application/scim+json',
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...(this.token === null ? {} : { authorization: `Bearer ${this.token}` }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  async findByUserName(userName: string): Promise<ListResponse> {
    const response = await this.send('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListResponse>();
  }

  patch(id: string, ...Operations: unknown[]) {
    return this.send('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations });
  }
}

function expectScimError(response: LightMyRequestResponse, status: number, scimType?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/scim+json');
  const body = response.json<{ schemas: string[]; status: string; scimType?: string; detail: string }>();
  expect(body.schemas).toEqual([ERROR]);
  expect(body.status).toBe(String(status));
  expect(body.scimType).toBe(scimType);
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

async function provisioning() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id);
  const { account: service, token } = await createServiceAccount(deps.db, org.id, { scopes: ['scim'] });
  return { app, deps, org, owner, cycle, service, token, scim: new ScimClient(app, token) };
}

const address = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;

/** Entra ID's first POST, as its provisioning logs show it. */
const entraUser = (userName: string) => ({
  schemas: [USER, ENTERPRISE],
  externalId: 'b7e4d1f0-entra-object-id',
  userName,
  active: true,
  displayName: 'Anna Svensson',
  emails: [{ primary: true, type: 'work', value: userName }],
  name: { formatted: 'Anna Svensson', familyName: 'Svensson', givenName: 'Anna' },
  preferredLanguage: 'en-US',
  [ENTERPRISE]: { department: 'Sales', employeeNumber: '42' },
});

/** The person sets a password (as an invitation would let them), so they can sign in. */
async function givePassword(setup: Awaited<ReturnType<typeof provisioning>>, accountId: string) {
  await setup.deps.db
    .update(accounts)
    .set({ passwordHash: await hashPassword(TEST_PASSWORD) })
    .where(eq(accounts.id, accountId));
  forgetCallers(setup.deps);
}

const login = (setup: { app: Awaited<ReturnType<typeof testServer>>['app'] }, email: string) =>
  setup.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });

describe('SCIM provisioning', () => {
  it('walks Entra ID\'s flow: find, create, read, deactivate with Replace/"False", reactivate, delete', async () => {
    const setup = await provisioning();
    const { scim } = setup;
    const userName = address('anna');

    const none = await scim.findByUserName(userName);
    expect(none).toEqual({ schemas: [LIST], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });

    const created = await scim.send('POST', '/Users', entraUser(userName));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['content-type']).toContain('application/scim+json');
    const user = created.json<ScimUser>();
    expect(user).toMatchObject({
      schemas: [USER],
      userName,
      displayName: 'Anna Svensson',
      externalId: 'b7e4d1f0-entra-object-id',
      active: true,
      name: { formatted: 'Anna Svensson', givenName: 'Anna', familyName: 'Svensson' },
      emails: [{ value: userName, type: 'work', primary: true }],
      preferredLanguage: 'en',
      meta: { resourceType: 'User' },
    });
    expect(created.headers.location).toBe(`http://localhost:80/scim/v2/Users/${user.id}`);
    expect(user.meta.location).toBe(created.headers.location);
    expect(created.headers.etag).toBe(user.meta.version);
    // No password came with it: the person signs in through SSO or an invitation.
    const [account] = await setup.deps.db.select().from(accounts).where(eq(accounts.id, user.id));
    expect(account?.passwordHash).toBeNull();

    const read = await scim.send('GET', `/Users/${user.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(user);
    expect((await scim.findByUserName(userName.toUpperCase())).Resources.map((u) => u.id)).toEqual([user.id]);
    const byExternal = await scim.send(
      'GET',
      `/Users?filter=${encodeURIComponent('externalId eq "b7e4d1f0-entra-object-id"')}`,
    );
    expect(byExternal.json<ListResponse>().Resources.map((u) => u.id)).toEqual([user.id]);

    // The person signs in and has an objective, a session and a personal token.
    await givePassword(setup, user.id);
    const objective = await createObjective(setup.deps.db, setup.org.id, setup.cycle.id, {
      level: 'person',
      personId: user.id,
    });
    const session = await ApiClient.signIn(setup.app, userName);
    expect((await session.get(`/api/v1/orgs/${setup.org.id}`)).statusCode).toBe(200);
    const personal = (await session.post('/api/v1/me/tokens', { name: 'CLI' })).json<{ token: string }>().token;
    const withToken = () =>
      setup.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${personal}` } });
    expect((await withToken()).statusCode).toBe(200);

    const deactivated = await scim.patch(user.id, { op: 'Replace', path: 'active', value: 'False' });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json<ScimUser>().active).toBe(false);
    expect(deactivated.headers.etag).not.toBe(user.meta.version);

    // No way in any more; the objective stays, with its owner.
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await withToken()).statusCode).toBe(401);
    expect((await login(setup, userName)).statusCode).toBe(401);
    const [kept] = await setup.deps.db.select().from(objectives).where(eq(objectives.id, objective.id));
    expect(kept).toMatchObject({ personId: user.id, archivedAt: null });
    expect((await scim.findByUserName(userName)).Resources[0]?.active).toBe(false);

    const reactivated = await scim.patch(user.id, { op: 'Replace', path: 'active', value: 'True' });
    expect(reactivated.json<ScimUser>().active).toBe(true);
    const again = await ApiClient.signIn(setup.app, userName);
    expect((await again.get(`/api/v1/orgs/${setup.org.id}`)).statusCode).toBe(200);
    // Tokens made before deactivation stay revoked.
    expect((await withToken()).statusCode).toBe(401);

    const deleted = await scim.send('DELETE', `/Users/${user.id}`);
    expect(deleted.statusCode).toBe(204);
    expectScimError(await scim.send('GET', `/Users/${user.id}`), 404);
    expect((await login(setup, userName)).statusCode).toBe(401);
    expect((await setup.deps.db.select().from(objectives).where(eq(objectives.id, objective.id))).length).toBe(1);

    // The audit log names the service account for every change, and never holds the token.
    const audited = await setup.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, setup.org.id), eq(auditEvents.entityId, user.id)))
      // In the order written: without an order, PostgreSQL may answer in any (a CI run did).
      .orderBy(auditEvents.id);
    expect(audited.map((e) => [e.action, e.actorId])).toEqual([
      ['scim.user.create', setup.service.id],
      ['scim.user.update', setup.service.id],
      ['scim.user.update', setup.service.id],
      ['scim.user.delete', setup.service.id],
    ]);
    expect(JSON.stringify(audited)).not.toContain(setup.token);
  });

  it("walks Okta's flow: find, create, replace with active false, and back", async () => {
    const setup = await provisioning();
    const { scim } = setup;
    const userName = address('bo');
    expect((await scim.findByUserName(userName)).totalResults).toBe(0);
    const oktaUser = {
      schemas: [USER],
      userName,
      name: { givenName: 'Bo', familyName: 'Ek' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      displayName: 'Bo Ek',
      locale: 'sv-SE',
      externalId: '00u1okta',
      groups: [],
      password: 'never-kept',
      active: true,
    };
    const created = await scim.send('POST', '/Users', oktaUser, { 'content-type': 'application/json' });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json<ScimUser>();
    expect(created.body).not.toContain('never-kept');

    const put = await scim.send('PUT', `/Users/${user.id}`, { ...oktaUser, id: user.id, active: false });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<ScimUser>()).toMatchObject({ active: false, displayName: 'Bo Ek', externalId: '00u1okta' });

    // A PUT leaves out what it clears: here the externalId and the names.
    const back = await scim.send('PUT', `/Users/${user.id}`, { schemas: [USER], userName, active: true });
    expect(back.json<ScimUser>()).toMatchObject({ active: true, name: { formatted: userName.split('@')[0] } });
    expect(back.json<ScimUser>().externalId).toBeUndefined();

    // Okta's PATCH without a path.
    const off = await scim.patch(user.id, { op: 'replace', value: { active: false } });
    expect(off.json<ScimUser>().active).toBe(false);
  });

  it('renames and re-addresses through PATCH paths, and drops what it does not keep', async () => {
    const setup = await provisioning();
    const user = (await setup.scim.send('POST', '/Users', entraUser(address('cia')))).json<ScimUser>();
    const moved = address('cia.lind');
    const patched = await setup.scim.patch(
      user.id,
      { op: 'Replace', path: 'userName', value: moved },
      { op: 'Replace', path: 'name.familyName', value: 'Lind' },
      { op: 'Replace', path: 'displayName', value: 'Anna Lind' },
      { op: 'Add', path: 'emails[type eq "work"].value', value: moved },
      { op: 'Add', path: 'title', value: 'Designer' },
      { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Design' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<ScimUser>()).toMatchObject({
      userName: moved,
      displayName: 'Anna Lind',
      name: { givenName: 'Anna', familyName: 'Lind' },
    });
    const [account] = await setup.deps.db.select().from(accounts).where(eq(accounts.id, user.id));
    expect(account).toMatchObject({ email: moved, name: 'Anna Lind' });
  });

  it('pages by startIndex and count with the total, and lists only members', async () => {
    const setup = await provisioning();
    for (let i = 0; i < 4; i++) await createMember(setup.deps.db, setup.org.id, 'member');
    const page = async (query: string) => {
      const response = await setup.scim.send('GET', `/Users?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ListResponse>();
    };
    const first = await page('startIndex=1&count=2');
    expect(first).toMatchObject({ totalResults: 5, itemsPerPage: 2, startIndex: 1 });
    const second = await page('startIndex=3&count=2');
    const third = await page('startIndex=5&count=2');
    expect(third).toMatchObject({ totalResults: 5, itemsPerPage: 1, startIndex: 5 });
    const ids = [...first.Resources, ...second.Resources, ...third.Resources].map((u) => u.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toContain(setup.owner.id);
    expect(ids).not.toContain(setup.service.id);
    expect(await page('startIndex=9&count=2')).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect(await page('count=0')).toMatchObject({ totalResults: 5, itemsPerPage: 0 });
    expect((await page('')).itemsPerPage).toBe(5);
  });

  it('adds a known address to the organisation, keeping its name, and refuses a second time', async () => {
    const setup = await provisioning();
    const known = await createAccount(setup.deps.db, { name: 'Dag Own Name' });
    const joined = await setup.scim.send('POST', '/Users', {
      schemas: [USER],
      userName: known.email,
      displayName: 'X',
    });
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json<ScimUser>()).toMatchObject({ id: known.id, displayName: 'Dag Own Name' });
    expectScimError(
      await setup.scim.send('POST', '/Users', { schemas: [USER], userName: known.email.toUpperCase() }),
      409,
      'uniqueness',
    );
  });

  it('switches off only this organisation for someone who belongs to another one too', async () => {
    const setup = await provisioning();
    const other = await createOrg(setup.deps.db);
    const person = await createMember(setup.deps.db, other.org.id, 'member');
    const user = (
      await setup.scim.send('POST', '/Users', { schemas: [USER], userName: person.email })
    ).json<ScimUser>();
    const client = await ApiClient.signIn(setup.app, person.email);
    expect((await client.get(`/api/v1/orgs/${setup.org.id}`)).statusCode).toBe(200);

    expect((await setup.scim.patch(user.id, { op: 'replace', path: 'active', value: false })).statusCode).toBe(200);
    // Still signed in, and still in the other organisation; this one is closed to them.
    expect((await client.get(`/api/v1/orgs/${other.org.id}`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/orgs/${setup.org.id}`)).statusCode).toBe(404);
    const me = (await client.get('/api/v1/me')).json<{ memberships: { orgId: string }[] }>();
    expect(me.memberships.map((m) => m.orgId)).toEqual([other.org.id]);
    // Nobody here can mention them (and so mail them) any more.
    const owner = await ApiClient.signIn(setup.app, setup.owner.email);
    const objective = await createObjective(setup.deps.db, setup.org.id, setup.cycle.id);
    const mention = await owner.post(`/api/v1/objectives/${objective.id}/comments`, {
      body: `Hej ${mentionToken('Person', person.id)}`,
    });
    expect(mention.statusCode).toBe(422);
    expect(mention.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('mention_not_member');
    // Their address and name are theirs: this provider may not change them.
    expectScimError(
      await setup.scim.patch(user.id, { op: 'replace', path: 'userName', value: address('elsewhere') }),
      400,
      'mutability',
    );

    // The other organisation's provider switches them off too: now no way in at all.
    const otherScim = new ScimClient(
      setup.app,
      (await createServiceAccount(setup.deps.db, other.org.id, { scopes: ['scim'] })).token,
    );
    expect((await otherScim.patch(person.id, { op: 'replace', path: 'active', value: 'False' })).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(setup, person.email)).statusCode).toBe(401);

    // Back in the first organisation only.
    expect((await setup.scim.patch(user.id, { op: 'replace', path: 'active', value: 'True' })).statusCode).toBe(200);
    const back = await ApiClient.signIn(setup.app, person.email);
    expect((await back.get(`/api/v1/orgs/${setup.org.id}`)).statusCode).toBe(200);
    expect((await back.get(`/api/v1/orgs/${other.org.id}`)).statusCode).toBe(404);
  });

  it('shows a switched-off member as such to admins, and leaves them out of search and new ownership', async () => {
    const setup = await provisioning();
    const userName = address('frans');
    const user = (await setup.scim.send('POST', '/Users', entraUser(userName))).json<ScimUser>();
    expect((await setup.scim.patch(user.id, { op: 'Replace', path: 'active', value: 'False' })).statusCode).toBe(200);

    const owner = await ApiClient.signIn(setup.app, setup.owner.email);
    const members = (await owner.get(`/api/v1/orgs/${setup.org.id}/members?q=${encodeURIComponent(userName)}`)).json<{
      items: { accountId: string; deactivatedAt: string | null }[];
    }>();
    expect(members.items).toEqual([expect.objectContaining({ accountId: user.id, deactivatedAt: expect.any(String) })]);
    const search = await owner.get(`/api/v1/orgs/${setup.org.id}/search?q=${encodeURIComponent(userName)}`);
    expect(search.json<{ people: unknown[] }>().people).toEqual([]);

    const objective = await createObjective(setup.deps.db, setup.org.id, setup.cycle.id);
    const kr = await owner.post(`/api/v1/objectives/${objective.id}/key-results`, {
      title: 'Fler nöjda kunder',
      metric: 'increase_to',
      start: 0,
      target: 10,
      ownerId: user.id,
    });
    expect(kr.statusCode, kr.body).toBe(422);
    expect(kr.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('not_a_member');
  });

  it("never switches off or deletes the organisation's last owner", async () => {
    const setup = await provisioning();
    const owner = setup.owner.id;
    const refused = expectScimError(
      await setup.scim.patch(owner, { op: 'Replace', path: 'active', value: 'False' }),
      400,
      'mutability',
    );
    expect(refused.detail).toContain('last owner');
    expectScimError(await setup.scim.send('DELETE', `/Users/${owner}`), 400, 'mutability');
    const second = await createMember(setup.deps.db, setup.org.id, 'owner');
    forgetActors(setup.deps);
    expect((await setup.scim.patch(owner, { op: 'Replace', path: 'active', value: 'False' })).statusCode).toBe(200);
    // Now the second owner is the last live one.
    expectScimError(
      await setup.scim.patch(second.id, { op: 'replace', path: 'active', value: false }),
      400,
      'mutability',
    );
  });

  it('honours If-Match: the version read, or 412', async () => {
    const setup = await provisioning();
    const user = (await setup.scim.send('POST', '/Users', entraUser(address('eva')))).json<ScimUser>();
    const rename = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Eva' }] };
    const ok = await setup.scim.send('PATCH', `/Users/${user.id}`, rename, { 'if-match': user.meta.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expectScimError(
      await setup.scim.send('PATCH', `/Users/${user.id}`, rename, { 'if-match': user.meta.version }),
      412,
    );
    expectScimError(
      await setup.scim.send('PUT', `/Users/${user.id}`, entraUser(user.userName), { 'if-match': user.meta.version }),
      412,
    );
    expectScimError(await setup.scim.send('DELETE', `/Users/${user.id}`, undefined, { 'if-match': 'W/"1-1"' }), 412);
    // Nothing was written by the refused ones.
    const now = (await setup.scim.send('GET', `/Users/${user.id}`)).json<ScimUser>();
    expect(now).toMatchObject({ displayName: 'Eva', meta: { version: ok.headers.etag } });
  });

  describe('refuses bad input', () => {
    it('without a token, with a wrong one, a personal one, a read one, or a revoked one', async () => {
      const setup = await provisioning();
      const anonymous = await new ScimClient(setup.app, null).send('GET', '/Users');
      expectScimError(anonymous, 401);
      expect(anonymous.headers['www-authenticate']).toContain('Bearer');
      expectScimError(await setup.scim.send('GET', '/Users', undefined, { authorization: 'Basic dXNlcjpwYXNz' }), 401);
      expectScimError(await new ScimClient(setup.app, 'rks_not-a-real-token').send('GET', '/Users'), 401);

      const ownerSession = await ApiClient.signIn(setup.app, setup.owner.email);
      const personal = (await ownerSession.post('/api/v1/me/tokens', { name: 'CLI' })).json<{ token: string }>().token;
      expectScimError(await new ScimClient(setup.app, personal).send('GET', '/Users'), 403);
      // A session cookie is no way in either.
      const withCookie = await setup.app.inject({
        method: 'GET',
        url: '/scim/v2/Users',
        headers: { cookie: ownerSession.cookieHeader },
      });
      expectScimError(withCookie, 401);

      for (const scopes of [['read'], ['admin']] as const) {
        const { token } = await createServiceAccount(setup.deps.db, setup.org.id, { scopes: [...scopes] });
        const refused = await new ScimClient(setup.app, token).send('POST', '/Users', entraUser(address('x')));
        expectScimError(refused, 403);
      }

      const revoked = await ownerSession.delete(`/api/v1/service-accounts/${setup.service.id}`);
      expect(revoked.statusCode, revoked.body).toBe(204);
      expectScimError(await setup.scim.send('GET', '/Users'), 401);
    });

    it('with bodies that are not a User, and duplicates', async () => {
      const setup = await provisioning();
      const post = (body: unknown, headers?: Record<string, string>) =>
        setup.scim.send('POST', '/Users', body, headers);
      expectScimError(await post('{"schemas": ['), 400, 'invalidSyntax');
      expectScimError(await post('{"schemas": [', { 'content-type': 'application/json' }), 400, 'invalidSyntax');
      expectScimError(await post(''), 400, 'invalidSyntax');
      expectScimError(await post('[1, 2]'), 400, 'invalidSyntax');
      const unknownSchema = expectScimError(
        await post({ schemas: ['urn:example:params:scim:schemas:Person'], userName: address('x') }),
        400,
        'invalidSyntax',
      );
      expect(unknownSchema.detail).toContain('unknown schema');
      const missing = expectScimError(await post({ schemas: [USER], displayName: 'No Name' }), 400, 'invalidValue');
      expect(missing.detail).toContain('userName');
      expectScimError(await post({ schemas: [USER], userName: 'not-an-address' }), 400, 'invalidValue');
      expectScimError(await post({ schemas: [USER], userName: address('x'), active: 'perhaps' }), 400, 'invalidValue');
      expectScimError(
        await post({ schemas: [USER], userName: address('x'), name: { givenName: ['A'] } }),
        400,
        'invalidValue',
      );
      const text = await setup.scim.send('POST', '/Users', 'userName=x', { 'content-type': 'text/plain' });
      expectScimError(text, 415);

      const userName = address('dup');
      expect((await post(entraUser(userName))).statusCode).toBe(201);
      const duplicate = expectScimError(await post(entraUser(userName.toUpperCase())), 409, 'uniqueness');
      expect(duplicate.detail).toContain('userName');
      // Renaming someone to a taken address is refused the same way.
      const other = (await post({ schemas: [USER], userName: address('other') })).json<ScimUser>();
      expectScimError(
        await setup.scim.patch(other.id, { op: 'replace', path: 'userName', value: userName }),
        409,
        'uniqueness',
      );
      // Nothing half-written: still one User by that name.
      expect((await setup.scim.findByUserName(userName)).totalResults).toBe(1);
    });

    it('with filters it does not support', async () => {
      const setup = await provisioning();
      for (const filter of [
        'userName co "a"',
        'displayName eq "A"',
        'userName eq "a" or userName eq "b"',
        'nonsense',
      ]) {
        const response = await setup.scim.send('GET', `/Users?filter=${encodeURIComponent(filter)}`);
        expectScimError(response, 400, 'invalidFilter');
      }
    });

    it('with PATCH operations and paths it does not know', async () => {
      const setup = await provisioning();
      const user = (await setup.scim.send('POST', '/Users', entraUser(address('f')))).json<ScimUser>();
      expectScimError(
        await setup.scim.patch(user.id, { op: 'Move', path: 'active', value: false }),
        400,
        'invalidSyntax',
      );
      expectScimError(
        await setup.scim.patch(user.id, { op: 'replace', path: 'shoeSize', value: 44 }),
        400,
        'invalidPath',
      );
      expectScimError(await setup.scim.patch(user.id, { op: 'replace', path: 'id', value: 'x' }), 400, 'mutability');
      expectScimError(await setup.scim.patch(user.id, { op: 'remove', path: 'userName' }), 400, 'mutability');
      expectScimError(
        await setup.scim.patch(user.id, { op: 'replace', path: 'active', value: 'Maybe' }),
        400,
        'invalidValue',
      );
      expectScimError(
        await setup.scim.send('PATCH', `/Users/${user.id}`, { schemas: [USER], Operations: [] }),
        400,
        'invalidSyntax',
      );
      // All or nothing: a good operation before a bad one is not applied.
      expectScimError(
        await setup.scim.patch(
          user.id,
          { op: 'replace', path: 'displayName', value: 'Changed' },
          { op: 'replace', path: 'shoeSize', value: 44 },
        ),
        400,
        'invalidPath',
      );
      const now = (await setup.scim.send('GET', `/Users/${user.id}`)).json<ScimUser>();
      expect(now).toMatchObject({ displayName: 'Anna Svensson', meta: { version: user.meta.version } });
    });

    it('with ids of nobody, of another organisation, and paths that are no endpoint', async () => {
      const setup = await provisioning();
      const elsewhere = await createOrg(setup.deps.db);
      for (const id of [elsewhere.owner.id, crypto.randomUUID(), 'not-a-uuid', setup.service.id]) {
        expectScimError(await setup.scim.send('GET', `/Users/${id}`), 404);
        expectScimError(await setup.scim.patch(id, { op: 'replace', path: 'active', value: false }), 404);
        expectScimError(await setup.scim.send('PUT', `/Users/${id}`, { schemas: [USER], userName: address('x') }), 404);
        expectScimError(await setup.scim.send('DELETE', `/Users/${id}`), 404);
      }
      expectScimError(await setup.scim.send('GET', '/Groups'), 404);
      // Another organisation's owner was not touched.
      const [still] = await setup.deps.db.select().from(accounts).where(eq(accounts.id, elsewhere.owner.id));
      expect(still?.status).toBe('active');
    });
  });

  it('keeps each organisation to its own people', async () => {
    const setup = await provisioning();
    const other = await provisioning();
    const mine = (await setup.scim.send('POST', '/Users', entraUser(address('g')))).json<ScimUser>();
    const theirs = await other.scim.findByUserName(mine.userName);
    expect(theirs.totalResults).toBe(0);
    const listed = (await other.scim.send('GET', '/Users')).json<ListResponse>();
    expect(listed.Resources.map((u) => u.id)).toEqual([other.owner.id]);
    expectScimError(await other.scim.patch(mine.id, { op: 'replace', path: 'active', value: false }), 404);
    expect((await setup.scim.send('GET', `/Users/${mine.id}`)).json<ScimUser>().active).toBe(true);
  });

  it('describes itself without a token, and stays out of the OpenAPI document', async () => {
    const { app } = await testServer();
    const anonymous = new ScimClient(app, null);
    const config = await anonymous.send('GET', '/ServiceProviderConfig');
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      etag: { supported: true },
    });
    const types = await anonymous.send('GET', '/ResourceTypes');
    expect(types.json<{ Resources: { id: string }[] }>().Resources.map((r) => r.id)).toEqual(['User']);
    const schemas = await anonymous.send('GET', '/Schemas');
    expect(schemas.json<{ Resources: { id: string }[] }>().Resources.map((r) => r.id)).toEqual([USER]);
    expect((await anonymous.send('GET', `/Schemas/${USER}`)).statusCode).toBe(200);

    const document = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(Object.keys(document.json<{ paths: object }>().paths).filter((p) => p.includes('scim'))).toEqual([]);
  });
});
