// /metrics: Prometheus's text format, only for a scraper with the token, with the request
// timings by route pattern (never an address, which may carry a token), failed sign-ins and
// the job runner's queues and outcomes, each server counting in a registry of its own.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type Server } from './app.ts';
import { createServerMetrics, type ServerMetrics } from './server-metrics.ts';
import { startJobRunner } from '../app/notifications/job-runner.ts';
import type { Mailer } from '../app/notifications/deliver-outbox.ts';
import { outboxMessages } from '../db/schema.ts';
import { testDatabase, testEngine } from '../test/test-db.ts';
import { TestClock } from '../test/clock.ts';
import { createOrg } from '../test/factories.ts';
import { ApiClient } from '../test/server.ts';
import { createAppCaches } from '../app/caches.ts';
import { WriteMark } from '../app/write-mark.ts';

const TOKEN = 'scrape-token-for-tests';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * The exposition format's sample lines (`name{label="value",…} number`); a line that is not
 * one fails the test. Prometheus reads NaN and Inf in any case (prom-client writes `Nan`).
 */
function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1] as string, labels, value: Number(match[3]) };
    });
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0);

let app: Server;
let metrics: ServerMetrics;
const clock = new TestClock();

beforeAll(async () => {
  const handle = await testDatabase();
  const deps = { db: handle.db, now: clock.now, caches: createAppCaches(), writeMark: new WriteMark(handle.db) };
  metrics = createServerMetrics(deps, handle.poolUse);
  app = await buildServer({ deps, metrics: { token: TOKEN, collector: metrics } });
});

afterAll(async () => {
  await app.close();
});

async function scrape(): Promise<Sample[]> {
  const response = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
  return parseSamples(response.body);
}

describe('/metrics', () => {
  it('answers only with the token, and not at all when no token is configured', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'metrics_token' });

    // With the web app, whose page answers every other unknown path.
    const { db } = await testDatabase();
    const webRoot = await mkdtemp(path.join(tmpdir(), 'riktning-web-'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Riktning</title>');
    const without = await buildServer({ deps: { db, now: clock.now }, webRoot });
    try {
      expect((await without.inject({ method: 'GET', url: '/some/page' })).statusCode).toBe(200);
      const off = await without.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(off.statusCode).toBe(404);
      expect(off.json()).toMatchObject({ code: 'route_not_found' });
    } finally {
      await without.close();
      await rm(webRoot, { recursive: true, force: true });
    }
  });

  it('times requests by route pattern and status, never by address', async () => {
    const before = await scrape();
    const invitation = { method: 'GET', route: '/api/v1/invitations/:token', status: '404' };
    const seen = valueOf(before, 'riktning_http_request_duration_seconds_count', invitation);
    await app.inject({ method: 'GET', url: '/api/v1/invitations/secret-token-123' });
    await app.inject({ method: 'GET', url: '/api/v1/invitations/secret-token-456' });
    await app.inject({ method: 'GET', url: '/healthz' });

    const after = await scrape();
    expect(valueOf(after, 'riktning_http_request_duration_seconds_count', invitation)).toBe(seen + 2);
    expect(
      valueOf(after, 'riktning_http_request_duration_seconds_count', { route: '/healthz', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      after.some((s) => s.name === 'riktning_http_request_duration_seconds_bucket' && s.labels.le === '+Inf'),
    ).toBe(true);
    expect(JSON.stringify(after)).not.toContain('secret-token');
  });

  it('counts the reads found kept and those worked out', async () => {
    const { org, owner } = await createOrg((await testDatabase()).db);
    const admin = await ApiClient.signIn(app, owner.email);
    const list = `/api/v1/orgs/${org.id}/objectives?limit=20`;
    const count = async (outcome: string) => valueOf(await scrape(), 'riktning_kept_reads_total', { outcome });
    const [keptBefore, workedOutBefore] = [await count('kept'), await count('worked_out')];
    // Read again until found kept: on PostgreSQL, test files beside this one move the write
    // mark, and a read after a move is worked out again.
    for (let attempt = 0; attempt < 5 && (await count('kept')) === keptBefore; attempt++) {
      expect((await admin.get(list)).statusCode).toBe(200);
    }
    expect(await count('kept')).toBeGreaterThan(keptBefore);
    expect(await count('worked_out')).toBeGreaterThan(workedOutBefore);
  });

  it('reports the database pool', async () => {
    const samples = await scrape();
    expect(valueOf(samples, 'riktning_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'riktning_db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('counts a failed sign-in', async () => {
    const before = valueOf(await scrape(), 'riktning_sign_in_failures_total');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `nobody-${randomUUID()}@example.test`, password: 'wrong-password-1' },
    });
    expect(refused.statusCode).toBe(401);
    expect(valueOf(await scrape(), 'riktning_sign_in_failures_total')).toBe(before + 1);
  });

  it('counts answers refused by a rate limit, by route pattern', async () => {
    // Whichever limit refused it (the sign-in limiter is tuned elsewhere): the 429 counts.
    const route = { route: '/api/v1/auth/login' };
    const before = valueOf(await scrape(), 'riktning_rate_limited_total', route);
    metrics.recordResponse('POST', '/api/v1/auth/login', 429, 0.002);
    expect(valueOf(await scrape(), 'riktning_rate_limited_total', route)).toBe(before + 1);
  });

  // The queues are the whole database's: on PostgreSQL, test files running beside this one
  // share it and queue mail of their own, so the depth is only exact on this file's PGlite.
  it.skipIf(testEngine() === 'postgres')(
    'shows a queued e-mail in the depth, and the job runner’s outcomes once it has sent',
    async () => {
      const { db } = await testDatabase();
      const { org, owner } = await createOrg(db);
      const depthBefore = valueOf(await scrape(), 'riktning_job_queue_depth', { queue: 'mail' });
      const queue = (address: string) =>
        db.insert(outboxMessages).values({
          orgId: org.id,
          recipientId: owner.id,
          toAddress: address,
          kind: 'mention',
          dedupeKey: `metrics-${randomUUID()}`,
          locale: 'en',
          subject: 'You were mentioned',
          textBody: 'Hello',
          nextAttemptAt: new Date(clock.now().getTime() - 90_000),
        });
      await queue('reaches@example.test');
      await queue('bounces@example.test');

      const queued = await scrape();
      expect(valueOf(queued, 'riktning_job_queue_depth', { queue: 'mail' })).toBe(depthBefore + 2);
      expect(valueOf(queued, 'riktning_job_queue_oldest_due_seconds', { queue: 'mail' })).toBeGreaterThanOrEqual(90);

      const mailer: Mailer = {
        async send(mail) {
          if (mail.to.startsWith('bounces')) throw new Error('mailbox unavailable');
        },
      };
      const runner = startJobRunner(
        { db, now: clock.now },
        { mailer, orgId: org.id, intervalMs: 60_000, timeZone: 'UTC', onPoll: (result) => metrics.recordPoll(result) },
      );
      // Stopped before its first poll, so the one poll is this test's.
      await runner.stop();
      await runner.poll();

      const sent = await scrape();
      expect(valueOf(sent, 'riktning_outbound_messages_total', { channel: 'mail', outcome: 'sent' })).toBe(1);
      expect(valueOf(sent, 'riktning_outbound_messages_total', { channel: 'mail', outcome: 'retried' })).toBe(1);
      expect(valueOf(sent, 'riktning_job_queue_depth', { queue: 'mail' })).toBe(depthBefore + 1);
    },
  );
});
