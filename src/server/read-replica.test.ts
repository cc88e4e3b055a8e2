// The read replica against a real streaming standby of the test server (scripts/standby.sh):
// a dashboard read is served by the standby while a write goes to the primary; a session
// that just wrote reads its own write from the primary while the standby is held behind;
// a replica that is down leaves the reads on the primary, without an error. Replay is
// paused on the standby to make its lag certain rather than a race.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCaches } from '../app/caches.ts';
import type { AppDeps } from '../app/context.ts';
import { openReadReplica, type ReadReplica } from '../db/read-replica.ts';
import { testEngine } from '../test/test-db.ts';
import { testServer } from '../test/server.ts';
import { caughtUp, findStandby, pauseReplay, resumeReplay, valueAt } from '../test/standby.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  TEST_PASSWORD,
} from '../test/factories.ts';
import { buildServer, type Server } from './app.ts';
import { createServerMetrics } from './server-metrics.ts';
import { WROTE_COOKIE } from './plugins/read-your-writes.ts';

const standbyUrl = testEngine() === 'postgres' ? await findStandby() : null;

/** A browser: keeps every cookie the server sets, and sends the CSRF token with writes. */
class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  private constructor(private readonly app: Server) {}

  static async signIn(app: Server, email: string): Promise<Browser> {
    const browser = new Browser(app);
    const response = await browser.send('POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    browser.csrf = response.json<{ csrfToken: string }>().csrfToken;
    return browser;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** As when the cookie has expired. */
  forget(name: string): void {
    this.cookies.delete(name);
  }

  async send(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }) },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    for (const set of response.cookies) this.cookies.set(set.name, set.value);
    return response;
  }
}

/** An organisation with one objective and its key result (0 of 0–100), its owner and a member. */
async function organisation(deps: AppDeps) {
  const { org, owner } = await createOrg(deps.db);
  const member = await createMember(deps.db, org.id, 'member');
  const cycle = await createCycle(deps.db, org.id);
  const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
  const kr = await createKeyResult(deps.db, org.id, objective.id, { ownerId: owner.id, currentValue: 0 });
  const dashboard = `/api/v1/orgs/${org.id}/dashboard?cycleId=${cycle.id}`;
  const progressFor = async (browser: Browser) => {
    const response = await browser.send('GET', dashboard);
    expect(response.statusCode).toBe(200);
    return response.json<{ objectives: { averageProgress: number | null } }>().objectives.averageProgress;
  };
  return { owner, member, kr, progressFor };
}

/** The server over the test database, reading what may lag from `replica`. */
async function serverWith(replica: ReadReplica) {
  const { deps } = await testServer();
  const withReplica: AppDeps = { ...deps, caches: createAppCaches(), replica };
  const app = await buildServer({ deps: withReplica, loginRateLimit: 1000 });
  await app.ready();
  return { app, deps: withReplica };
}

describe.skipIf(standbyUrl === null)('a read replica: a real streaming standby', () => {
  const standby = standbyUrl as string;
  const primary = process.env.TEST_DATABASE_URL as string;
  let replica: ReadReplica;
  let server: Awaited<ReturnType<typeof serverWith>>;

  beforeAll(async () => {
    replica = await openReadReplica(standby);
    server = await serverWith(replica);
  });
  afterAll(async () => {
    await resumeReplay(standby);
    await server?.app.close();
    await replica?.close();
  });

  it('serves a dashboard from the standby while a write goes to the primary; the writer reads its own write', async () => {
    const { app, deps } = server;
    const { owner, member, kr, progressFor } = await organisation(deps);
    const writer = await Browser.signIn(app, owner.email);
    const reader = await Browser.signIn(app, member.email);
    await caughtUp(primary, standby);
    expect(await progressFor(reader)).toBe(0);

    await pauseReplay(standby);
    try {
      const before = replica.counts();
      const checkIn = await writer.send('POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: 60, confidence: 7 });
      expect(checkIn.statusCode).toBe(201);
      expect(writer.cookie(WROTE_COOKIE)).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // The write is on the primary; the standby, held behind, has not got it yet.
      const currentValue = 'select current_value as value from key_results where id = $1';
      expect(await valueAt(primary, currentValue, [kr.id])).toBe(60);
      expect(await valueAt(standby, currentValue, [kr.id])).toBe(0);

      // Another session's dashboard comes from the standby: the figure before the check-in.
      expect(await progressFor(reader)).toBe(0);
      expect(replica.counts().replica).toBe(before.replica + 1);
      // The writer's comes from the primary, its check-in counted, though the standby lags.
      expect(await progressFor(writer)).toBe(0.6);
      expect(replica.counts().primary_behind).toBe(before.primary_behind + 1);
    } finally {
      await resumeReplay(standby);
    }

    // Once the standby has replayed the check-in, both read it there.
    await caughtUp(primary, standby);
    const replayed = replica.counts();
    expect(await progressFor(writer)).toBe(0.6);
    expect(await progressFor(reader)).toBe(0.6);
    expect(replica.counts().replica).toBe(replayed.replica + 2);
  });

  it('keeps the reads on the primary, without an error, while the replica is down', async () => {
    // Nothing listens on port 1: every connection to this replica is refused.
    const down = new URL(standby);
    down.port = '1';
    const unreachable = await openReadReplica(down.toString());
    const { app, deps } = await serverWith(unreachable);
    try {
      const { owner, kr, progressFor } = await organisation(deps);
      // A session that wrote nothing lately reads from the replica: refused, so read again on the primary.
      const reader = await Browser.signIn(app, owner.email);
      reader.forget(WROTE_COOKIE);
      expect(await progressFor(reader)).toBe(0);
      expect(unreachable.counts()).toMatchObject({ replica: 0, primary_fallback: 1, primary_down: 0 });
      // Then the replica rests: reads go straight to the primary, a writer's too.
      const writer = await Browser.signIn(app, owner.email);
      const checkIn = await writer.send('POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: 30, confidence: 5 });
      expect(checkIn.statusCode).toBe(201);
      expect(await progressFor(writer)).toBe(0.3);
      expect(await progressFor(reader)).toBe(0.3);
      expect(unreachable.counts()).toMatchObject({ replica: 0, primary_fallback: 1, primary_down: 2 });
      const metrics = createServerMetrics(deps, () => ({ total: 0, idle: 0, waiting: 0 }));
      const counted = await metrics.registry.getSingleMetricAsString('riktning_lagging_reads_total');
      expect(counted).toContain('riktning_lagging_reads_total{served_by="primary_fallback"} 1');
      expect(counted).toContain('riktning_lagging_reads_total{served_by="primary_down"} 2');
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});

describe('without a read replica', () => {
  let app: Server;
  beforeAll(async () => {
    app = (await testServer()).app;
  });

  it('remembers no write: no statement after it and no cookie', async () => {
    const { deps } = await testServer();
    const { owner, kr, progressFor } = await organisation(deps);
    const writer = await Browser.signIn(app, owner.email);
    const checkIn = await writer.send('POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: 60, confidence: 7 });
    expect(checkIn.statusCode).toBe(201);
    expect(writer.cookie(WROTE_COOKIE)).toBeUndefined();
    expect(await progressFor(writer)).toBe(0.6);
  });
});
