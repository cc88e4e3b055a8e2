// `npx riktning` beside a running server, as an operator uses it: the demo organisation
// exported and imported over HTTP with a token (the round trip), the exit codes a
// script sees when the server cannot be reached or refuses the token, and the embedded
// database's backup and restore with the server running and stopped.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocumentType } from '../api/schemas/export.ts';
import { DEMO_ORG_SLUG } from '../app/demo/demo-data.ts';
import { comparableExport } from '../test/comparable-export.ts';
import {
  buildServerIfStale,
  freePort,
  killServers,
  repoRoot,
  startServer,
  stopServer,
  untilHealthy,
  type RunningServer,
} from '../test/server-process.ts';
import { EXIT } from './exit-codes.ts';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command in its own process: `npx riktning …` as the round trip names it,
 * or its bin directly (the same file, without npx's second or two of start-up).
 */
function run(how: 'npx' | 'bin', env: NodeJS.ProcessEnv, argv: string[]): Promise<Ran> {
  const [command, prefix] =
    how === 'npx' ? ['npx', ['--no-install', 'riktning']] : [process.execPath, ['bin/riktning.mjs']];
  const child = spawn(command, [...prefix, ...argv], {
    cwd: repoRoot,
    env: { ...process.env, LANG: 'en_GB.UTF-8', DATABASE_URL: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
const npxRiktning = (env: NodeJS.ProcessEnv, ...argv: string[]) => run('npx', env, argv);
const riktning = (env: NodeJS.ProcessEnv, ...argv: string[]) => run('bin', env, argv);

async function personalToken(server: RunningServer): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: 'riktning-demo' }),
  });
  const cookie =
    login.headers
      .getSetCookie()
      .find((c) => c.startsWith('riktning_session='))
      ?.split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${server.url}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'the command line test' }),
  });
  return ((await created.json()) as { token: string }).token;
}

/** Check-ins the server holds, counted through the demo organisation's export. */
async function checkInCount(env: NodeJS.ProcessEnv): Promise<number> {
  const ran = await riktning(env, 'export', '--org', DEMO_ORG_SLUG);
  return (JSON.parse(ran.stdout) as ExportDocumentType).checkIns.length;
}

