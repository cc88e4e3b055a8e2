// The server caches who is calling, what their membership grants and the organisation's
// row (app/caches.ts); a change made through the API must apply to the very next request
// all the same.
import { describe, expect, it } from 'vitest';
import { createAppCaches } from '../app/caches.ts';
import { createMember, createOrg } from '../test/factories.ts';
import { ApiClient, testServer } from '../test/server.ts';
import { countStatements } from '../test/statements.ts';
import { buildServer } from './app.ts';

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
    const counting = countStatements(deps.db);
    // A server of its own over the counting database, with caches of its own.
    const counted = await buildServer({ deps: { ...deps, db: counting.db, caches: createAppCaches() } });
    try {
      const client = await ApiClient.signIn(counted, owner.email);
      const read = async () => {
        const before = counting.statements();
        const response = await client.get(`/api/v1/orgs/${org.id}`);
        expect(response.statusCode).toBe(200);
        return {
          statements: counting.statements() - before,
          org: response.json<{ vision: string; version: number }>(),
        };
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
    } finally {
      await counted.close();
    }
  });
});
