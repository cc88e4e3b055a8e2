// The terminal stays quiet: by default no line per request (a newcomer's 45 minutes of
// clicking printed 7,900), at LOG_LEVEL=debug one short line each, naming the route's
// pattern rather than the address (which may carry an invitation's token).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildServer, LOG_REDACT, type Server } from './app.ts';
import { testDatabase } from '../test/test-db.ts';

type Requests = (app: Server) => Promise<unknown>;

async function logLinesOf(level: string, urls: string[], more?: Requests): Promise<Record<string, unknown>[]> {
  const { db } = await testDatabase();
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = await buildServer({ deps: { db, now: () => new Date() }, logger: { level, redact: LOG_REDACT, stream } });
  try {
    await more?.(app);
    for (const url of urls) await app.inject({ method: 'GET', url });
  } finally {
    await app.close();
  }
  return lines;
}

const urls = ['/healthz', '/api/v1/auth/session', '/api/v1/invitations/secret-token-123'];

describe('request log', () => {
  it('writes no line per request at the default level', async () => {
    const lines = await logLinesOf('info', urls);
    expect(lines.filter((line) => line.msg !== 'Server listening')).toEqual([]);
  });

  it('writes one line per request at debug, with the route’s pattern and never the token', async () => {
    const lines = (await logLinesOf('debug', urls)).filter((line) => line.msg === 'request');
    expect(lines.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'GET', route: '/healthz', status: 200 },
      { method: 'GET', route: '/api/v1/auth/session', status: 200 },
      { method: 'GET', route: '/api/v1/invitations/:token', status: 404 },
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret-token-123');
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
    const lines = await logLinesOf('debug', [ssoCallback], failing);
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
