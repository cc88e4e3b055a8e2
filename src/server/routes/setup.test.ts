// The first-run set-up needs a database without any account. The shared test database
// is never empty (and on PostgreSQL all test files share one), so every test here builds
// a server over a fresh database of its own: an in-memory PGlite, or on the postgres
// project a new PostgreSQL database, where two set-ups at once really run side by side.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/connect.ts';
import { accountAuditEvents, accounts, auditEvents, organizations } from '../../db/schema.ts';
import { TestClock } from '../../test/clock.ts';
import { withFreshDatabase } from '../../test/fresh-database.ts';
import { buildServer, type Server } from '../app.ts';

async function withFreshInstallation(work: (app: Server, db: Db) => Promise<void>, loginRateLimit = 1000) {
  await withFreshDatabase(async ({ db }) => {
    const app = await buildServer({ deps: { db, now: new TestClock().now }, loginRateLimit });
    try {
      await work(app, db);
    } finally {
      await app.close();
    }
  });
}

const setupBody = (overrides: Record<string, unknown> = {}) => ({
  organizationName: ' Nordljus AB ',
  slug: 'nordljus',
  name: ' Anna Andersson ',
  email: 'Anna@Nordljus.example',
  password: 'korrekt häst batteri',
  locale: 'en',
  ...overrides,
});

const cookieOf = (response: LightMyRequestResponse, name: string) => response.cookies.find((c) => c.name === name);

describe('first-run set-up', () => {
  it('sets up an empty installation once, signs the person in, and refuses a second time', async () => {
    await withFreshInstallation(async (app, db) => {
      const before = await app.inject({ method: 'GET', url: '/api/v1/setup' });
      expect(before.statusCode).toBe(200);
      expect(before.json()).toEqual({ needed: true });

      const setup = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() });
      expect(setup.statusCode).toBe(201);
      const body = setup.json<{
        account: { id: string; memberships: { orgId: string }[] };
        csrfToken: string;
      }>();
      expect(body.account).toMatchObject({
        name: 'Anna Andersson',
        email: 'anna@nordljus.example',
        locale: 'en',
        memberships: [{ orgName: 'Nordljus AB', orgSlug: 'nordljus', role: 'owner' }],
      });
      const session = cookieOf(setup, 'riktning_session');
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Lax');
      expect(cookieOf(setup, 'riktning_csrf')?.value).toBe(body.csrfToken);

      // The cookie works like one from sign-in, for reads and (with the CSRF token) writes.
      const cookie = `riktning_session=${session?.value}`;
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().id).toBe(body.account.id);
      const orgId = body.account.memberships[0]?.orgId;
      const org = await app.inject({ method: 'GET', url: `/api/v1/orgs/${orgId}`, headers: { cookie } });
      expect(org.json()).toMatchObject({ defaultLocale: 'en', role: 'owner' });
      const rename = await app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { cookie, 'x-csrf-token': body.csrfToken, 'if-match': me.headers.etag as string },
        payload: { name: 'Anna A.' },
      });
      expect(rename.statusCode).toBe(200);

      // The password is stored as argon2id and signs in.
      const [account] = await db.select().from(accounts).where(eq(accounts.id, body.account.id));
      expect(account?.passwordHash).toMatch(/^\$argon2id\$/);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'anna@nordljus.example', password: 'korrekt häst batteri' },
      });
      expect(login.statusCode).toBe(200);

      // Signing in is the person's own event, in no organisation.
      const actions = [...(await db.select().from(auditEvents)), ...(await db.select().from(accountAuditEvents))].map(
        (e) => e.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['setup.complete', 'organization.create', 'auth.login']));

      expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: setupBody({ slug: 'annan', email: 'other@example.test' }),
        headers: { 'accept-language': 'sv' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'setup_done',
        title: 'Riktning är redan konfigurerat; logga in i stället',
      });
      expect(await db.select().from(organizations)).toHaveLength(1);
    });
  });

  it('refuses a weak password and bad input, naming the field, and writes nothing', async () => {
    await withFreshInstallation(async (app, db) => {
      const weak = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: setupBody({ password: 'password' }),
      });
      expect(weak.statusCode).toBe(422);
      expect(weak.json().errors).toEqual([
        expect.objectContaining({ field: '/body/password', code: 'password_too_common' }),
      ]);
      const short = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: setupBody({ password: 'kort' }),
      });
      expect(short.statusCode).toBe(422);
      expect(short.json().errors[0]).toMatchObject({ field: '/body/password', code: 'password_too_short' });
      // What a guesser knows of the person and the organisation being set up.
      for (const [password, code] of [
        ['Anna@Nordljus.example', 'password_too_personal'],
        ['Nordljus AB 2026', 'password_too_personal'],
        ['andersson1234', 'password_too_personal'],
        ['riktning-demo', 'password_too_common'],
        ['aaaaaaaaaaaa', 'password_too_guessable'],
      ]) {
        const guessable = await app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: setupBody({ password }),
          headers: { 'accept-language': 'sv' },
        });
        expect(guessable.statusCode, password).toBe(422);
        expect(guessable.json().errors[0], password).toMatchObject({ field: '/body/password', code });
      }

      const badSlug = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ slug: 'Ä B' }) });
      expect(badSlug.statusCode).toBe(400);
      expect(badSlug.json().errors[0].field).toBe('/body/slug');
      const badLocale = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: setupBody({ locale: 'de' }),
      });
      expect(badLocale.json().errors[0].field).toBe('/body/locale');
      const extra = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ role: 'owner' }) });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().errors[0].field).toBe('/body/role');

      expect(await db.select().from(accounts)).toEqual([]);
      expect(await db.select().from(organizations)).toEqual([]);
      expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    });
  });

  // Without the lock, PostgreSQL lets most such races through (each sees no account).
  it('lets exactly one of several simultaneous set-ups through', async () => {
    await withFreshInstallation(async (app, db) => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/setup',
            payload: setupBody({ slug: `org-${i}`, email: `person-${i}@example.test` }),
          }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([201, ...Array<number>(7).fill(409)]);
      expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe('setup_done');
      expect(await db.select().from(accounts)).toHaveLength(1);
      expect(await db.select().from(organizations)).toHaveLength(1);
    });
  });

  it('limits set-up attempts per minute and e-mail like sign-in, so a stranger’s do not use up the owner’s', async () => {
    await withFreshInstallation(async (app) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: setupBody({ password: 'password' }),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([422, 422, 429, 429]);
      const owner = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: setupBody({ email: 'owner@nordljus.example' }),
      });
      expect(owner.statusCode).toBe(201);
    }, 2);
  });
});
