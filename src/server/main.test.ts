// `npm start` as a real process: the built server (dist/server/main.js, built here when
// older than its sources) on plain Node, an embedded database in a fresh directory, the
// demo on first start, the directory lock against a second process, a clean stop on
// SIGTERM, and the data still there after a restart.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** What `npm start` runs, after its prestart build. */
const builtMain = 'dist/server/main.js';
const DEMO_PASSWORD = 'riktning-demo';

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
/** Secrets that must never appear in a JSON log line. */
const secrets = new Set<string>([DEMO_PASSWORD]);
const outputs: (() => string)[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RIKTNING_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.RIKTNING_DEMO;
  // No TypeScript loader: what runs is the build's JavaScript.
  const child = spawn(process.execPath, [builtMain], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then(
    () => children.delete(child),
    () => {},
  );
  outputs.push(() => output);
  return { child, port, output: () => output, exited };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function untilHealthy(server: Running, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  let exitCode: number | null | undefined;
  server.exited.then(
    (code) => (exitCode = code),
    () => {},
  );
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
    const ok = await fetch(`http://127.0.0.1:${server.port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become healthy in ${ms} ms:\n${server.output()}`);
}

async function signIn(server: Running): Promise<{ status: number; cookie: string }> {
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
  let first: Running;

  beforeAll(async () => {
    // As `npm start`'s prestart does (a no-op after `npm run build`, as in `npm test`).
    const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', 'server'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`building the server failed:\n${build.stdout}${build.stderr}`);
    dataDir = await mkdtemp(path.join(tmpdir(), 'riktning-main-'));
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
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
