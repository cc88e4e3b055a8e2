// Changing one's password: every other session ends, tokens only when asked, a password a
// guesser would try first is refused, and the current password cannot be guessed at here.
import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { createOrg, TEST_PASSWORD } from '../../test/factories.ts';
import { buildServer, type Server } from '../app.ts';
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema.ts';
import { forgetCallers } from '../../app/caches.ts';

const STRONG = 'ljus över fjärden i maj';

/** The cookie and CSRF headers of a fresh session of the account. */
async function sessionHeaders(app: Server, email: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  const session = response.cookies.find((cookie) => cookie.name === 'riktning_session');
  return {
    cookie: `riktning_session=${session?.value}`,
    'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken,
  };
}

describe('changing my password', () => {
  it('ends my other sessions but keeps this one, and leaves my API tokens unless asked', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const here = await ApiClient.signIn(app, owner.email);
    const elsewhere = await ApiClient.signIn(app, owner.email);
    const { token } = (await here.post('/api/v1/me/tokens', { name: 'CLI' })).json<{ token: string }>();
    const viaToken = () =>
      app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

    const changed = await here.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: STRONG });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1, revokedTokens: 0 });
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await viaToken()).statusCode).toBe(200);
    await expect(ApiClient.signIn(app, owner.email)).rejects.toThrow(/401/);
    await ApiClient.signIn(app, owner.email, STRONG);
  });

  it('revokes my personal API tokens too when asked', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    const tokens = await Promise.all(
      ['CLI', 'Skript'].map(async (name) =>
        (await client.post('/api/v1/me/tokens', { name })).json<{ token: string }>(),
      ),
    );
    const changed = await client.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: STRONG,
      revokeTokens: true,
    });
    expect(changed.json()).toEqual({ endedSessions: 0, revokedTokens: 2 });
    for (const { token } of tokens) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(401);
    }
    expect((await client.get('/api/v1/me/tokens')).json()).toEqual({ items: [] });
  });

  it('refuses a new password a guesser tries first, naming the field, in both languages', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    const cases: [string, string][] = [
      ['        ', 'password_too_guessable'],
      ['aaaaaaaa', 'password_too_guessable'],
      [owner.email, 'password_too_personal'],
      [`${owner.name} 2026`, 'password_too_personal'],
      [org.name, 'password_too_personal'],
      ['riktning-demo', 'password_too_common'],
    ];
    for (const [newPassword, code] of cases) {
      const refused = await client.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(refused.statusCode, newPassword).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors, newPassword).toEqual([
        expect.objectContaining({ field: '/body/newPassword', code }),
      ]);
    }
    // In the account's language.
    const inEnglish = await client.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: org.name,
    });
    expect(inEnglish.json().errors[0].message).toMatch(/^is built on your name, e-mail address or organisation/);
    await deps.db.update(accounts).set({ locale: 'sv' }).where(eq(accounts.id, owner.id));
    forgetCallers(deps);
    const inSwedish = await client.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'aaaaaaaa',
    });
    expect(inSwedish.json().errors[0].message).toMatch(/^är för lätt att gissa/);
    // Nothing changed: the old password still signs in.
    await ApiClient.signIn(app, owner.email);
  });

  it('limits attempts per account and per address', async () => {
    const { deps } = await testServer();
    // One attempt per account and address a minute: ten per address for all accounts.
    const limited = await buildServer({ deps, loginRateLimit: 1 });
    try {
      // Signed in on the other server: eleven sign-ins would spend this one's limit of signing in.
      const { app } = await testServer();
      const people = await Promise.all(Array.from({ length: 11 }, () => createOrg(deps.db)));
      const sessions = await Promise.all(people.map(({ owner }) => sessionHeaders(app, owner.email)));
      const guess = (headers: Record<string, string>, i: number) =>
        limited.inject({
          method: 'POST',
          url: '/api/v1/me/password',
          headers,
          payload: { currentPassword: `guess-${i}`, newPassword: STRONG },
        });
      const [first, ...others] = sessions as [Record<string, string>, ...Record<string, string>[]];
      expect((await guess(first, 0)).statusCode).toBe(403);
      const again = await guess(first, 1);
      expect(again.statusCode).toBe(429);
      expect(again.json().code).toBe('rate_limited');
      // Other accounts from the same address have attempts of their own, up to the address's limit.
      const statuses: number[] = [];
      for (const [i, headers] of others.entries()) statuses.push((await guess(headers, i)).statusCode);
      expect(statuses).toEqual([...Array<number>(8).fill(403), 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
