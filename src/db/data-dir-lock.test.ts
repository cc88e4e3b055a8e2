import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockHolder, takeoverFileOf } from './data-dir-lock.ts';
import { formatIdentity, identityOf, thisProcess } from './process-identity.ts';

/** The pid of a process that has exited: what a server that crashed leaves in its lock. */
function exitedPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (!pid) throw new Error('could not start a process');
  return pid;
}

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'riktning-lock-'));
  dirs.push(dir);
  return dir;
}

const lockFile = (dir: string) => path.join(dir, 'riktning.lock');

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the data-directory lock', () => {
  it('refuses a directory a running process holds, and names it', async () => {
    const dir = await dataDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      // Written as that process would: its pid and (where known) start, read while it runs.
      const { pid } = holder;
      if (!pid) throw new Error('no pid');
      await writeFile(lockFile(dir), formatIdentity(identityOf(pid)));
      await expect(lockDataDir(dir)).rejects.toEqual(new DataDirLockedError(dir, pid));
      expect(await lockHolder(dir)).toBe(pid);
    } finally {
      holder.kill();
    }
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to a later process (another start time)',
    async () => {
      const dir = await dataDir();
      const later = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
      try {
        await writeFile(lockFile(dir), `${later.pid} ${thisProcess().started?.split('/')[0]}/1`);
        expect(await lockHolder(dir)).toBeNull();
        const release = await lockDataDir(dir);
        expect(await readFile(lockFile(dir), 'utf8')).toBe(formatIdentity(thisProcess()));
        await release();
      } finally {
        later.kill();
      }
    },
  );

  it('takes a lock naming its own pid, as a restarted container’s server (always pid 1) finds it', async () => {
    const dir = await dataDir();
    await writeFile(lockFile(dir), String(process.pid));
    const release = await lockDataDir(dir);
    expect(await readFile(lockFile(dir), 'utf8')).toBe(formatIdentity(thisProcess()));
    await release();
  });

  it('takes over after a process died mid-takeover, and clears what it left', async () => {
    const dir = await dataDir();
    const stale = String(exitedPid());
    await writeFile(lockFile(dir), stale);
    // The takeover file of a contender that died before it replaced the lock, and its written copy.
    const takeover = takeoverFileOf(lockFile(dir), stale);
    const died = String(exitedPid());
    await writeFile(takeover, died);
    await writeFile(`${lockFile(dir)}.${died}-0000.tmp`, died);
    expect(await lockHolder(dir)).toBeNull();
    const release = await lockDataDir(dir);
    expect(await lockHolder(dir)).toBe(process.pid);
    expect(await readdir(dir)).toEqual(['riktning.lock']);
    await release();
    expect(await readdir(dir)).toEqual([]);
  });
});

const CONTENDERS = 4;
const ROUNDS = 30;

interface Contender {
  child: ChildProcess;
  lines: Interface;
  next(): Promise<string>;
}

function startContender(): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/test/data-dir-lock-process.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const waiting: ((line: string) => void)[] = [];
  const early: string[] = [];
  lines.on('line', (line) => {
    const take = waiting.shift();
    if (take) take(line);
    else early.push(line);
  });
  const next = () =>
    new Promise<string>((resolve) => {
      const line = early.shift();
      if (line === undefined) waiting.push(resolve);
      else resolve(line);
    });
  return { child, lines, next };
}

describe('servers starting together on a directory whose lock is stale', () => {
  const contenders: Contender[] = [];
  beforeAll(async () => {
    for (let i = 0; i < CONTENDERS; i++) contenders.push(startContender());
    expect(await Promise.all(contenders.map((contender) => contender.next()))).toEqual(Array(CONTENDERS).fill('ready'));
  }, 60_000);
  afterAll(() => {
    for (const { child, lines } of contenders) {
      lines.close();
      child.kill();
    }
  });

  it(`exactly one of ${CONTENDERS} gets the directory, in each of ${ROUNDS} rounds`, { timeout: 60_000 }, async () => {
    const outcomes: string[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = await dataDir();
      // Stale in both forms: a pid alone (a lock from before start times were written), and pid and start.
      await writeFile(lockFile(dir), round % 2 ? String(exitedPid()) : `${exitedPid()} 0/0`);
      const startAt = Date.now() + 30;
      for (const { child } of contenders) child.stdin?.write(`${dir} ${startAt}\n`);
      const answers = await Promise.all(contenders.map((contender) => contender.next()));
      const winners = contenders.filter((_, i) => answers[i] === 'won').map(({ child }) => child.pid);
      outcomes.push(answers);
      // Everyone else was refused in the name of the one that won.
      const refusals = answers.filter((answer) => answer !== 'won');
      if (winners.length === 1) {
        expect(refusals).toEqual(Array(CONTENDERS - 1).fill(`locked ${winners[0]}`));
        expect(await lockHolder(dir)).toBe(winners[0]);
      }
    }
    const wins = outcomes.map((answers) => answers.filter((answer) => answer === 'won').length);
    expect(wins.filter((count) => count !== 1)).toEqual([]);
  });
});