// The server runs on its embedded database in a child process; once is enough.
describe.skipIf(process.env.RIKTNING_TEST_ENGINE === 'postgres')('npx riktning beside a running server', () => {
  let dataDir = '';
  let server: RunningServer;
  let remote: NodeJS.ProcessEnv;
  const local = () => ({ RIKTNING_DATA_DIR: dataDir, RIKTNING_URL: '' });

  beforeAll(async () => {
    buildServerIfStale();
    dataDir = await mkdtemp(path.join(tmpdir(), 'riktning-cli-server-'));
    // No daily backup of its own, so the only backups are the ones the test asks for.
    server = startServer(dataDir, await freePort(), { RIKTNING_BACKUP_DAYS: '0' });
    await untilHealthy(server);
    remote = { RIKTNING_URL: server.url, RIKTNING_TOKEN: await personalToken(server) };
  }, 120_000);

  afterAll(async () => {
    killServers();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('round-trips the demo organisation: export, import into a new one, the same document apart from ids', async () => {
    const exported = await npxRiktning(remote, 'export', '--org', DEMO_ORG_SLUG);
    expect(exported).toMatchObject({ code: EXIT.ok, stderr: '' });
    const original = JSON.parse(exported.stdout) as ExportDocumentType;
    expect(original.checkIns.length).toBeGreaterThan(50);

    const file = path.join(dataDir, 'nordljus.json');
    await writeFile(file, exported.stdout);
    expect(await npxRiktning(remote, 'orgs', 'create', 'Nordljus kopia', '--slug', 'nordljus-kopia')).toMatchObject({
      code: EXIT.ok,
      stdout: 'The organisation Nordljus kopia (nordljus-kopia) is created.\n',
    });
    const imported = await npxRiktning(remote, 'import', '--org', 'nordljus-kopia', file);
    expect(imported).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(imported.stdout).toMatch(new RegExp(`check-ins\\s+${original.checkIns.length}\\n`));

    const copy = await npxRiktning(remote, 'export', '--org', 'nordljus-kopia', '--out', path.join(dataDir, 'c.json'));
    expect(copy).toMatchObject({ code: EXIT.ok, stdout: '' });
    const copied = JSON.parse(await readFile(path.join(dataDir, 'c.json'), 'utf8')) as ExportDocumentType;
    expect(comparableExport(copied)).toEqual(comparableExport(original));

    const listed = await npxRiktning(remote, 'orgs', 'list', '--format', 'json');
    expect((JSON.parse(listed.stdout) as { orgSlug: string }[]).map((m) => m.orgSlug).sort()).toEqual([
      DEMO_ORG_SLUG,
      'nordljus-kopia',
    ]);
  }, 180_000);

  it('exits 4 without a token the server takes, 3 when there is no server, with the reason', async () => {
    expect(await riktning({ RIKTNING_URL: server.url, RIKTNING_TOKEN: 'rkt_wrong' }, 'orgs', 'list')).toMatchObject({
      code: EXIT.unauthenticated,
      stderr: 'The server does not take the token: check RIKTNING_TOKEN.\n',
    });
    expect(await riktning({ RIKTNING_URL: server.url, RIKTNING_TOKEN: '' }, 'orgs', 'list')).toMatchObject({
      code: EXIT.unauthenticated,
    });
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await riktning({ ...remote, RIKTNING_URL: nowhere }, 'orgs', 'list', '--lang', 'sv');
    expect(unreachable.code).toBe(EXIT.unavailable);
    expect(unreachable.stderr).toMatch(new RegExp(`^Kan inte nå ${nowhere}: .*ECONNREFUSED`));
    // The local database is the running server's: the command line says so and how to reach it.
    const held = await riktning(local(), 'users', 'list', '--org', DEMO_ORG_SLUG);
    expect(held.code).toBe(EXIT.unavailable);
    expect(held.stderr).toContain(`The server (process ${server.child.pid}) holds the database`);
  }, 60_000);

  it('backs up while the server runs, and restores with it running (at its next start) and stopped', async () => {
    const atBackup = await checkInCount(remote);
    const backup = await riktning(local(), 'backup', '--format', 'json');
    expect(backup.code).toBe(EXIT.ok);
    expect(backup.stderr).toBe(`The server (process ${server.child.pid}) is making the backup …\n`);
    const { file } = JSON.parse(backup.stdout) as { file: string };
    expect(path.dirname(file)).toBe(path.join(dataDir, 'backups'));

    // A check-in after the backup: the restore takes it back.
    const exported = JSON.parse(
      (await riktning(remote, 'export', '--org', DEMO_ORG_SLUG)).stdout,
    ) as ExportDocumentType;
    const keyResult = exported.keyResults.find((kr) => kr.metric === 'increase_to' && !kr.archivedAt);
    const checkedIn = await riktning(remote, 'check-in', keyResult?.id ?? '', '3', '--confidence', '6');
    expect(checkedIn.code, checkedIn.stderr).toBe(EXIT.ok);
    expect(await checkInCount(remote)).toBe(atBackup + 1);

    const staged = await riktning(local(), 'restore', file);
    expect(staged.code).toBe(EXIT.ok);
    expect(staged.stdout).toContain(
      `The server (process ${server.child.pid}) is running: the backup is restored when it next starts.`,
    );
    expect(await checkInCount(remote)).toBe(atBackup + 1);

    expect(await stopServer(server)).toBe(0);
    server = startServer(dataDir, server.port, { RIKTNING_BACKUP_DAYS: '0' });
    await untilHealthy(server);
    expect(server.output()).toContain(`Restored the staged backup (`);
    expect(await checkInCount(remote)).toBe(atBackup);

    // Stopped: the backup and the restore run on the database themselves.
    expect(await stopServer(server)).toBe(0);
    const offline = await riktning(local(), 'backup');
    expect(offline.code, offline.stderr).toBe(EXIT.ok);
    expect(offline.stdout).toMatch(
      /^Backup written: .*riktning-\d{8}T\d{6}Z\.tar\.gz \(\d+\.\d MB\)\n\d+ organisations, \d+ people, \d+ objectives, \d+ check-ins\n$/,
    );
    const restored = await riktning(local(), 'restore', file, '--lang', 'sv');
    expect(restored.code, restored.stderr).toBe(EXIT.ok);
    expect(restored.stdout).toMatch(
      /^Återställd\. \d+ organisationer, \d+ personer, \d+ mål, \d+ avstämningar\nDatabasen som ersattes finns kvar i /,
    );

    const broken = path.join(dataDir, 'broken.tar.gz');
    await writeFile(broken, 'not a backup');
    const refused = await riktning(local(), 'restore', broken);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toMatch(/broken\.tar\.gz is not a backup that can be restored/);
  }, 240_000);
});
