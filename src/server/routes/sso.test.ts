// Single sign-on end to end against a real OpenID provider on loopback (oidc-provider):
// the browser's way through start, provider and callback, followed with the server's own
// redirects and cookies; every refusal goes back to the sign-in page with its reason, and
// nothing is half made.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createAppCaches } from '../../app/caches.ts';
import type { AppDeps } from '../../app/context.ts';
import { hashSecret } from '../../app/auth/secrets.ts';
import { relyingParty, type OidcSettings } from '../../app/sso/relying-party.ts';
import { accounts, memberships } from '../../db/schema.ts';
import { queryRows } from '../../db/raw.ts';
import { TestClock } from '../../test/clock.ts';
import { createAccount, createMember, createOrg, TEST_PASSWORD } from '../../test/factories.ts';
import { ApiClient } from '../../test/server.ts';
import { startOidcProvider, type TestOidcProvider } from '../../test/oidc-provider.ts';
import { openOwnDatabase } from '../../test/fresh-database.ts';
import { buildServer, type Server } from '../app.ts';

const PUBLIC_URL = 'http://riktning.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/sso/oidc/callback`;

let idp: TestOidcProvider;
let app: Server;
let deps: AppDeps;
const clock = new TestClock(new Date());
let joinOrg: { id: string; slug: string };
let settings: OidcSettings;

// A database of this file's own: its tests move the app's clock hours ahead, and a sign-in
// started then clears every sign-in on its way that has expired by that clock, also those
// of another test file sharing the database (org-sso.test.ts on PostgreSQL).
let ownDatabase: Awaited<ReturnType<typeof openOwnDatabase>> | undefined;

beforeAll(async () => {
  idp = await startOidcProvider(REDIRECT_URI);
  ownDatabase = await openOwnDatabase();
  const { db } = ownDatabase.handle;
  deps = { db, now: clock.now, caches: createAppCaches(), publicUrl: PUBLIC_URL, ssoEnabled: true };
  ({ org: joinOrg } = await createOrg(db));
  settings = {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    name: 'Nordljus SSO',
    allowedDomains: ['nordljus.test'],
    joinOrgSlug: joinOrg.slug,
    groupsClaim: 'groups',
    roleMap: { 'okr-admins': 'admin', 'okr-readers': 'viewer' },
    redirectUri: REDIRECT_URI,
    allowHttp: true,
  };
  app = await buildServer({ deps, sso: relyingParty(settings) });
});

afterAll(async () => {
  await app?.close();
  await idp?.close();
  await ownDatabase?.close();
});

let people = 0;
/** A person at the provider, who is at the keyboard from now on. */
function atProvider(person: { email: string; emailVerified?: boolean; name?: string; groups?: string[] }): string {
  const subject = `subject-${++people}-${Date.now()}`;
  idp.people.set(subject, { emailVerified: true, name: 'Anna Andersson', ...person });
  idp.signInAs(subject);
  return subject;
}

const cookieOf = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((cookie) => cookie.name === name)?.value;

/** Start: the server's redirect to the provider and the browser's sign-in cookie. */
async function start(returnTo?: string) {
  const started = await app.inject({
    method: 'GET',
    url: `/api/v1/auth/sso/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  });
  expect(started.statusCode, started.body).toBe(302);
  return { location: String(started.headers.location), cookie: cookieOf(started, 'riktning_sso') };
}

/** The browser back at the callback with `url`'s query and the sign-in cookie. */
const callback = (url: URL, cookie: string | undefined) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/auth/sso/oidc/callback${url.search}`,
    ...(cookie ? { cookies: { riktning_sso: cookie } } : {}),
  });

/** The whole way in; the callback's answer. */
async function signIn(returnTo?: string) {
  const { location, cookie } = await start(returnTo);
  return callback(await idp.authorize(location), cookie);
}

async function sessionEmail(response: LightMyRequestResponse): Promise<string | null> {
  const session = cookieOf(response, 'riktning_session');
  if (!session) return null;
  const answer = await app.inject({
    method: 'GET',
    url: '/api/v1/auth/session',
    cookies: { riktning_session: session },
  });
  return answer.json<{ account: { email: string } | null }>().account?.email ?? null;
}

const accountsWithEmail = async (email: string) =>
  deps.db
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));

