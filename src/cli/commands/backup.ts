// `riktning backup` and `riktning restore FILE`: the embedded database's backups (db/backup.ts),
// with the server stopped or running. Only the process holding the database may read it,
// so a running server is asked for the backup (SIGUSR2, server/main.ts) and a restore is
// staged for its next start.
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  backupsDirOf,
  countContents,
  listBackups,
  restoreBackup,
  stageRestore,
  UnreadableBackupError,
  writeBackup,
  type BackupContents,
  type BackupFile,
} from '../../db/backup.ts';
import { lockDataDir, lockHolder } from '../../db/data-dir-lock.ts';
import type { CommandContext } from '../context.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { openLocalDatabase } from '../local-api.ts';
import { writeJson } from '../output.ts';

/** How long `riktning backup` waits for a running server's backup. */
const SERVER_BACKUP_WAIT_MS = 120_000;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function embeddedOnly(context: CommandContext): void {
  if (context.databaseUrl) throw new CliError(EXIT.usage, context.messages.onPostgres);
}

/** Asks the running server `pid` for a backup and waits for the file to appear. */
async function backupByServer(pid: number, backupsDir: string, context: CommandContext): Promise<BackupFile> {
  context.stderr.write(`${context.messages.backupAskedServer(pid)}\n`);
  const before = new Set((await listBackups(backupsDir)).map((backup) => backup.file));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + SERVER_BACKUP_WAIT_MS;
  while (Date.now() < deadline) {
    await sleep(250);
    const made = (await listBackups(backupsDir)).find((backup) => !before.has(backup.file));
    if (made) return made;
  }
  throw new CliError(EXIT.unavailable, context.messages.backupTimedOut);
}

async function backupHere(context: CommandContext): Promise<{ backup: BackupFile; contents: BackupContents }> {
  const handle = await openLocalDatabase({ dataDir: context.dataDir, databaseUrl: undefined }, context.messages);
  try {
    const backup = await writeBackup(handle, backupsDirOf(context.dataDir), new Date());
    return { backup, contents: await countContents(handle) };
  } finally {
    await handle.close();
  }
}

export async function backupCommand(context: CommandContext): Promise<void> {
  embeddedOnly(context);
  const pid = await lockHolder(context.dataDir);
  const made = pid
    ? { backup: await backupByServer(pid, backupsDirOf(context.dataDir), context), contents: null }
    : await backupHere(context);
  let { file } = made.backup;
  if (context.options.out) {
    const copy = path.join(context.options.out, path.basename(file));
    await copyFile(file, copy);
    file = copy;
  }
  if (context.format === 'json') {
    return writeJson(context.stdout, { file, bytes: made.backup.bytes, contents: made.contents });
  }
  context.stdout.write(`${context.messages.backupWritten(file, megabytes(made.backup.bytes))}\n`);
  if (made.contents) context.stdout.write(`${context.messages.contents(made.contents)}\n`);
}

export async function restoreCommand(context: CommandContext): Promise<void> {
  embeddedOnly(context);
  const [file] = context.args;
  const { messages } = context;
  if (!file) throw new CliError(EXIT.usage, messages.missingArgument('FILE'));
  if (!existsSync(file)) throw new CliError(EXIT.usage, messages.fileMissing(file));
  try {
    const pid = await lockHolder(context.dataDir);
    if (pid) {
      const contents = await stageRestore(context.dataDir, file);
      if (context.format === 'json') return writeJson(context.stdout, { staged: true, contents });
      context.stdout.write(`${messages.contents(contents)}\n${messages.restoreStaged(pid)}\n`);
      return;
    }
    const release = await lockDataDir(context.dataDir);
    try {
      const restored = await restoreBackup(context.dataDir, path.resolve(file), new Date());
      if (context.format === 'json') return writeJson(context.stdout, { staged: false, ...restored });
      context.stdout.write(`${messages.restored} ${messages.contents(restored.contents)}\n`);
      if (restored.previous) context.stdout.write(`${messages.previousKept(restored.previous)}\n`);
    } finally {
      await release();
    }
  } catch (error) {
    if (error instanceof UnreadableBackupError)
      throw new CliError(EXIT.refused, messages.unreadableBackup(error.file, error.reason));
    throw error;
  }
}
