// Every answer carries the security headers: the API's, the web app's files and page, the
// API's docs, problems and 404s, a batch's (its parts inside it go without). The page's
// styles are let in by a nonce that is new on every answer and the same in the header and
// the page; HTTPS is pinned only when the request came over it (behind a trusted proxy that
// says so); the API's personal data is never stored.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.ts';
import { testDatabase } from '../../test/test-db.ts';
import { createOrg } from '../../test/factories.ts';
import { ApiClient } from '../../test/server.ts';
import { BATCH_PART_HEADERS } from '../batch-part.ts';
import { NONCE_PLACEHOLDER } from '../page-nonce.ts';

const PAGE = `<!doctype html><meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}"><title>Riktning</title>`;

/** The policy's directives by name. */
function policy(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(response: LightMyRequestResponse) {
  const directives = policy(response);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(directives.get('style-src')?.[0]).toBe("'self'");
  expect(String(response.headers['content-security-policy'])).not.toContain('unsafe-');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(response.headers['permissions-policy']).toContain('camera=()');
  expect(response.headers['permissions-policy']).toContain('microphone=()');
  expect(response.headers['permissions-policy']).toContain('geolocation=()');
  expect(response.headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'riktning-headers-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), PAGE);
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  const { db } = await testDatabase();
  const app = await buildServer({ deps: { db, now: () => new Date() }, webRoot: root, trustProxy: ['loopback'] });
  afterAll(() => app.close());

  it('are on the API’s answers, which no cache may store, while their ETag stays', async () => {
    const { org, owner } = await createOrg(db);
    const client = await ApiClient.signIn(app, owner.email);
    const answer = await client.request('GET', `/api/v1/orgs/${org.id}`);
    expect(answer.statusCode).toBe(200);
    expectSecurityHeaders(answer);
    expect(policy(answer).get('style-src')).toEqual(["'self'"]);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers.etag).toMatch(/^"\d+"$/);
  });

  it('are on a batch’s answer, and on a request that only claims to be one of its parts', async () => {
    const { org, owner } = await createOrg(db);
    const client = await ApiClient.signIn(app, owner.email);
    const batch = await client.post('/api/v1/batch', { requests: [{ path: `/orgs/${org.id}` }] });
    expect(batch.statusCode).toBe(200);
    expectSecurityHeaders(batch);
    expect(batch.headers['cache-control']).toBe('no-store');
    // Parts go without (their headers are dropped), known by this process's secret alone.
    const [header = ''] = Object.keys(BATCH_PART_HEADERS);
    const posing = await client.request('GET', `/api/v1/orgs/${org.id}`, { headers: { [header]: 'guessed' } });
    expect(posing.statusCode).toBe(200);
    expectSecurityHeaders(posing);
    const part = await client.request('GET', `/api/v1/orgs/${org.id}`, { headers: BATCH_PART_HEADERS });
    expect(part.statusCode).toBe(200);
    expect(part.headers['content-security-policy']).toBeUndefined();
  });

  it('are on problems, 404s and answers refused before the route', async () => {
    const missing = await app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing);
    expect(missing.headers['cache-control']).toBe('no-store');
    const unauthorised = await app.inject({ url: '/api/v1/me' });
    expect(unauthorised.statusCode).toBe(401);
    expect(unauthorised.headers['content-type']).toContain('application/problem+json');
    expectSecurityHeaders(unauthorised);
    expect(unauthorised.headers['cache-control']).toBe('no-store');
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 3 } });
    expect(invalid.statusCode).toBe(400);
    expectSecurityHeaders(invalid);
    const noFile = await app.inject({ url: '/assets/missing-1234.js' });
    expectSecurityHeaders(noFile);
  });

  it('are on problems Fastify answers before any hook: a broken %-escape, an over-long parameter', async () => {
    const longId = 'x'.repeat(300);
    for (const url of ['/api/v1/orgs/%E0%A4%A', `/api/v1/objectives/${longId}`]) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(answer.headers['content-type'], url).toContain('application/problem+json');
      expect(policy(answer).get('default-src')?.length, url).toBe(1);
      expect(String(answer.headers['content-security-policy']), url).not.toContain('unsafe-');
      expect(policy(answer).get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
      expect(answer.headers['x-frame-options'], url).toBe('DENY');
      expect(answer.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('let the docs’ logo have its one style, by its hash', async () => {
    const docs = await app.inject({ url: '/api/docs' });
    expectSecurityHeaders(docs);
    expect(policy(docs).get('style-src')).toEqual(["'self'", "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"]);
  });

  it('are on the web app’s files, the docs and the health check; public documents may be cached', async () => {
    for (const url of ['/assets/app-1234.js', '/api/docs', '/healthz', '/api/v1/openapi.json']) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(200);
      expectSecurityHeaders(answer);
      expect(answer.headers['cache-control'], url).not.toBe('no-store');
    }
  });

  it('let the page’s styles in by a nonce new on every answer, the same in the header and the page', async () => {
    const nonces = [];
    for (const url of ['/', '/orgs/x/objectives/y', '/index.html']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(page.statusCode, url).toBe(200);
      expectSecurityHeaders(page);
      expect(page.headers['content-encoding']).toBeUndefined();
      expect(page.headers['cache-control']).toBe('no-cache');
      const [self, source, ...rest] = policy(page).get('style-src') ?? [];
      expect([self, rest]).toEqual(["'self'", []]);
      const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(source ?? '')?.[1];
      expect(nonce, `style-src of ${url}`).toBeDefined();
      expect(page.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(page.body).not.toContain(NONCE_PLACEHOLDER);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('are the same on every answer as on the page, where helmet works them out per answer, but for its nonce', async () => {
    // Every answer but the page carries helmet's headers as worked out once at start.
    const page = await app.inject({ url: '/' });
    const notSecurity = ['date', 'connection', 'content-type', 'content-length', 'cache-control', 'x-request-id'];
    const names = Object.keys(page.headers).filter((name) => !notSecurity.includes(name));
    expect(names.length).toBeGreaterThan(10);
    const withoutNonce = (response: LightMyRequestResponse) =>
      Object.fromEntries(
        names.map((name) => [name, String(response.headers[name]).replace(/ 'nonce-[A-Za-z0-9+/=]*'/, '')]),
      );
    for (const url of ['/healthz', '/api/v1/nothing-here', '/assets/app-1234.js']) {
      const answer = await app.inject({ url });
      expect(withoutNonce(answer), url).toEqual(withoutNonce(page));
    }
  });

  it('pin HTTPS only on an answer to a request that came over it', async () => {
    const secure = await app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const page = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('do not pin HTTPS on a proxy’s word when the proxy is not trusted', async () => {
    const untrusting = await buildServer({ deps: { db, now: () => new Date() } });
    try {
      const answer = await untrusting.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['strict-transport-security']).toBeUndefined();
      expect(answer.headers['x-frame-options']).toBe('DENY');
    } finally {
      await untrusting.close();
    }
  });
});
