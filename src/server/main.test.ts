// `npm start` as a real process: the built server (dist/server/main.js, built here when
// older than its sources) on plain Node, an embedded database in a fresh directory, the
// demo on first start, the directory lock against a second process, a clean stop on
// SIGTERM, and the data still there after a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildServerIfStale,
  freePort,
  killServers,
  startServer,
  untilHealthy,
  within,
  type RunningServer,
} from '../test/server-process.ts';

const DEMO_PASSWORD = 'riktning-demo';

/** Secrets that must never appear in a JSON log line. */
const secrets = new Set<string>([DEMO_PASSWORD]);
const outputs: (() => string)[] = [];

function start(dataDir: string, port: number): RunningServer {
  const server = startServer(dataDir, port);
  outputs.push(server.output);
  return server;
}

async function signIn(server: RunningServer): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: DEMO_PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('riktning_session='));
  const value = session?.split(';')[0]?.slice('riktning_session='.length) ?? '';
  if (value) secrets.add(value);
  const body = (await response.json()) as { csrfToken?: string };
  if (body.csrfToken) secrets.add(body.csrfToken);
  return { status: response.status, cookie: `riktning_session=${value}` };
}

// The test starts its own embedded database in a child process; the PostgreSQL project
// would only run the same thing again.
describe.skipIf(process.env.RIKTNING_TEST_ENGINE === 'postgres')('npm start (dist/server/main.js)', () => {
  let dataDir = '';
  let first: RunningServer;

  beforeAll(async () => {
    buildServerIfStale();
    dataDir = await mkdtemp(path.join(tmpdir(), 'riktning-main-'));
  });

  afterAll(async () => {
    killServers();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty data directory with the demo loaded', async () => {
    first = start(dataDir, await freePort());
    await untilHealthy(first);
    const login = await signIn(first);
    expect(login.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${first.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(first.output()).toContain('/api/docs');
    expect(first.output()).toContain('sara@example.com');
  }, 90_000);

  it('refuses a second process on the same data directory', async () => {
    const second = start(dataDir, await freePort());
    const code = await within(second.exited, 60_000, 'second process exit');
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`is in use by process ${first.child.pid}`);
    // The first one is unharmed.
    expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);
  }, 90_000);

  it('stops cleanly on SIGTERM', async () => {
    first.child.kill('SIGTERM');
    expect(await within(first.exited, 20_000, 'exit after SIGTERM')).toBe(0);
  }, 30_000);

  it('keeps the data across a restart and does not load the demo twice', async () => {
    const again = start(dataDir, await freePort());
    await untilHealthy(again);
    const login = await signIn(again);
    expect(login.status).toBe(200);
    const me = await fetch(`http://127.0.0.1:${again.port}/api/v1/me`, { headers: { cookie: login.cookie } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { memberships: { orgName: string; role: string }[] };
    expect(body.memberships.filter((m) => m.orgName === 'Nordljus AB')).toEqual([
      expect.objectContaining({ role: 'owner' }),
    ]);
    expect(again.output()).toContain('demo@example.com');
    again.child.kill('SIGTERM');
    expect(await within(again.exited, 20_000, 'exit after SIGTERM')).toBe(0);
  }, 90_000);

  it('never writes the password or session secrets to the JSON log', () => {
    const jsonLines = outputs.flatMap((output) => output().split('\n')).filter((line) => line.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(0);
    expect(secrets.size).toBeGreaterThan(2);
    for (const line of jsonLines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
  });
});
