import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { createAccount, createOrg, TEST_PASSWORD } from '../../test/factories.ts';

describe('sign-in, sessions and CSRF', () => {
  it('signs in, reads /me with the session cookie, and signs out server-side', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'riktning_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const csrfToken = login.json().csrfToken as string;
    const cookie = `riktning_session=${session?.value}`;

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: owner.id,
      email: owner.email,
      memberships: [{ orgId: org.id, orgName: org.name, role: 'owner' }],
    });

    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('issues a new session id on every sign-in and ends the one the browser had', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: TEST_PASSWORD },
    });
    const firstCookie = first.cookies.find((c) => c.name === 'riktning_session')?.value;
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: TEST_PASSWORD },
      headers: { cookie: `riktning_session=${firstCookie}` },
    });
    const secondCookie = second.cookies.find((c) => c.name === 'riktning_session')?.value;
    expect(secondCookie).toBeTruthy();
    expect(secondCookie).not.toBe(firstCookie);
    const old = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `riktning_session=${firstCookie}` },
    });
    expect(old.statusCode).toBe(401);
  });

  it('refuses wrong passwords and unknown e-mails alike, in the caller’s language', async () => {
    const { app, deps } = await testServer();
    const account = await createAccount(deps.db);
    for (const payload of [
      { email: account.email, password: 'wrong-password-1' },
      { email: 'nobody@example.test', password: TEST_PASSWORD },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload,
        headers: { 'accept-language': 'sv-SE' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'invalid_credentials', title: 'Fel e-postadress eller lösenord' });
    }
  });

  it('rejects cookie-authenticated writes without the CSRF token', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    const me = await client.get('/api/v1/me');
    const cookie = client.cookieHeader;
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie, 'if-match': '"1"' },
      payload: { name: 'Evil' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
    const ok = await client.patch(
      '/api/v1/me',
      { name: 'Good' },
      { headers: { 'if-match': me.headers.etag as string } },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('Good');
  });

  it('accepts a personal API token as Bearer until it is revoked, and never stores it in clear', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    const created = await client.post('/api/v1/me/tokens', { name: 'CLI' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^rkt_[A-Za-z0-9_-]{43}$/);
    const rows = await deps.db.query.apiTokens.findMany();
    expect(JSON.stringify(rows)).not.toContain(token);

    const viaToken = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    // A bearer caller has no cookie, so no CSRF token is needed for writes.
    const write = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}`, 'if-match': viaToken.headers.etag as string },
      payload: { locale: 'sv' },
    });
    expect(write.statusCode).toBe(200);

    expect((await client.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('requires If-Match for updates and refuses a stale one with 412', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    expect((await client.patch('/api/v1/me', { name: 'A' })).statusCode).toBe(428);
    expect((await client.patch('/api/v1/me', { name: 'A' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    const stale = await client.patch('/api/v1/me', { name: 'B' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
  });
});
