// The server caches who is calling, what their membership grants and the organisation's
// row (app/caches.ts); a change made through the API must apply to the very next request
// all the same.
import { describe, expect, it } from 'vitest';
import { createAppCaches } from '../app/caches.ts';
import { createCycle, createMember, createObjective, createOrg, createUnit } from '../test/factories.ts';
import { ApiClient, testServer } from '../test/server.ts';
import { countStatements } from '../test/statements.ts';
import { buildServer } from './app.ts';

type Deps = Awaited<ReturnType<typeof testServer>>['deps'];
type Answer = Awaited<ReturnType<ApiClient['get']>>;

/**
 * The person signed in to a server of its own over a counting database, with caches of its
 * own: `read` GETs a path (which must answer 200) and says how many statements it took.
 */
async function withCountedServer(
  deps: Deps,
  email: string,
  work: (client: ApiClient, read: (path: string) => Promise<{ statements: number; response: Answer }>) => Promise<void>,
): Promise<void> {
  const counting = countStatements(deps.db);
  const counted = await buildServer({ deps: { ...deps, db: counting.db, caches: createAppCaches() } });
  try {
    const client = await ApiClient.signIn(counted, email);
    await work(client, async (path) => {
      const before = counting.statements();
      const response = await client.get(path);
      expect(response.statusCode).toBe(200);
      return { statements: counting.statements() - before, response };
    });
  } finally {
    await counted.close();
  }
}

async function orgWithAdmin() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const admin = await createMember(deps.db, org.id, 'admin');
  return {
    app,
    clock,
    org,
    admin,
    owner: await ApiClient.signIn(app, owner.email),
    person: await ApiClient.signIn(app, admin.email),
  };
}

