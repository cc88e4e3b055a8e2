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
  private csrf = '';

  private constructor(
    private readonly app: Server,
    private readonly cookies = new Map<string, string>(),
  ) {}

  static async signIn(app: Server, email: string): Promise<Browser> {
    const browser = new Browser(app);
    const response = await browser.send('POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    browser.csrf = response.json<{ csrfToken: string }>().csrfToken;
    return browser;
  }

  /** The same browser sending its requests to another server process (behind a load balancer). */
  via(app: Server): Browser {
    const other = new Browser(app, this.cookies);
    other.csrf = this.csrf;
    return other;
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
  const progressIn = (response: LightMyRequestResponse) => {
    expect(response.statusCode).toBe(200);
    return response.json<{ objectives: { averageProgress: number | null } }>().objectives.averageProgress;
  };
  const progressFor = async (browser: Browser) => progressIn(await browser.send('GET', dashboard));
  return { org, cycle, owner, member, kr, dashboard, progressIn, progressFor };
}

/** A script calling with a personal API token: no cookies. */
function script(app: Server, token: string) {
  return (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
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
  // A second server process on the same databases, as behind a load balancer.
  let otherReplica: ReadReplica;
  let other: Awaited<ReturnType<typeof serverWith>>;

  beforeAll(async () => {
    // Not left paused by a run that stopped half way.
    await resumeReplay(standby);
    replica = await openReadReplica(standby);
    server = await serverWith(replica);
    otherReplica = await openReadReplica(standby);
    other = await serverWith(otherReplica);
  });
  afterAll(async () => {
    await resumeReplay(standby);
    for (const { app } of [server, other]) await app?.close();
    for (const handle of [replica, otherReplica]) await handle?.close();
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
      // The writer's comes from the primary, its check-in counted, though the standby lags;
      // from the other server process too, which learns of the write from the cookie.
      expect(await progressFor(writer)).toBe(0.6);
      expect(replica.counts().primary_behind).toBe(before.primary_behind + 1);
      expect(await progressFor(writer.via(other.app))).toBe(0.6);
      expect(otherReplica.counts().primary_behind).toBe(1);
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

  it('serves the summary, the feed, the map, the OKR sheet and the export from the standby as well', async () => {
    const { app, deps } = server;
    const { owner, org, cycle } = await organisation(deps);
    const browser = await Browser.signIn(app, owner.email);
    await caughtUp(primary, standby);
    const before = replica.counts().replica;
    const reads = [
      `/api/v1/orgs/${org.id}/dashboard/summary?cycleId=${cycle.id}`,
      `/api/v1/orgs/${org.id}/feed`,
      `/api/v1/orgs/${org.id}/map?cycleId=${cycle.id}`,
      `/api/v1/orgs/${org.id}/okr-sheet?cycleId=${cycle.id}`,
      `/api/v1/orgs/${org.id}/export`,
    ];
    for (const url of reads) expect((await browser.send('GET', url)).statusCode, url).toBe(200);
    expect(replica.counts().replica).toBe(before + reads.length);
  });

  it('remembers a script’s write by its token, in the process that served it', async () => {
    const { app, deps } = server;
    const { owner, kr, dashboard, progressIn } = await organisation(deps);
    const browser = await Browser.signIn(app, owner.email);
    const token = (await browser.send('POST', '/api/v1/me/tokens', { name: 'Skript' })).json<{ token: string }>().token;
    const call = script(app, token);
    await caughtUp(primary, standby);

    await pauseReplay(standby);
    try {
      const checkIn = await call('POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: 40, confidence: 6 });
      expect(checkIn.statusCode).toBe(201);
      expect(checkIn.cookies).toEqual([]);
      const before = replica.counts();
      expect(progressIn(await call('GET', dashboard))).toBe(0.4);
      expect(replica.counts().primary_behind).toBe(before.primary_behind + 1);
      // Another process does not know of it: there the script reads as anyone does.
      expect(progressIn(await script(other.app, token)('GET', dashboard))).toBe(0);
    } finally {
      await resumeReplay(standby);
    }
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

  it('answers a newcomer the standby does not know yet from the primary, not with a refusal', async () => {
    const { app, deps } = server;
    const { org, dashboard } = await organisation(deps);
    await caughtUp(primary, standby);
    await pauseReplay(standby);
    try {
      // Made while the standby is held behind: there, this person belongs to no organisation.
      const newcomer = await createMember(deps.db, org.id, 'member');
      const browser = await Browser.signIn(app, newcomer.email);
      // As after a sign-in through SSO, whose callback (a GET) leaves no write position.
      browser.forget(WROTE_COOKIE);
      const before = replica.counts();
      const response = await browser.send('GET', dashboard);
      expect(response.statusCode).toBe(200);
      expect(replica.counts().primary_behind).toBe(before.primary_behind + 1);
      expect(replica.counts().replica).toBe(before.replica);
    } finally {
      await resumeReplay(standby);
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
