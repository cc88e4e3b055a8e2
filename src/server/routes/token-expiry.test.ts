// API tokens may be made to expire: a personal token after the days chosen at its making,
// a service account's after the lifetime set for it, at creation and at each rotation. An
// expired token is refused with 401 token_expired, which names the problem.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetCallers } from '../../app/caches.ts';
import { createOrg } from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';

const DAY = 86_400_000;
const START = new Date('2026-05-15T10:00:00Z');

interface Token {
  id: string;
  name: string;
  expiresAt: string | null;
  token?: string;
}

const daysAfterStart = (days: number) => new Date(START.getTime() + days * DAY);

async function setup() {
  const { app, deps, clock } = await testServer();
  clock.set(START);
  const { org, owner } = await createOrg(deps.db);
  const person = await ApiClient.signIn(app, owner.email);
  /**
   * GET `url` with the bearer token `days` after the start. The test clock leaps days in a
   * moment, so the callers' cache (a few seconds of real time) is emptied first.
   */
  const getAt = (days: number, token: string, url = '/api/v1/me', headers: Record<string, string> = {}) => {
    clock.set(daysAfterStart(days));
    forgetCallers(deps);
    return app.inject({ method: 'GET', url, headers: { ...headers, authorization: `Bearer ${token}` } });
  };
  /** The owner signed in anew `days` after the start: a session ends after a week unused. */
  const personAt = (days: number) => {
    clock.set(daysAfterStart(days));
    return ApiClient.signIn(app, owner.email);
  };
  return { app, deps, clock, org, person, getAt, personAt };
}

afterEach(async () => {
  (await testServer()).clock.set(START);
});

describe('personal API tokens with an expiry', () => {
  it('work until the days chosen are up, then are refused as expired, in the caller’s language', async () => {
    const { person, getAt, personAt } = await setup();
    const made = await person.post('/api/v1/me/tokens', { name: 'Nightly export', expiresInDays: 30 });
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json<Token>();
    expect(created.expiresAt).toBe(daysAfterStart(30).toISOString());

    expect((await getAt(29, created.token ?? '')).statusCode).toBe(200);
    const refused = await getAt(30.001, created.token ?? '', '/api/v1/me', { 'accept-language': 'sv' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      code: 'token_expired',
      title: 'Den här API-token har gått ut: skapa en ny eller byt tjänstekontots token',
    });
    // Still listed, with its end, so its owner sees why and can revoke it.
    const listed = (await (await personAt(31)).get('/api/v1/me/tokens')).json<{ items: Token[] }>().items;
    expect(listed).toEqual([expect.objectContaining({ id: created.id, expiresAt: created.expiresAt })]);
  });

  it('work until revoked when made without an expiry', async () => {
    const { person, getAt } = await setup();
    const created = (await person.post('/api/v1/me/tokens', { name: 'Forever' })).json<Token>();
    expect(created.expiresAt).toBeNull();
    const never = (await person.post('/api/v1/me/tokens', { name: 'Also forever', expiresInDays: null })).json<Token>();
    expect(never.expiresAt).toBeNull();
    expect((await getAt(3 * 365, created.token ?? '')).statusCode).toBe(200);
    expect((await getAt(3 * 365, never.token ?? '')).statusCode).toBe(200);
  });

  it.each([0, -1, 3651, 1.5, 'soon'])('refuses %j days, naming the field', async (days) => {
    const { person } = await setup();
    const refused = await person.post('/api/v1/me/tokens', { name: 'Odd', expiresInDays: days });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain('/body/expiresInDays');
  });
});

describe('service account tokens with a lifetime', () => {
  it('expire after the lifetime, and a rotated token gets the same lifetime from its rotation', async () => {
    const { org, person, getAt, personAt } = await setup();
    const units = `/api/v1/orgs/${org.id}/units`;
    const made = await person.post(`/api/v1/orgs/${org.id}/service-accounts`, {
      name: 'Power BI',
      scopes: ['read'],
      tokenLifetimeDays: 90,
    });
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json<{ id: string; token: string; tokenLifetimeDays: number; tokenExpiresAt: string }>();
    expect(created).toMatchObject({ tokenLifetimeDays: 90, tokenExpiresAt: daysAfterStart(90).toISOString() });
    expect((await getAt(89, created.token, units)).statusCode).toBe(200);
    expect((await getAt(91, created.token, units)).json()).toMatchObject({ code: 'token_expired' });

    const admin = await personAt(91);
    const rotated = await admin.post(`/api/v1/service-accounts/${created.id}/rotate-token`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json<{ token: string; tokenExpiresAt: string }>();
    expect(fresh.tokenExpiresAt).toBe(daysAfterStart(181).toISOString());
    const listed = (await admin.get(`/api/v1/orgs/${org.id}/service-accounts`)).json<{ tokenExpiresAt: string }[]>();
    expect(listed).toEqual([expect.objectContaining({ tokenLifetimeDays: 90, tokenExpiresAt: fresh.tokenExpiresAt })]);
    expect((await getAt(180, fresh.token, units)).statusCode).toBe(200);
    expect((await getAt(182, fresh.token, units)).statusCode).toBe(401);
  });

  it('refuse SCIM provisioning once expired, saying so', async () => {
    const { org, person, getAt } = await setup();
    const made = await person.post(`/api/v1/orgs/${org.id}/service-accounts`, {
      name: 'Entra ID',
      scopes: ['scim'],
      tokenLifetimeDays: 30,
    });
    const { token } = made.json<{ token: string }>();
    expect((await getAt(29, token, '/scim/v2/Users')).statusCode).toBe(200);
    const refused = await getAt(31, token, '/scim/v2/Users');
    expect(refused.statusCode).toBe(401);
    expect(refused.json<{ detail: string }>().detail).toContain('the token has expired');
  });

  it('never expire when made without a lifetime', async () => {
    const { org, person, getAt } = await setup();
    const made = await person.post(`/api/v1/orgs/${org.id}/service-accounts`, { name: 'Sheets', scopes: ['read'] });
    const created = made.json<{ token: string; tokenLifetimeDays: null; tokenExpiresAt: null }>();
    expect(created).toMatchObject({ tokenLifetimeDays: null, tokenExpiresAt: null });
    expect((await getAt(1000, created.token, `/api/v1/orgs/${org.id}/units`)).statusCode).toBe(200);
  });
});
