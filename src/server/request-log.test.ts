// The terminal stays quiet: by default no line per request (a newcomer's 45 minutes of
// clicking printed 7,900), at LOG_LEVEL=debug one short line each, naming the route's
// pattern rather than the address (which may carry an invitation's token).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildServer, LOG_REDACT } from './app.ts';
import { testDatabase } from '../test/test-db.ts';

async function logLinesOf(level: string, urls: string[]): Promise<Record<string, unknown>[]> {
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
});
