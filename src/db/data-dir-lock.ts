// PGlite is one process's database: a second process on the same directory would corrupt
// it. A lock file naming the owner (pid and start, process-identity.ts) guards the
// directory; a lock left by a process that no longer runs is taken over.
//
// Every step is one atomic file-system operation, so that of several processes starting
// at once exactly one gets the directory:
// - a lock file appears whole, by link() of a file already written, and only where none is
//   (a reader never sees it empty, as it would between open(…, 'wx') and the write);
// - a stale lock is replaced by rename() of a written file, and only by the process that
//   created the takeover file named after that very stale content. Whoever creates it
//   checks that the lock still holds that content before replacing it: two processes that
//   both saw the same stale lock cannot both replace it. A takeover file left by a process
//   that died mid-takeover is stale in turn, and taken over the same way (one level down).
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { formatIdentity, isRunning, parseIdentity, thisProcess } from './process-identity.ts';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dataDir} is in use by process ${pid}. Stop it first, or set RIKTNING_DATA_DIR.`);
  }
}

const LOCK_NAME = 'riktning.lock';
const lockFileOf = (dataDir: string) => path.join(dataDir, LOCK_NAME);

/** The process that holds the data directory, if one that still runs does. */
export async function lockHolder(dataDir: string): Promise<number | null> {
  const holder = parseIdentity((await contentOf(lockFileOf(dataDir))) ?? '');
  return holder && isRunning(holder) ? holder.pid : null;
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = lockFileOf(dataDir);
  await acquire(lockFile, dataDir);
  await removeLeftovers(dataDir);
  return () => rm(lockFile, { force: true });
}

/**
 * A lock that may be taken: nobody's, or that of a process that no longer runs. One naming
 * this process's pid is this process's or that of a dead one before it (a container's
 * server is always pid 1; an older lock holds the pid alone).
 */
const isFree = (content: string): boolean => {
  const holder = parseIdentity(content);
  return !holder || holder.pid === process.pid || !isRunning(holder);
};

const ROUNDS = 20;

/** The one file whose creator may replace `file` while it holds `stale`. */
export const takeoverFileOf = (file: string, stale: string): string =>
  `${file}.${createHash('sha256').update(stale).digest('hex').slice(0, 12)}`;

/** Makes `file` name this process, or throws DataDirLockedError naming the live process that holds or is taking it. */
async function acquire(file: string, dataDir: string): Promise<void> {
  // Each round ends in a win, a refusal, or a change another process made (which happens
  // only so often): a bound that is never reached unless something else is wrong.
  for (let round = 0; round < ROUNDS; round++) {
    if (await createWhole(file)) return;
    const stale = await contentOf(file);
    if (stale === null) continue; // released meanwhile
    if (!isFree(stale)) throw new DataDirLockedError(dataDir, parseIdentity(stale)?.pid ?? 0);
    const takeover = takeoverFileOf(file, stale);
    try {
      await acquire(takeover, dataDir);
    } catch (error) {
      // Another process is taking it over: a matter of milliseconds; then refuse in the
      // name of the one that got it (or try again, should that one have given up).
      if (!(error instanceof DataDirLockedError) || round === ROUNDS - 1) throw error;
      await setTimeout(5 + 10 * Math.random());
      continue;
    }
    try {
      if ((await contentOf(file)) === stale) {
        await replaceWhole(file);
        return;
      }
    } finally {
      await rm(takeover, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}: it kept changing.`);
}

/** Writes this process's identity to a file of its own first, so that `file` only ever appears whole. */
async function withWritten(file: string, use: (written: string) => Promise<void>): Promise<void> {
  const written = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(written, formatIdentity(thisProcess()), { flag: 'wx' });
  try {
    await use(written);
  } finally {
    await rm(written, { force: true });
  }
}

/** Creates `file` holding this process's identity unless it exists; whether it did. */
async function createWhole(file: string): Promise<boolean> {
  let created = false;
  await withWritten(file, async (written) => {
    try {
      await link(written, file);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  });
  return created;
}

const replaceWhole = (file: string) => withWritten(file, (written) => rename(written, file));

async function contentOf(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takeover and written files of processes that died mid-way, removed by the new holder.
 * One in use names a live process and stays; removing a dead one that another process
 * is taking over only makes that process look again (and find the directory held).
 */
async function removeLeftovers(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (!name.startsWith(`${LOCK_NAME}.`)) continue;
    const file = path.join(dataDir, name);
    const content = await contentOf(file);
    const holder = content === null ? null : parseIdentity(content);
    if (holder && !isRunning(holder)) await rm(file, { force: true });
  }
}
