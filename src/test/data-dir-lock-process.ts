// One contender for the data-directory race (src/db/data-dir-lock.test.ts). It stays up for
// many rounds (a process start costs more than a round): for each line "<dir> <startAt>" on
// stdin it waits until the clock reads startAt, so that every contender starts together,
// tries to lock the directory, and answers one line: "won", "locked <pid>" or "failed <why>".
// A directory it won stays locked by it until it exits.
import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.ts';

async function contend(dir: string, startAt: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now() - 2)));
  // The last milliseconds spinning: a timer fires up to a few ms late, which would let the
  // first contender finish before the last begins.
  while (Date.now() < startAt);
  try {
    await lockDataDir(dir);
    return 'won';
  } catch (error) {
    if (error instanceof DataDirLockedError) return `locked ${error.pid}`;
    return `failed ${error instanceof Error ? error.message : String(error)}`;
  }
}

const lines = createInterface({ input: process.stdin });
console.log('ready');
for await (const line of lines) {
  const [dir, startAt] = line.split(' ');
  if (dir && startAt) console.log(await contend(dir, Number(startAt)));
}
