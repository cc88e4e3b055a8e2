// An organisation's own single sign-on provider, set by its admins in the app, end to end
// against a real OpenID provider on loopback (oidc-provider): the settings (never the
// secret back), the sign-in page's ?org=, the way in through it, and its refusals.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createAppCaches } from '../../app/caches.ts';
import type { AppDeps } from '../../app/context.ts';
import { auditEvents, memberships, organizations } from '../../db/schema.ts';
import { TestClock } from '../../test/clock.ts';
import { createMember, createOrg, createServiceAccount, TEST_PASSWORD } from '../../test/factories.ts';
import { ApiClient } from '../../test/server.ts';
import { startOidcProvider, type TestOidcProvider } from '../../test/oidc-provider.ts';
import { testDatabase } from '../../test/test-db.ts';
import { buildServer, type Server } from '../app.ts';

const PUBLIC_URL = 'http://riktning.test';
const callbackOf = (orgId: string) => `${PUBLIC_URL}/api/v1/auth/sso/orgs/${orgId}/callback`;

let idp: TestOidcProvider;
let app: Server;
let deps: AppDeps;
const clock = new TestClock(new Date());
type Org = typeof organizations.$inferSelect;
let nordljus: { org: Org; admin: ApiClient };
let other: { org: Org; admin: ApiClient };

async function orgWithAdmin() {
  const { org, owner } = await createOrg(deps.db);
  return { org, admin: await ApiClient.signIn(app, owner.email) };
}

const providerBody = () => ({
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  name: 'Nordljus Entra',
  allowedDomains: ['@Nordljus.test', 'nordljus.test'],
  roleMap: { 'okr-admins': 'admin' },
});

beforeAll(async () => {
  const { db } = await testDatabase();
  // No installation-wide provider: the organisations bring their own.
  deps = { db, now: clock.now, caches: createAppCaches(), publicUrl: PUBLIC_URL, ssoEnabled: false };
  app = await buildServer({ deps });
  nordljus = await orgWithAdmin();
  other = await orgWithAdmin();
  idp = await startOidcProvider([callbackOf(nordljus.org.id), callbackOf(other.org.id)]);
});

afterAll(async () => {
  await app?.close();
  await idp?.close();
});

let people = 0;
function atProvider(person: { email: string; groups?: string[] }) {
  const subject = `subject-${++people}-${Date.now()}`;
  idp.people.set(subject, { emailVerified: true, name: 'Nils Nilsson', ...person });
  idp.signInAs(subject);
}

const cookieOf = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((cookie) => cookie.name === name)?.value;

async function start(orgId: string) {
  const started = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/orgs/${orgId}/start` });
  expect(started.statusCode, started.body).toBe(302);
  return { location: String(started.headers.location), cookie: cookieOf(started, 'riktning_sso') };
}

const callback = (orgId: string, url: URL, cookie: string | undefined) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/auth/sso/orgs/${orgId}/callback${url.search}`,
    ...(cookie ? { cookies: { riktning_sso: cookie } } : {}),
  });

