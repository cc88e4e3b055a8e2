// Over HTTPS the session and CSRF cookies are named __Host-…: Secure, for the whole site,
// with no Domain, so no sibling subdomain or plain-HTTP page can plant one. Behind a
// trusted proxy, X-Forwarded-Proto says which scheme the browser used. Over plain HTTP
// (localhost, the default) the names stay as they were.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCaches } from '../app/caches.ts';
import { createOrg, TEST_PASSWORD } from '../test/factories.ts';
import { testServer } from '../test/server.ts';
import { buildServer, type Server } from './app.ts';

const HTTPS = { 'x-forwarded-proto': 'https' };

let proxied: Server;

beforeAll(async () => {
  const { deps } = await testServer();
  proxied = await buildServer({ deps: { ...deps, caches: createAppCaches() }, trustProxy: ['loopback'] });
});

afterAll(async () => {
  await proxied.close();
});

async function signIn(app: Server, headers: Record<string, string>) {
  const { deps } = await testServer();
  const { owner } = await createOrg(deps.db);
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers,
    payload: { email: owner.email, password: TEST_PASSWORD },
  });
}

const cookieOf = (response: LightMyRequestResponse, name: string) => response.cookies.find((c) => c.name === name);
const names = (response: LightMyRequestResponse) => response.cookies.map((c) => c.name).sort();

describe('the session cookies over HTTPS', () => {
  it('are named __Host-, Secure, for / and without a Domain, and sign the browser in', async () => {
    const login = await signIn(proxied, HTTPS);
    expect(login.statusCode).toBe(200);
    expect(names(login)).toEqual(['__Host-riktning_csrf', '__Host-riktning_session']);
    const session = cookieOf(login, '__Host-riktning_session');
    const csrf = cookieOf(login, '__Host-riktning_csrf');
    expect(session).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(csrf).toMatchObject({ secure: true, path: '/', value: login.json<{ csrfToken: string }>().csrfToken });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(session?.domain).toBeUndefined();

    const cookie = `__Host-riktning_session=${session?.value}`;
    const me = await proxied.inject({ method: 'GET', url: '/api/v1/me', headers: { ...HTTPS, cookie } });
    expect(me.statusCode).toBe(200);
    const writeHeaders = { ...HTTPS, cookie, 'x-csrf-token': csrf?.value ?? '' };
    const logout = await proxied.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: writeHeaders });
    expect(logout.statusCode).toBe(204);
    const after = await proxied.inject({ method: 'GET', url: '/api/v1/me', headers: { ...HTTPS, cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('are only taken under the name of the scheme in use', async () => {
    const login = await signIn(proxied, HTTPS);
    const value = cookieOf(login, '__Host-riktning_session')?.value;
    const me = (headers: Record<string, string>) => proxied.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect((await me({ ...HTTPS, cookie: `riktning_session=${value}` })).statusCode).toBe(401);
    expect((await me({ cookie: `__Host-riktning_session=${value}` })).statusCode).toBe(401);
    expect((await me({ cookie: `riktning_session=${value}` })).statusCode).toBe(200);
  });

  it('keep their plain names over HTTP, and when no proxy is trusted to say the scheme', async () => {
    const overHttp = await signIn(proxied, {});
    expect(names(overHttp)).toEqual(['riktning_csrf', 'riktning_session']);
    expect(cookieOf(overHttp, 'riktning_session')?.secure).toBeFalsy();
    const { app } = await testServer();
    expect(names(await signIn(app, HTTPS))).toEqual(['riktning_csrf', 'riktning_session']);
  });

  it('are cleared under both names at sign-out, the __Host- ones as Secure', async () => {
    const login = await signIn(proxied, {});
    const session = cookieOf(login, 'riktning_session')?.value;
    const logout = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `riktning_session=${session}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(names(logout)).toEqual([
      '__Host-riktning_csrf',
      '__Host-riktning_session',
      'riktning_csrf',
      'riktning_session',
    ]);
    for (const cleared of logout.cookies) {
      expect(cleared).toMatchObject({ value: '', path: '/' });
      expect(cleared.expires?.getTime()).toBeLessThan(Date.now());
      if (cleared.name.startsWith('__Host-')) expect(cleared.secure).toBe(true);
    }
  });
});
