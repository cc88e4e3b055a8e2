// The terminal stays quiet: by default no line per request (a newcomer's 45 minutes of
// clicking printed 7,900), at LOG_LEVEL=debug (or with RIKTNING_ACCESS_LOG=1 at info) one
// short line each, naming the route's pattern rather than the address (which may carry an
// invitation's token). Every line of a request carries its id, which the answer repeats in
// X-Request-Id.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildServer, LOG_REDACT, type Server } from './app.ts';
import { openPostgres, type Db } from '../db/connect.ts';
import { testDatabase } from '../test/test-db.ts';

/** Requests of a test's own, made before the addresses. */
type Requests = (app: Server) => Promise<unknown>;

interface LogOptions {
  level: string;
  more?: Requests;
  accessLog?: boolean;
  db?: Db;
  headers?: Record<string, string>;
}

interface Logged {
  lines: Record<string, unknown>[];
  /** The X-Request-Id of each answer, in the order of the addresses. */
  ids: (string | undefined)[];
}

async function logOf(urls: string[], options: LogOptions): Promise<Logged> {
  const db = options.db ?? (await testDatabase()).db;
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = await buildServer({
    deps: { db, now: () => new Date() },
    logger: { level: options.level, redact: LOG_REDACT, stream },
    accessLog: options.accessLog ?? false,
  });
  const ids: (string | undefined)[] = [];
  try {
    await options.more?.(app);
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url, headers: options.headers ?? {} });
      ids.push(response.headers['x-request-id'] as string | undefined);
    }
  } finally {
    await app.close();
  }
  return { lines, ids };
}

const urls = ['/healthz', '/api/v1/auth/session', '/api/v1/invitations/secret-token-123'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request log', () => {
  it('writes no line per request at the default level', async () => {
    const { lines } = await logOf(urls, { level: 'info' });
    expect(lines.filter((line) => line.msg !== 'Server listening')).toEqual([]);
  });

  it('writes one line per request at debug, with the route’s pattern and never the token', async () => {
    const lines = (await logOf(urls, { level: 'debug' })).lines.filter((line) => line.msg === 'request');
    expect(lines.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'GET', route: '/healthz', status: 200 },
      { method: 'GET', route: '/api/v1/auth/session', status: 200 },
      { method: 'GET', route: '/api/v1/invitations/:token', status: 404 },
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret-token-123');
  });

  it('writes the line at info when the access log is on, with the id the answer names', async () => {
    const { lines, ids } = await logOf(urls, { level: 'info', accessLog: true });
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => line.route)).toEqual([
      '/healthz',
      '/api/v1/auth/session',
      '/api/v1/invitations/:token',
    ]);
    expect(requests.every((line) => line.level === 30)).toBe(true);
    expect(ids.every((id) => id !== undefined && UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(urls.length);
    expect(requests.map((line) => line.reqId)).toEqual(ids);
  });

  it('keeps a proxy’s sane X-Request-Id, and replaces one that is not', async () => {
    const kept = await logOf(['/healthz'], {
      level: 'info',
      accessLog: true,
      headers: { 'x-request-id': 'edge-7f3a.42:1' },
    });
    expect(kept.ids).toEqual(['edge-7f3a.42:1']);
    expect(kept.lines.find((line) => line.msg === 'request')?.reqId).toBe('edge-7f3a.42:1');

    for (const insane of ['x'.repeat(65), 'two words', '"},"level":60', 'id\u00e5']) {
      const replaced = await logOf(['/healthz'], { level: 'info', headers: { 'x-request-id': insane } });
      expect(replaced.ids[0]).toMatch(UUID);
    }
  });

  it('names the request’s id in the lines about its problems', async () => {
    // A database server where none listens: /readyz logs why it is not ready.
    const down = await openPostgres('postgres://postgres@127.0.0.1:1/nothing', 1);
    const { lines, ids } = await logOf(['/readyz'], {
      level: 'info',
      db: down.db,
      headers: { 'x-request-id': 'probe-1' },
    });
    expect(ids).toEqual(['probe-1']);
    const problems = lines.filter((line) => Number(line.level) >= 40);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems.every((line) => line.reqId === 'probe-1')).toBe(true);
    await down.close();
  });

  it('scrubs tokens from every line that quotes a request, even when things go wrong', async () => {
    const secrets = ['invite-secret-1', 'invite-secret-2', 'invite-secret-3', 'code-secret', 'state-secret'];
    const open = { config: { public: true } };
    const failing: Requests = async (app) => {
      // Failures that quote the address: a handler that breaks with it in its message,
      // one that answers twice (Fastify warns, naming the address), and a line with the
      // whole request, as Fastify's own error logging writes it.
      app.get('/api/v1/invitations/:token/broken', open, async (request) => {
        throw new Error(`could not load ${request.url}`);
      });
      app.get('/api/v1/invitations/:token/twice', open, async (_request, reply) => {
        await reply.send({});
        return reply.send({});
      });
      app.get('/api/v1/invitations/:token/logged', open, async (request) => {
        request.log.error({ req: request }, `failed at ${request.url}`);
        return {};
      });
      await app.inject({ method: 'GET', url: '/api/v1/invitations/invite-secret-1/broken' });
      await app.inject({ method: 'GET', url: '/api/v1/invitations/invite-secret-2/twice' });
      await app.inject({ method: 'GET', url: '/api/v1/invitations/invite-secret-3/logged?token=invite-secret-3' });
      await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/invite-secret-1/accept',
        payload: { password: 'x' },
      });
      await app.inject({ method: 'GET', url: '/invite/invite-secret-2' });
      await app.inject({
        method: 'GET',
        url: '/api/v1/invitations/invite-secret-3/logged?next=%2Finvite%2Finvite-secret-1',
      });
    };
    const ssoCallback = `/api/v1/auth/sso/orgs/00000000-0000-4000-8000-000000000000/callback?code=code-secret&state=state-secret`;
    const { lines } = await logOf([ssoCallback], { level: 'debug', more: failing });
    const text = JSON.stringify(lines);
    for (const secret of secrets) expect(text).not.toContain(secret);
    // The lines are there, with the address scrubbed rather than dropped.
    const failed = lines.find((line) => line.msg === 'request failed') as { err: { message: string } } | undefined;
    expect(failed?.err.message).toBe('could not load /api/v1/invitations/[redacted]/broken');
    const logged = lines.find((line) => String(line.msg).startsWith('failed at')) as
      { msg: string; req: { url: string; route: string } } | undefined;
    expect(logged?.msg).toBe('failed at /api/v1/invitations/[redacted]/logged?token=[redacted]');
    expect(logged?.req).toMatchObject({
      url: '/api/v1/invitations/[redacted]/logged?token=[redacted]',
      route: '/api/v1/invitations/:token/logged',
    });
    expect(text).toContain('/api/v1/invitations/[redacted]/twice');
    expect(lines.filter((line) => line.msg === 'request').length).toBeGreaterThanOrEqual(6);
  });
});