describe('an organisation’s own single sign-on provider', () => {
  it('is set by its admins, never answering the secret back, and replaced only with If-Match', async () => {
    const url = `/api/v1/orgs/${nordljus.org.id}/sso-provider`;
    expect((await nordljus.admin.get(url)).json()).toBeNull();

    const withoutSecret = { ...providerBody(), clientSecret: undefined };
    const noSecret = await nordljus.admin.put(url, withoutSecret);
    expect(noSecret.statusCode).toBe(422);
    expect(noSecret.json().errors[0]).toMatchObject({ field: '/body/clientSecret', code: 'required' });
    const plainHttp = await nordljus.admin.put(url, { ...providerBody(), issuer: 'http://idp.example.com' });
    expect(plainHttp.statusCode).toBe(422);
    expect(plainHttp.json().errors[0]).toMatchObject({ field: '/body/issuer', code: 'sso_issuer' });
    const badRole = await nordljus.admin.put(url, { ...providerBody(), roleMap: { everyone: 'owner' } });
    expect(badRole.statusCode).toBe(400);

    const saved = await nordljus.admin.put(url, providerBody());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(idp.clientSecret);
    expect(saved.json()).toMatchObject({
      issuer: idp.issuer,
      allowedDomains: ['nordljus.test'],
      redirectUri: callbackOf(nordljus.org.id),
      signInUrl: `${PUBLIC_URL}/login?org=${nordljus.org.slug}`,
      version: 1,
    });
    expect((await nordljus.admin.get(url)).body).not.toContain(idp.clientSecret);

    // Replacing it states the version read; the secret left out stays.
    expect((await nordljus.admin.put(url, withoutSecret)).statusCode).toBe(428);
    const stale = await nordljus.admin.put(url, withoutSecret, { headers: { 'if-match': '"7"' } });
    expect(stale.statusCode).toBe(412);
    const renamed = await nordljus.admin.put(
      url,
      { ...withoutSecret, name: 'Nordljus ID' },
      {
        headers: { 'if-match': '"1"' },
      },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Nordljus ID', version: 2 });

    const audited = await deps.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, nordljus.org.id), eq(auditEvents.entityType, 'sso_provider')))
      // In the order written: without it, rows come in the order of the pages they landed in,
      // which two server connections (a pooler hands each request another) fill apart.
      .orderBy(auditEvents.id);
    expect(audited.map((event) => event.action)).toEqual(['sso_provider.create', 'sso_provider.update']);
    expect(JSON.stringify(audited)).not.toContain(idp.clientSecret);
  });

  it('is for admins, and people: members and service accounts may not touch it', async () => {
    const url = `/api/v1/orgs/${other.org.id}/sso-provider`;
    const member = await createMember(deps.db, other.org.id, 'member');
    const asMember = await ApiClient.signIn(app, member.email);
    expect((await asMember.get(url)).statusCode).toBe(403);
    expect((await asMember.put(url, providerBody())).statusCode).toBe(403);
    const { token } = await createServiceAccount(deps.db, other.org.id, { scopes: ['admin'] });
    const asService = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(asService.json().code).toBe('people_only');
    // Another organisation's admin learns nothing.
    expect((await nordljus.admin.get(url)).statusCode).toBe(404);
  });

  it('is offered on the sign-in page of ?org=<slug> and lets a new person of its domain in, as a member with the mapped role', async () => {
    const listed = await app.inject({ method: 'GET', url: `/api/v1/auth/providers?org=${nordljus.org.slug}` });
    expect(listed.json()).toEqual([
      {
        id: `org-${nordljus.org.id}`,
        name: 'Nordljus ID',
        startUrl: `/api/v1/auth/sso/orgs/${nordljus.org.id}/start`,
      },
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/providers?org=no-such-org' })).json()).toEqual([]);

    atProvider({ email: `nils-${Date.now()}@nordljus.test`, groups: ['okr-admins'] });
    const { location, cookie } = await start(nordljus.org.id);
    expect(new URL(location).searchParams.get('redirect_uri')).toBe(callbackOf(nordljus.org.id));
    const back = await callback(nordljus.org.id, await idp.authorize(location), cookie);
    expect(back.statusCode, back.body).toBe(302);
    expect(back.headers.location).toBe('/');
    const session = cookieOf(back, 'riktning_session');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { riktning_session: session ?? '' } });
    const account = me.json<{ id: string }>();
    const [membership] = await deps.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, nordljus.org.id), eq(memberships.accountId, account.id)));
    expect(membership?.role).toBe('admin');
  });

  it('refuses a sign-in brought back to another organisation’s provider, and a disallowed domain', async () => {
    await other.admin.put(`/api/v1/orgs/${other.org.id}/sso-provider`, { ...providerBody(), allowedDomains: [] });
    atProvider({ email: `smuggel-${Date.now()}@nordljus.test` });
    const { location, cookie } = await start(nordljus.org.id);
    const crossed = await callback(other.org.id, await idp.authorize(location), cookie);
    expect(crossed.headers.location).toBe('/login?sso=sso_state');

    atProvider({ email: `utomstaende-${Date.now()}@elsewhere.test` });
    const outsider = await start(nordljus.org.id);
    const refused = await callback(nordljus.org.id, await idp.authorize(outsider.location), outsider.cookie);
    expect(refused.headers.location).toBe('/login?sso=sso_domain');
  });

  it('makes “SSO required” possible without the installation’s SSO; removed, its way in is gone', async () => {
    const settingsUrl = `/api/v1/orgs/${nordljus.org.id}`;
    const [row] = await deps.db.select().from(organizations).where(eq(organizations.id, nordljus.org.id));
    const required = await nordljus.admin.patch(
      settingsUrl,
      { settings: { ssoRequired: true } },
      { headers: { 'if-match': `"${row?.version}"` } },
    );
    expect(required.statusCode, required.body).toBe(200);
    const member = await createMember(deps.db, nordljus.org.id, 'member');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('sso_required');

    expect((await nordljus.admin.delete(`/api/v1/orgs/${nordljus.org.id}/sso-provider`)).statusCode).toBe(204);
    const gone = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/orgs/${nordljus.org.id}/start` });
    expect(gone.headers.location).toBe('/login?sso=sso_unavailable');
    // Without any SSO to use, passwords work again rather than lock the members out.
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
  });
});
