// PGlite is one process's database: a second process on the same directory would corrupt
// it. A lock file holding the owner's pid guards the directory; a lock left by a process
// that no longer runs is taken over.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dataDir} is in use by process ${pid}. Stop it first, or set RIKTNING_DATA_DIR.`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process that holds the data directory, if one that still runs does. */
export async function lockHolder(dataDir: string): Promise<number | null> {
  const pid = Number.parseInt(await readFile(lockFileOf(dataDir), 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && isRunning(pid) ? pid : null;
}

const lockFileOf = (dataDir: string) => path.join(dataDir, 'riktning.lock');

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) throw new DataDirLockedError(dataDir, pid);
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}
