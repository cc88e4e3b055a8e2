import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { createCycle, createMember, createObjective, createOrg, createPrivateObjective } from '../../test/factories.ts';

const BATCH = '/api/v1/batch';

async function memberWithObjectives() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id);
  const sara = await createMember(deps.db, org.id, 'member');
  const shared = await createObjective(deps.db, org.id, cycle.id);
  const ownersPrivate = await createPrivateObjective(deps.db, org.id, cycle.id, owner.id);
  const { org: otherOrg } = await createOrg(deps.db);
  const client = await ApiClient.signIn(app, sara.email);
  return { app, org, owner, cycle, shared, ownersPrivate, otherOrg, client };
}

describe('POST /batch', () => {
  it('answers each read as the same GET on its own would, in order, statuses and problems included', async () => {
    const { org, cycle, shared, ownersPrivate, otherOrg, client } = await memberWithObjectives();
    const paths = [
      `/orgs/${org.id}`,
      `/orgs/${org.id}/cycles`,
      `/orgs/${org.id}/objectives?cycleId=${cycle.id}&level=organization`,
      `/objectives/${shared.id}`,
      `/objectives/${ownersPrivate.id}`,
      `/orgs/${otherOrg.id}`,
      `/orgs/${org.id}/objectives?cycleId=not-a-uuid`,
      '/no/such/read',
    ];
    const response = await client.post(BATCH, { requests: paths.map((path) => ({ path })) });
    expect(response.statusCode).toBe(200);
    const { responses } = response.json<{ responses: { status: number; body: unknown }[] }>();
    const alone = await Promise.all(paths.map((path) => client.get(`/api/v1${path}`)));
    expect(responses.map((r) => r.status)).toEqual(alone.map((a) => a.statusCode));
    expect(responses.map((r) => r.body)).toEqual(alone.map((a) => a.json()));
    // The reads were real: the member sees the shared objective, not the owner's private one.
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 404, 400, 404]);
    expect((responses[3]?.body as { id: string }).id).toBe(shared.id);
  });

  it('reads with the caller’s own credentials and language, signed out as well, and with the CSRF token when signed in by cookie', async () => {
    const { app, org, client } = await memberWithObjectives();
    const { deps } = await testServer();
    const missing = { requests: [{ path: '/objectives/00000000-0000-4000-8000-000000000000' }] };
    const english = await client.post(BATCH, missing);
    expect(english.json().responses[0]).toMatchObject({ status: 404, body: { title: 'Objective not found' } });
    const astrid = await createMember(deps.db, org.id, 'member', { locale: 'sv' });
    const swedish = await (await ApiClient.signIn(app, astrid.email)).post(BATCH, missing);
    expect(swedish.json().responses[0]).toMatchObject({ status: 404, body: { title: 'Målet hittades inte' } });

    // Signed out, each part answers as it would on its own (the session has no account), in
    // the browser's language.
    const anonymous = await ApiClient.anonymous(app).post(
      BATCH,
      { requests: [{ path: '/auth/session' }, { path: `/orgs/${org.id}` }] },
      { headers: { 'accept-language': 'sv-SE,sv;q=0.9' } },
    );
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().responses).toMatchObject([
      { status: 200, body: { account: null } },
      { status: 401, body: { code: 'unauthenticated', title: 'Logga in först' } },
    ]);

    // A script's bearer token reaches the parts too (and needs no CSRF token).
    const token = (await client.post('/api/v1/me/tokens', { name: 'Skript' })).json<{ token: string }>().token;
    const viaToken = await app.inject({
      method: 'POST',
      url: BATCH,
      headers: { authorization: `Bearer ${token}` },
      payload: { requests: [{ path: `/orgs/${org.id}` }] },
    });
    expect(viaToken.json().responses[0]).toMatchObject({ status: 200, body: { id: org.id } });
    const withoutToken = await app.inject({
      method: 'POST',
      url: BATCH,
      headers: { cookie: client.cookieHeader },
      payload: { requests: [{ path: `/orgs/${org.id}` }] },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf_failed');
  });

  it('refuses a batch it cannot answer as JSON reads, naming the part', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const admin = await ApiClient.signIn(app, owner.email);
    const problem = async (body: unknown, status: number) => {
      const response = await admin.post(BATCH, body, { headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(status);
      return response.json<{ errors: { field: string; message: string }[] }>().errors;
    };
    expect((await problem({ requests: [] }, 400))[0]?.field).toBe('/body/requests');
    const tooMany = Array.from({ length: 26 }, () => ({ path: `/orgs/${org.id}` }));
    expect((await problem({ requests: tooMany }, 400))[0]?.field).toBe('/body/requests');
    for (const path of ['https://example.com/x', '//example.com/x', 'orgs']) {
      expect((await problem({ requests: [{ path }] }, 400))[0]?.field).toBe('/body/requests/0/path');
    }
    // Nothing outside the API: the server's health checks, its documentation, the web app.
    for (const path of ['/../../healthz', '/%2e%2e/%2E%2e/readyz', '/../docs/json']) {
      expect(await problem({ requests: [{ path: `/orgs/${org.id}` }, { path }] }, 422)).toEqual([
        { field: '/body/requests/1/path', code: 'batch_outside_api', message: 'must be a path of this API' },
      ]);
    }
    const csv = await problem(
      { requests: [{ path: `/orgs/${org.id}` }, { path: `/orgs/${org.id}/audit-events.csv` }] },
      422,
    );
    expect(csv[0]).toEqual({
      field: '/body/requests/1/path',
      code: 'batch_not_json',
      message: 'answers something other than JSON; ask for it on its own',
    });
  });
});
