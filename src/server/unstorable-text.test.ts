// Text PostgreSQL cannot keep (U+0000, a lone surrogate) is refused where it comes in, in
// bodies, query strings and path parameters of every kind of route, with a 400 naming the
// field: before, U+0000 was a 500 (the database refuses it, even at sign-in) and a lone
// surrogate was stored as U+FFFD. What still reaches the database is a 400, and its log
// line holds neither the query nor its parameters.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createOrg, createServiceAccount, TEST_PASSWORD } from '../test/factories.ts';
import { ApiClient, testServer } from '../test/server.ts';
import { testDatabase } from '../test/test-db.ts';
import { units } from '../db/schema.ts';
import { problemPlugin } from './plugins/problem.ts';
import { LOG_REDACT } from './app.ts';
import { redactingLogger } from './log-redaction.ts';
import { PROBLEM_TITLES } from './problem-messages.ts';

const BAD = { nul: 'a\u0000b', 'lone high surrogate': 'a\ud800b', 'lone low surrogate': '\udc00' };
// A lone surrogate has no %-escaped form (its would-be UTF-8 bytes are malformed: a bad
// address, error-answers.test.ts); U+0000 has one, %00.
const inAddresses = (bad: string) => bad.includes('\u0000');

/** JSON as a client sends it: lone surrogates as \u escapes (JSON.stringify writes them so). */
const json = (value: unknown) => JSON.stringify(value);

describe.each(Object.entries(BAD))('text with a %s', (_name, bad) => {
  it('is refused at sign-in, before anyone is known, naming the e-mail', async () => {
    const { app } = await testServer();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      payload: json({ email: `x${bad}@example.test`, password: TEST_PASSWORD }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('unstorable_text');
    expect(problem.title).toBe(PROBLEM_TITLES.unstorable_text?.sv);
    expect(problem.errors).toEqual([
      { field: '/body/email', code: 'unstorable_character', message: expect.stringContaining('U+0000') },
    ]);
  });

  it('is refused in a body, a query and a path parameter, and nothing is written', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    const headers = { 'content-type': 'application/json' };
    const unitsBefore = await deps.db.select({ n: count() }).from(units).where(eq(units.orgId, org.id));
    const cases: { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown; field: string }[] = [
      {
        method: 'POST',
        url: `/api/v1/orgs/${org.id}/units`,
        body: { name: `Team ${bad}`, kind: 'team' },
        field: '/body/name',
      },
      { method: 'PATCH', url: '/api/v1/me', body: { name: bad }, field: '/body/name' },
      {
        method: 'POST',
        url: `/api/v1/orgs/${org.id}/sheet-imports?dryRun=true`,
        body: { headers: ['Mål', 'Period'], rows: [['Växa', `2026${bad}`]], mapping: { objectiveTitle: 0, cycle: 1 } },
        field: '/body/rows/0/1',
      },
      ...(inAddresses(bad)
        ? [
            {
              method: 'GET' as const,
              url: `/api/v1/orgs/${org.id}/search?q=${encodeURIComponent(`ab${bad}`)}`,
              field: '/query/q',
            },
            { method: 'GET' as const, url: `/api/v1/units/${encodeURIComponent(bad)}`, field: '/params/id' },
          ]
        : []),
    ];
    for (const c of cases) {
      const response = await client.request(
        c.method,
        c.url,
        c.body === undefined ? {} : { body: json(c.body), headers },
      );
      expect(response.statusCode, c.url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([c.field]);
    }
    expect(await deps.db.select({ n: count() }).from(units).where(eq(units.orgId, org.id))).toEqual(unitsBefore);
  });

  it('is refused by the SCIM routes in SCIM’s own error format, naming the attribute', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const { token } = await createServiceAccount(deps.db, org.id, { scopes: ['scim'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
    const created = await app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers,
      payload: json({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `ny${bad}@example.test`,
        name: { givenName: 'Ny', familyName: 'Person' },
      }),
    });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({
      status: '400',
      scimType: 'invalidValue',
      detail: expect.stringMatching(/^\/body\/userName /),
    });
    if (!inAddresses(bad)) return;
    const filtered = await app.inject({
      method: 'GET',
      url: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "x${bad}"`)}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().detail).toMatch(/^\/query\/filter /);
  });
});

describe('what reaches the database anyway', () => {
  async function serverLoggingTo(lines: Record<string, unknown>[]) {
    const { db } = await testDatabase();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = Fastify({ logger: redactingLogger({ level: 'info', redact: LOG_REDACT, stream }) });
    await app.register(problemPlugin);
    // Text that came some way other than a request's fields, e.g. read from a file.
    app.get('/stores-nul', async () => db.execute(sql`select ${'secret\u0000text'}::text`));
    app.get('/stores-nul-json', async () => db.execute(sql`select ${json({ note: 'secret\u0000' })}::jsonb`));
    app.get('/fails', async () => db.execute(sql`select * from no_such_table where note = ${'secret-parameter'}`));
    return app;
  }

  it('is a 400 problem, for text and for JSON alike', async () => {
    const app = await serverLoggingTo([]);
    for (const url of ['/stores-nul', '/stores-nul-json']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe('unstorable_text');
    }
    await app.close();
  });

  it('is logged, when it fails on our side, without the query and its parameters', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await serverLoggingTo(lines);
    expect((await app.inject({ method: 'GET', url: '/fails' })).statusCode).toBe(500);
    await app.close();
    const failed = lines.find((line) => line.msg === 'request failed');
    expect(failed?.err).toMatchObject({
      type: 'DatabaseError',
      code: '42P01',
      message: expect.stringContaining('no_such_table'),
    });
    expect(JSON.stringify(lines)).not.toContain('secret-parameter');
    expect(JSON.stringify(lines)).not.toContain('Failed query');
  });
});
