// `npm start` as a real process, for the tests that need one (main.test.ts, the command
// line's): the built server (dist/server/main.js, built when older than its sources) on
// plain Node, on an embedded database in a given directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** What `npm start` runs, after its prestart build. */
const builtMain = 'dist/server/main.js';

export interface RunningServer {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();

/** As `npm start`'s prestart does (a no-op after `npm run build`, as in `npm test`). */
export function buildServerIfStale(): void {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', 'server'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stdout}${build.stderr}`);
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The built server in `root` (the repository, or the image's contents: image.test.ts). */
export function startServer(
  dataDir: string,
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
  root = repoRoot,
): RunningServer {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RIKTNING_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  // The embedded database, without the demo, unless the test says otherwise (the pooler's processes).
  delete env.DATABASE_URL;
  delete env.RIKTNING_DEMO;
  Object.assign(env, extraEnv);
  // No TypeScript loader: what runs is the build's JavaScript.
  const child = spawn(process.execPath, [builtMain], {
    cwd: root,
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
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Ends every server a test started and left running (afterAll). */
export function killServers(): void {
  for (const child of children) child.kill('SIGKILL');
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function untilHealthy(server: RunningServer, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  let exitCode: number | null | undefined;
  server.exited.then(
    (code) => (exitCode = code),
    () => {},
  );
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
    const ok = await fetch(`${server.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become healthy in ${ms} ms:\n${server.output()}`);
}

/** Stops a server as Ctrl+C or the service manager does, and answers its exit code. */
export async function stopServer(server: RunningServer): Promise<number | null> {
  server.child.kill('SIGTERM');
  return within(server.exited, 20_000, 'exit after SIGTERM');
}