describe('single sign-on with OpenID Connect', () => {
  it('lists the provider for the sign-in page, and none on a server without it', async () => {
    const listed = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(listed.json()).toEqual([{ id: 'oidc', name: 'Nordljus SSO', startUrl: '/api/v1/auth/sso/oidc/start' }]);
    const plain = await buildServer({ deps: { ...deps, ssoEnabled: false } });
    try {
      expect((await plain.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual([]);
      // No such route there: like any unknown path, it asks for a sign-in; nobody is sent anywhere.
      expect((await plain.inject({ method: 'GET', url: '/api/v1/auth/sso/oidc/start' })).statusCode).toBe(401);
    } finally {
      await plain.close();
    }
  });

  it('sends the browser to the provider with PKCE, a state and a nonce', async () => {
    const { location, cookie } = await start();
    const url = new URL(location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(cookie).toBeTruthy();
  });

  it('links an existing account by its verified e-mail, then knows the person by the provider’s subject', async () => {
    const email = `karin-${Date.now()}@example.test`;
    const existing = await createAccount(deps.db, { email });
    const subject = atProvider({ email: email.toUpperCase() });

    const first = await signIn('/orgs/x/week');
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/orgs/x/week');
    expect(await sessionEmail(first)).toBe(email);
    const [linked] = await accountsWithEmail(email);
    expect(linked?.id).toBe(existing.id);
    expect(linked?.ssoSubject).toBe(`${idp.issuer}#${subject}`);

    // The provider's address changes; the subject still finds her.
    idp.people.set(subject, { email: `karin.new-${Date.now()}@example.test`, emailVerified: true, name: 'Karin' });
    const again = await signIn();
    expect(again.headers.location).toBe('/');
    expect(await sessionEmail(again)).toBe(email);
  });

  it('makes an account for an allowed domain, a member of the organisation named for it', async () => {
    const email = `nils-${Date.now()}@Nordljus.test`;
    atProvider({ email, name: 'Nils Nilsson' });
    const response = await signIn();
    expect(response.statusCode).toBe(302);
    expect(await sessionEmail(response)).toBe(email);
    const [made] = await accountsWithEmail(email);
    expect(made).toMatchObject({ name: 'Nils Nilsson', passwordHash: null });
    const membership = await deps.db
      .select()
      .from(memberships)
      .where(eq(memberships.accountId, made?.id ?? ''));
    expect(membership).toEqual([expect.objectContaining({ orgId: joinOrg.id, role: 'member' })]);
  });

  it('gives the role the person’s groups map to, at every sign-in, but never takes an owner’s', async () => {
    const roleIn = async (email: string) => {
      const [account] = await accountsWithEmail(email);
      const rows = await deps.db
        .select()
        .from(memberships)
        .where(eq(memberships.accountId, account?.id ?? ''));
      return rows.filter((row) => row.orgId === joinOrg.id).map((row) => row.role);
    };
    // A new account: its groups say viewer.
    const reader = `reader-${Date.now()}@nordljus.test`;
    atProvider({ email: reader, groups: ['staff', 'okr-readers'] });
    await signIn();
    expect(await roleIn(reader)).toEqual(['viewer']);
    // The same person, later in the admins' group: an admin from this sign-in on.
    const subject = [...idp.people].find(([, person]) => person.email === reader)?.[0] ?? '';
    idp.people.set(subject, { email: reader, emailVerified: true, name: 'Reader', groups: ['okr-admins'] });
    idp.signInAs(subject);
    await signIn();
    expect(await roleIn(reader)).toEqual(['admin']);
    const [audited] = await queryRows<{ before: unknown; after: unknown }>(
      deps.db,
      sql`select before, after from audit_events where action = 'member.role_from_sso' and org_id = ${joinOrg.id}::uuid
           order by created_at desc limit 1`,
    );
    expect(audited).toEqual({ before: { role: 'viewer' }, after: { role: 'admin' } });

    // An owner whose groups say viewer stays owner.
    const owner = `owner-${Date.now()}@example.test`;
    const ownerAccount = await createAccount(deps.db, { email: owner });
    await deps.db.insert(memberships).values({ orgId: joinOrg.id, accountId: ownerAccount.id, role: 'owner' });
    atProvider({ email: owner, groups: ['okr-readers'] });
    await signIn();
    expect(await roleIn(owner)).toEqual(['owner']);

    // No mapped group: an account outside the organisation stays outside it.
    const outsider = `outsider-${Date.now()}@example.test`;
    await createAccount(deps.db, { email: outsider });
    atProvider({ email: outsider, groups: ['sales'] });
    expect(await sessionEmail(await signIn())).toBe(outsider);
    expect(await roleIn(outsider)).toEqual([]);
  });

  it('refuses an address of another domain, and makes nothing', async () => {
    const email = `mallory-${Date.now()}@elsewhere.test`;
    atProvider({ email });
    const response = await signIn();
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?sso=sso_domain');
    expect(cookieOf(response, 'riktning_session')).toBeUndefined();
    expect(await accountsWithEmail(email)).toEqual([]);
  });

  it('refuses an address the provider has not verified', async () => {
    const email = `unverified-${Date.now()}@nordljus.test`;
    atProvider({ email, emailVerified: false });
    const response = await signIn();
    expect(response.headers.location).toBe('/login?sso=sso_unverified_email');
    expect(await accountsWithEmail(email)).toEqual([]);
  });

  it('refuses a callback with another state, or without the sign-in this browser started', async () => {
    atProvider({ email: `state-${Date.now()}@nordljus.test` });
    const { location, cookie } = await start();
    const back = await idp.authorize(location);
    const forged = new URL(back);
    forged.searchParams.set('state', 'a-state-of-someone-else');
    expect((await callback(forged, cookie)).headers.location).toBe('/login?sso=sso_state');
    // The sign-in was taken by that try: the right state does not bring it back.
    expect((await callback(back, cookie)).headers.location).toBe('/login?sso=sso_state');
    // Nor does a callback without the browser's cookie.
    const other = await start();
    expect((await callback(await idp.authorize(other.location), undefined)).headers.location).toBe(
      '/login?sso=sso_state',
    );
  });

  it('refuses a replayed code: the provider will not exchange it twice', async () => {
    atProvider({ email: `replay-${Date.now()}@nordljus.test` });
    const first = await start();
    const back = await idp.authorize(first.location);
    expect(cookieOf(await callback(back, first.cookie), 'riktning_session')).toBeTruthy();
    // An attacker with the used code starts a sign-in of their own and presents it.
    const second = await start();
    const replay = new URL(back);
    replay.searchParams.set('state', new URL(second.location).searchParams.get('state') ?? '');
    const response = await callback(replay, second.cookie);
    expect(response.headers.location).toBe('/login?sso=sso_exchange');
    expect(cookieOf(response, 'riktning_session')).toBeUndefined();
  });

  it('refuses an ID token for another audience', async () => {
    const email = `audience-${Date.now()}@nordljus.test`;
    atProvider({ email });
    idp.tamperNextIdToken((claims) => ({ ...claims, aud: 'another-client' }));
    const response = await signIn();
    expect(response.headers.location).toBe('/login?sso=sso_token');
    expect(await accountsWithEmail(email)).toEqual([]);
  });

  it('refuses an expired ID token, judged by the app’s clock', async () => {
    const email = `expired-${Date.now()}@nordljus.test`;
    atProvider({ email });
    // The provider's token lives an hour; by the app's clock three have passed.
    clock.set(new Date(Date.now() + 3 * 3_600_000));
    try {
      const response = await signIn();
      expect(response.headers.location).toBe('/login?sso=sso_token');
      expect(cookieOf(response, 'riktning_session')).toBeUndefined();
    } finally {
      clock.set(new Date());
    }
    // And one made to have expired, by the clock both keep.
    atProvider({ email });
    idp.tamperNextIdToken((claims) => ({ ...claims, exp: Math.floor(Date.now() / 1000) - 3_600 }));
    expect((await signIn()).headers.location).toBe('/login?sso=sso_token');
    expect(await accountsWithEmail(email)).toEqual([]);
  });

  it('refuses a deactivated account', async () => {
    const email = `gone-${Date.now()}@nordljus.test`;
    await createAccount(deps.db, { email, status: 'deactivated' });
    atProvider({ email });
    expect((await signIn()).headers.location).toBe('/login?sso=sso_inactive');
  });

  it('says the provider is unavailable when it cannot be reached, and signs nobody in', async () => {
    const down = await buildServer({
      deps,
      sso: relyingParty({ ...settings, issuer: 'http://127.0.0.1:9/' }),
    });
    try {
      const response = await down.inject({ method: 'GET', url: '/api/v1/auth/sso/oidc/start' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/login?sso=sso_unavailable');
    } finally {
      await down.close();
    }
  });

  it('returns only to a path of the app', async () => {
    atProvider({ email: `return-${Date.now()}@nordljus.test` });
    expect((await signIn('https://evil.example/')).headers.location).toBe('/');
    atProvider({ email: `return2-${Date.now()}@nordljus.test` });
    expect((await signIn('//evil.example/')).headers.location).toBe('/');
  });
});

describe('the sign-ins on their way', () => {
  it('keeps only a hash of the browser’s id, and clears those not finished in time', async () => {
    const { cookie } = await start();
    const stored = async () =>
      (await queryRows<{ id_hash: string }>(deps.db, sql`select id_hash from sso_logins`)).map((row) => row.id_hash);
    expect(await stored()).not.toContain(cookie);
    expect(await stored()).toContain(hashSecret(cookie ?? ''));
    clock.set(new Date(Date.now() + 20 * 60_000));
    try {
      await start();
      expect(await stored()).not.toContain(hashSecret(cookie ?? ''));
    } finally {
      clock.set(new Date());
    }
  });
});

describe('an organisation that requires single sign-on', () => {
  const passwordSignIn = (email: string, server: Server = app) =>
    server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });

  it('turns its members’ passwords off, but not its owners’, and they still get in through the provider', async () => {
    const { org, owner } = await createOrg(deps.db);
    const member = await createMember(deps.db, org.id, 'member', { email: `member-${Date.now()}@example.test` });
    const admin = await ApiClient.signIn(app, owner.email);
    const version = (await admin.get(`/api/v1/orgs/${org.id}`)).json<{ version: number }>().version;
    const required = await admin.patch(
      `/api/v1/orgs/${org.id}`,
      { settings: { ssoRequired: true } },
      { headers: { 'if-match': `"${version}"` } },
    );
    expect(required.statusCode, required.body).toBe(200);
    expect(required.json<{ settings: { ssoRequired: boolean } }>().settings.ssoRequired).toBe(true);

    const refused = await passwordSignIn(member.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ type: string; title: string }>()).toMatchObject({
      type: expect.stringContaining('sso_required'),
      title: expect.stringContaining('identity provider'),
    });
    // The owner keeps a way in should the provider fail (break-glass).
    expect((await passwordSignIn(owner.email)).statusCode).toBe(200);
    // Through the provider the member gets in.
    atProvider({ email: member.email });
    expect(await sessionEmail(await signIn())).toBe(member.email);
    // Without single sign-on in the installation the setting would lock them out: not applied.
    const plain = await buildServer({ deps: { ...deps, ssoEnabled: false } });
    try {
      expect((await passwordSignIn(member.email, plain)).statusCode).toBe(200);
    } finally {
      await plain.close();
    }
  });

  it('cannot be required where the installation has no single sign-on, and says so', async () => {
    const plain = await buildServer({ deps: { ...deps, ssoEnabled: false } });
    try {
      const { org, owner } = await createOrg(deps.db);
      const admin = await ApiClient.signIn(plain, owner.email);
      const version = (await admin.get(`/api/v1/orgs/${org.id}`)).json<{ version: number }>().version;
      const refused = await admin.patch(
        `/api/v1/orgs/${org.id}`,
        { settings: { ssoRequired: true } },
        { headers: { 'if-match': `"${version}"` } },
      );
      expect(refused.statusCode).toBe(422);
      expect(JSON.stringify(refused.json())).toContain('/body/settings/ssoRequired');
    } finally {
      await plain.close();
    }
  });
});
