// The command line on the local database (no server running): the embedded one in a data
// directory, or PostgreSQL by DATABASE_URL. Each command runs as `riktning` would, through
// runCli, with its output and exit code as a script sees them.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocumentType } from '../api/schemas/export.ts';
import { openPglite, type DatabaseHandle } from '../db/connect.ts';
import { apiTokens, checkIns } from '../db/schema.ts';
import { comparableExport } from '../test/comparable-export.ts';
import { testDatabase, testEngine } from '../test/test-db.ts';
import { createWorld, type World } from '../test/world.ts';
import { mailedInvitation } from '../test/invitation-mail.ts';
import { EXIT } from './exit-codes.ts';
import { runCli } from './main.ts';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'riktning-cli-'));
  temporary.push(dir);
  return dir;
}

let world: World;
let env: NodeJS.ProcessEnv;
/** On the embedded database: opened by the test between commands, closed while they run. */
let dataDir: string | undefined;

async function withDatabase<T>(use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  if (!dataDir) return use(await testDatabase());
  const handle = await openPglite(dataDir);
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

async function riktning(...argv: string[]): Promise<Ran> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(argv, { env, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

beforeAll(async () => {
  if (testEngine() === 'postgres') {
    world = await createWorld((await testDatabase()).db);
    env = { DATABASE_URL: process.env.TEST_DATABASE_URL, LANG: 'en_GB.UTF-8' };
  } else {
    dataDir = await tempDir();
    const handle = await openPglite(dataDir);
    await handle.migrate();
    world = await createWorld(handle.db);
    await handle.close();
    env = { RIKTNING_DATA_DIR: dataDir, LANG: 'en_GB.UTF-8' };
  }
}, 120_000);

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('riktning on the local database', () => {
  it('invites a person and lists the people, as a table and as JSON', async () => {
    const slug = world.org.slug;
    const added = await riktning('users', 'add', 'ny.person@example.test', '--name', 'Ny Person', '--org', slug);
    expect(added).toMatchObject({ code: EXIT.ok, stderr: '' });
    // As from the web app: an invitation is mailed, and the person is in once they accept it.
    expect(added.stdout).toMatch(/^Invitation sent to ny\.person@example\.test\. .* \(by \d{4}-\d{2}-\d{2}\)\.\n$/);
    const mailed = await withDatabase((handle) => mailedInvitation(handle.db, world.org.id, 'ny.person@example.test'));
    expect(mailed.path).toMatch(/^\/invite\//);

    const table = await riktning('users', 'list', '--org', slug);
    expect(table.code).toBe(EXIT.ok);
    const [header, ...lines] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^Name\s+E-mail\s+Role\s+Id$/);
    expect(lines.find((line) => line.includes(world.people.viewer.email))).toMatch(/\s+viewer\s+/);
    expect(table.stdout).not.toContain('ny.person@example.test');

    const json = await riktning('users', 'list', '--org', slug, '--format', 'json', '--lang', 'sv');
    const people = JSON.parse(json.stdout) as { email: string; role: string }[];
    expect(people).toHaveLength(lines.length);
    expect(people).toContainEqual(expect.objectContaining({ email: world.people.viewer.email, role: 'viewer' }));

    // The token the command line made for itself is gone after each command.
    const left = await withDatabase((handle) =>
      handle.db.select().from(apiTokens).where(eq(apiTokens.name, 'riktning (command line)')),
    );
    expect(left).toEqual([]);
  }, 60_000);

  it('checks in as a person, with a decimal comma and a note, in Swedish', async () => {
    const ran = await riktning(
      'check-in',
      world.keyResult.id,
      '42,5',
      '--confidence',
      '7',
      '--note',
      'Bra vecka',
      '--as',
      world.people.lead.email,
      '--lang',
      'sv',
    );
    expect(ran).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(ran.stdout).toMatch(new RegExp(`^Avstämt: ${world.keyResult.title}, framsteg \\d+ %\\n$`));
    const stored = await withDatabase((handle) =>
      handle.db
        .select()
        .from(checkIns)
        .where(and(eq(checkIns.keyResultId, world.keyResult.id), eq(checkIns.note, 'Bra vecka'))),
    );
    expect(stored).toEqual([expect.objectContaining({ value: 42.5, confidence: 7, authorId: world.people.lead.id })]);
  }, 60_000);

  it('exports an organisation and imports it into a new one: the same document apart from ids', async () => {
    const exported = await riktning('export', '--org', world.org.slug);
    expect(exported).toMatchObject({ code: EXIT.ok, stderr: '' });
    const original = JSON.parse(exported.stdout) as ExportDocumentType;
    expect(original.format).toBe('riktning/1');
    expect(original.objectives.length).toBeGreaterThan(2);

    const file = path.join(await tempDir(), 'export.json');
    await writeFile(file, exported.stdout);
    const copySlug = `kopia-${world.org.slug}`;
    const as = ['--as', world.owner.email];
    expect((await riktning('orgs', 'create', 'Kopia', '--slug', copySlug, ...as)).code).toBe(EXIT.ok);

    const dryRun = await riktning('import', '--org', copySlug, file, '--dry-run', ...as);
    expect(dryRun.code).toBe(EXIT.ok);
    expect(dryRun.stdout).toMatch(/^Dry run: nothing was written/);
    expect(dryRun.stdout).toMatch(new RegExp(`objectives\\s+${original.objectives.length}\\n`));

    const imported = await riktning('import', '--org', copySlug, file, '--format', 'json', ...as);
    expect(imported.code).toBe(EXIT.ok);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      dryRun: false,
      counts: { objectives: original.objectives.length, keyResults: original.keyResults.length },
    });

    const copy = JSON.parse((await riktning('export', '--org', copySlug, ...as)).stdout) as ExportDocumentType;
    expect(comparableExport(copy)).toEqual(comparableExport(original));

    // A second import finds OKRs there: refused, with the server's words, exit 1.
    const again = await riktning('import', '--org', copySlug, file, ...as);
    expect(again.code).toBe(EXIT.refused);
    expect(again.stderr).toBe('Import into an organisation that has no units, cycles or objectives yet\n');
  }, 120_000);

  it('names each problem of an import and the place, and writes nothing', async () => {
    const broken = {
      ...(JSON.parse((await riktning('export', '--org', world.org.slug)).stdout) as ExportDocumentType),
    };
    const nowhere = '00000000-0000-4000-8000-000000000000';
    broken.keyResults = broken.keyResults.map((kr, index) => (index === 0 ? { ...kr, objectiveId: nowhere } : kr));
    const file = path.join(await tempDir(), 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const slug = `tom-${world.org.slug}`;
    const as = ['--as', world.owner.email];
    await riktning('orgs', 'create', 'Tom', '--slug', slug, ...as);
    const ran = await riktning('import', '--org', slug, file, '--dry-run', ...as);
    expect(ran.code).toBe(EXIT.refused);
    expect(ran.stderr).toContain('/body/keyResults/0/objectiveId: refers to something that does not exist here');

    const notJson = path.join(await tempDir(), 'not.json');
    await writeFile(notJson, '{"format": "riktning/1",');
    const malformed = await riktning('import', '--org', slug, notJson, ...as);
    expect(malformed.code).toBe(EXIT.refused);
    expect(malformed.stderr).toMatch(/not valid JSON/);
  }, 120_000);

  it('answers a wrong command line with exit 2 and a message in the asked language', async () => {
    expect(await riktning('frobnicate')).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringMatching(/Unknown command: frobnicate/),
    });
    expect(await riktning('users', 'remove')).toMatchObject({ code: EXIT.usage });
    expect(await riktning('export', '--colour')).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringMatching(/--colour/),
    });
    expect(await riktning('export')).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringMatching(/Missing --org/),
    });
    const swedish = await riktning('check-in', world.keyResult.id, 'tio', '--confidence', '7', '--lang', 'sv');
    expect(swedish).toMatchObject({ code: EXIT.usage, stderr: 'VALUE tio: ange ett tal.\n' });
    expect(await riktning('check-in', world.keyResult.id, '5', '--confidence', '11')).toMatchObject({
      code: EXIT.usage,
      stderr: '--confidence 11: give a whole number from 0 to 10.\n',
    });
    expect(await riktning('users', 'list', '--org', world.org.slug, '--format', 'xml')).toMatchObject({
      code: EXIT.usage,
    });
    expect(await riktning('orgs', 'list', '--lang', 'de')).toMatchObject({
      code: EXIT.usage,
      stderr: '--lang de: give one of sv, en.\n',
    });
    const help = await riktning('--help', '--lang', 'sv');
    expect(help).toMatchObject({ code: EXIT.ok });
    expect(help.stdout).toContain('Slutkoder: 0 klart');
  });

  it('answers exit 1 for what the server refuses: an unknown organisation, person or key result', async () => {
    // As this file's owner: on PostgreSQL every test file shares the database, and without
    // --as the command acts as the installation's first owner, whoever's that may be.
    const asOwner = ['--as', world.owner.email];
    expect(await riktning('users', 'list', '--org', 'no-such-org', ...asOwner)).toMatchObject({
      code: EXIT.refused,
      stderr: 'None of your organisations has the short name no-such-org.\n',
    });
    expect(await riktning('users', 'list', '--org', world.org.slug, '--as', 'nobody@example.test')).toMatchObject({
      code: EXIT.refused,
      stderr: 'No account has the e-mail address nobody@example.test.\n',
    });
    // A viewer may not check in: the API's refusal, in its own words.
    const viewer = await riktning(
      'check-in',
      world.keyResult.id,
      '5',
      '--confidence',
      '5',
      '--as',
      world.people.viewer.email,
    );
    expect(viewer.code).toBe(EXIT.refused);
    expect(viewer.stderr).toMatch(/not allowed/);
    const missing = await riktning(
      'check-in',
      '00000000-0000-4000-8000-000000000000',
      '5',
      '--confidence',
      '5',
      ...asOwner,
    );
    expect(missing).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/not found/) });
  }, 60_000);

  it.runIf(testEngine() === 'pglite')('answers exit 3 when a server holds the embedded database', async () => {
    const dir = await tempDir();
    // A process that runs, holding the lock as a server would.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeFile(path.join(dir, 'riktning.lock'), String(holder.pid));
      const held = await riktningIn(dir, 'users', 'list', '--org', 'x');
      expect(held.code).toBe(EXIT.unavailable);
      expect(held.stderr).toContain(`Servern (process ${holder.pid}) håller databasen i ${dir}`);
    } finally {
      holder.kill();
    }
  });
});

async function riktningIn(dir: string, ...argv: string[]): Promise<Ran> {
  const saved = env;
  env = { RIKTNING_DATA_DIR: dir, LANG: 'sv_SE.UTF-8' };
  try {
    return await riktning(...argv);
  } finally {
    env = saved;
  }
}