describe('cached callers and memberships', () => {
  it('a lowered role applies to the next request', async () => {
    const { org, admin, owner, person } = await orgWithAdmin();
    expect((await person.get(`/api/v1/orgs/${org.id}/outbox`)).statusCode).toBe(200);
    const lowered = await owner.patch(`/api/v1/orgs/${org.id}/members/${admin.id}`, { role: 'member' });
    expect(lowered.statusCode).toBe(200);
    expect((await person.get(`/api/v1/orgs/${org.id}/outbox`)).statusCode).toBe(403);
  });

  it('a removed member reaches nothing of the organisation on the next request', async () => {
    const { org, admin, owner, person } = await orgWithAdmin();
    const objectives = `/api/v1/orgs/${org.id}/objectives`;
    expect((await person.get(objectives)).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/orgs/${org.id}/members/${admin.id}`)).statusCode).toBe(204);
    expect((await person.get(objectives)).statusCode).toBe(404);
  });

  it('a signed-out session is refused at once, and a cached one still ends on time', async () => {
    const { app, clock, org, admin, person } = await orgWithAdmin();
    const objectives = `/api/v1/orgs/${org.id}/objectives`;
    expect((await person.get(objectives)).statusCode).toBe(200);
    const copy = new ApiClient(app, person.cookieHeader);
    expect((await person.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await copy.get(objectives)).statusCode).toBe(401);

    const again = await ApiClient.signIn(app, admin.email);
    expect((await again.get(objectives)).statusCode).toBe(200);
    const before = clock.now();
    clock.set(new Date(before.getTime() + 31 * 86_400_000));
    try {
      expect((await again.get(objectives)).statusCode).toBe(401);
    } finally {
      clock.set(before);
    }
  });
});

describe('the cached organisation', () => {
  it('is read once while cached, and a change shows on the next read', async () => {
    const { deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    await withCountedServer(deps, owner.email, async (client, counted) => {
      const read = async () => {
        const { statements, response } = await counted(`/api/v1/orgs/${org.id}`);
        return { statements, org: response.json<{ vision: string; version: number }>() };
      };
      const first = await read();
      expect((await read()).statements).toBe(0);
      const changed = await client.patch(
        `/api/v1/orgs/${org.id}`,
        { vision: 'En ny vision' },
        { headers: { 'if-match': `"${first.org.version}"` } },
      );
      expect(changed.statusCode).toBe(200);
      expect((await read()).org.vision).toBe('En ny vision');
    });
  });
});

describe('the cached cycles and unit scopes', () => {
  it('a cycle renamed, added or closed through the API shows on the next read', async () => {
    const { deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const quarter = await createCycle(deps.db, org.id, { name: 'Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
    await withCountedServer(deps, owner.email, async (client, counted) => {
      const list = async () => {
        const { statements, response } = await counted(`/api/v1/orgs/${org.id}/cycles`);
        const names = response.json<{ items: { name: string; status: string }[] }>().items;
        return { statements, names: names.map((c) => `${c.name}:${c.status}`) };
      };
      expect((await list()).names).toEqual(['Q1:active']);
      expect((await list()).statements).toBe(0);

      const renamed = await client.patch(
        `/api/v1/cycles/${quarter.id}`,
        { name: 'Kvartal 1' },
        { headers: { 'if-match': `"${quarter.version}"` } },
      );
      expect(renamed.statusCode).toBe(200);
      expect((await list()).names).toEqual(['Kvartal 1:active']);

      const added = await client.post(`/api/v1/orgs/${org.id}/cycles`, {
        name: 'Q2',
        startsOn: '2027-04-01',
        endsOn: '2027-06-30',
      });
      expect(added.statusCode).toBe(201);
      expect((await list()).names).toEqual(['Q2:planning', 'Kvartal 1:active']);

      const closed = await client.post(
        `/api/v1/cycles/${quarter.id}/close`,
        {},
        {
          headers: { 'if-match': renamed.headers.etag as string },
        },
      );
      expect(closed.statusCode).toBe(200);
      expect((await list()).names).toEqual(['Q2:planning', 'Kvartal 1:closed']);
    });
  });

  it('a person put in or taken out of a unit through the API counts in its figures on the next read', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const cycle = await createCycle(deps.db, org.id);
    const unit = await createUnit(deps.db, org.id);
    const person = await createMember(deps.db, org.id, 'member');
    // The person's own objective, still without key results: the unit's figures count it
    // once the person belongs to the unit (its scope's people).
    await createObjective(deps.db, org.id, cycle.id, { level: 'person', personId: person.id });
    const client = await ApiClient.signIn(app, owner.email);
    const withoutKeyResults = async () =>
      (await client.get(`/api/v1/orgs/${org.id}/alignment-health?cycleId=${cycle.id}&unitId=${unit.id}`)).json<{
        objectivesWithoutKeyResults: unknown[];
      }>().objectivesWithoutKeyResults.length;
    expect(await withoutKeyResults()).toBe(0);
    const added = await client.put(`/api/v1/units/${unit.id}/members/${person.id}`, { role: 'member' });
    expect(added.statusCode).toBe(200);
    expect(await withoutKeyResults()).toBe(1);
    expect((await client.delete(`/api/v1/units/${unit.id}/members/${person.id}`)).statusCode).toBe(204);
    expect(await withoutKeyResults()).toBe(0);
  });
});

describe('the cached session read', () => {
  it('is read once while cached, and the account’s, its memberships’ and its organisations’ changes show on the next read', async () => {
    const { deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    await withCountedServer(deps, owner.email, async (client, counted) => {
      const me = async () => {
        const { statements, response } = await counted('/api/v1/me');
        const body = response.json<{ name: string; version: number; memberships: { orgName: string }[] }>();
        return { statements, etag: response.headers.etag as string, ...body };
      };
      const first = await me();
      expect((await me()).statements).toBe(0);

      const renamed = await client.patch('/api/v1/me', { name: 'Nytt Namn' }, { headers: { 'if-match': first.etag } });
      expect(renamed.statusCode).toBe(200);
      const afterRename = await me();
      expect(afterRename.name).toBe('Nytt Namn');

      // Switching an e-mail off moves the account's version: the next profile edit needs the new one.
      const settings = await client.get('/api/v1/me/notifications');
      const switched = await client.patch(
        '/api/v1/me/notifications',
        { weeklyDigest: false },
        { headers: { 'if-match': settings.headers.etag as string } },
      );
      expect(switched.statusCode).toBe(200);
      expect((await me()).version).toBe(afterRename.version + 1);

      const orgRow = await client.get(`/api/v1/orgs/${org.id}`);
      const orgRenamed = await client.patch(
        `/api/v1/orgs/${org.id}`,
        { name: 'Nytt Bolag' },
        { headers: { 'if-match': orgRow.headers.etag as string } },
      );
      expect(orgRenamed.statusCode).toBe(200);
      expect((await me()).memberships.map((m) => m.orgName)).toEqual(['Nytt Bolag']);

      const started = await client.post('/api/v1/orgs', { name: 'Andra Bolaget', slug: `andra-${org.id.slice(0, 8)}` });
      expect(started.statusCode).toBe(201);
      expect((await me()).memberships.map((m) => m.orgName)).toEqual(['Andra Bolaget', 'Nytt Bolag']);
    });
  });
});
