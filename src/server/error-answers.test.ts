// Every error answer is a problem (RFC 9457) in the caller's language, also those refused
// before a route is found (a broken %-escape, a path parameter too long for the router) and
// those Node's HTTP parser refuses; before, these were Fastify's or Node's own JSON.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ApiClient, testServer } from '../test/server.ts';
import { createAccount } from '../test/factories.ts';
import { PROBLEM_TITLES } from './problem-messages.ts';
import type { Locale } from '../core/domain.ts';

interface Case {
  name: string;
  request: InjectOptions;
  status: number;
  code: string;
}

const json = { 'content-type': 'application/json' };
const login = '/api/v1/auth/login';

const CASES: Case[] = [
  { name: 'a broken %-escape in the path', request: { url: '/api/v1/units/%E0%A4%A' }, status: 400, code: 'bad_url' },
  {
    name: 'a lone surrogate’s bytes in the path',
    request: { url: '/api/v1/units/%ED%A0%80' },
    status: 400,
    code: 'bad_url',
  },
  {
    name: 'a broken %-escape in the query',
    request: { url: '/api/v1/auth/session?x=%E0%A4%A' },
    status: 400,
    code: 'bad_url',
  },
  {
    name: 'a lone surrogate’s bytes in the query',
    request: { url: '/api/v1/auth/session?x=%ED%B0%80' },
    status: 400,
    code: 'bad_url',
  },
  { name: 'a broken %-escape under /scim', request: { url: '/scim/v2/Users/%zz' }, status: 400, code: 'bad_url' },
  {
    name: 'a path parameter longer than any id',
    request: { url: `/api/v1/units/${'a'.repeat(500)}` },
    status: 414,
    code: 'param_too_long',
  },
  {
    name: 'a body over the limit',
    request: { method: 'POST', url: login, headers: json, payload: JSON.stringify({ email: 'x'.repeat(2_000_000) }) },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a body of another type',
    request: { method: 'POST', url: login, headers: { 'content-type': 'application/xml' }, payload: '<email/>' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a body that is not JSON',
    request: { method: 'POST', url: login, headers: json, payload: '{"email":' },
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'an empty JSON body',
    request: { method: 'POST', url: login, headers: json, payload: '' },
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'an unknown method',
    request: { method: 'PROPFIND' as 'GET', url: '/api/v1/me' },
    status: 404,
    code: 'route_not_found',
  },
  { name: 'OPTIONS', request: { method: 'OPTIONS', url: '/api/v1/me' }, status: 404, code: 'route_not_found' },
  { name: 'an unknown API address', request: { url: '/api/v1/nothing-here' }, status: 404, code: 'route_not_found' },
  {
    name: 'an unknown address outside the API',
    request: { url: '/nothing-here' },
    status: 404,
    code: 'route_not_found',
  },
];

const tokens = new Map<Locale, Promise<string>>();

/**
 * An API token of an account in this language (no CSRF token to send), so an unknown
 * address or method is that rather than a request to sign in first. One per language.
 */
function tokenIn(locale: Locale): Promise<string> {
  let token = tokens.get(locale);
  if (!token) {
    token = (async () => {
      const { app, deps } = await testServer();
      const account = await createAccount(deps.db, { locale });
      const client = await ApiClient.signIn(app, account.email);
      return (await client.post('/api/v1/me/tokens', { name: 'CLI' })).json<{ token: string }>().token;
    })();
    tokens.set(locale, token);
  }
  return token;
}

describe.each(['en', 'sv'] as Locale[])('error answers in %s', (locale) => {
  it.each(CASES)('$name: $status $code', async ({ request, status, code }) => {
    const { app } = await testServer();
    const token = await tokenIn(locale);
    const response = await app.inject({
      ...request,
      headers: {
        ...request.headers,
        authorization: `Bearer ${token}`,
        // What is refused before a route is found has no caller yet: the browser's language.
        'accept-language': locale === 'sv' ? 'sv-SE,sv;q=0.9' : 'en-GB',
      },
    });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json();
    expect(problem).toMatchObject({ status, code, type: `urn:riktning:problem:${code}` });
    expect(problem.title).toBe(PROBLEM_TITLES[code]?.[locale]);
  });

  it('HEAD of an unknown address: a problem’s headers', async () => {
    const { app } = await testServer();
    const response = await app.inject({ method: 'HEAD', url: '/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });
});

/** What the server answers to bytes sent on a socket, for requests no client library would send. */
async function rawAnswer(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('requests the HTTP parser refuses', () => {
  it.each([
    {
      name: 'a header that is not one',
      bytes: 'GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAccept-Language: sv\r\nno colon here\r\n\r\n',
      status: 400,
      code: 'malformed_request',
      locale: 'sv' as Locale,
    },
    {
      name: 'headers over the limit',
      bytes: `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      status: 431,
      code: 'headers_too_large',
      locale: 'en' as Locale,
    },
  ])('$name: $status $code, as a problem', async ({ bytes, status, code, locale }) => {
    const { app } = await testServer();
    if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
    const answer = await rawAnswer((app.server.address() as AddressInfo).port, bytes);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head.toLowerCase()).toContain('content-type: application/problem+json; charset=utf-8');
    expect(JSON.parse(body)).toEqual({
      type: `urn:riktning:problem:${code}`,
      title: PROBLEM_TITLES[code]?.[locale],
      status,
      code,
    });
  });
});
