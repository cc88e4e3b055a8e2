// Backups of the embedded database: compressed copies of its data directory, kept in
// RIKTNING_DATA_DIR/backups (made daily by the server, server/backup-schedule.ts, and on
// demand by `riktning backup`), and the restore that puts one back. On PostgreSQL the
// database's own tools do this (docs/backup.md).
import { existsSync, openAsBlob } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from './raw.ts';
import {
  createPgliteFromBackup,
  dumpBackup,
  openPgliteFromImage,
  pgliteDirOf,
  type DatabaseHandle,
} from './connect.ts';

export const backupsDirOf = (dataDir: string): string => path.join(dataDir, 'backups');

/** A backup `riktning restore` staged while the server ran: the server restores it at its next start. */
export const pendingRestoreOf = (dataDir: string): string => path.join(dataDir, 'restore-pending.tar.gz');

const BACKUP_NAME = /^riktning-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;

/** 20261205T013000Z: a moment in a file name. */
const stampOf = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/** riktning-20261205T013000Z.tar.gz: sorts by time, and says when it was taken. */
export const backupName = (takenAt: Date): string => `riktning-${stampOf(takenAt)}.tar.gz`;

export interface BackupFile {
  file: string;
  takenAt: Date;
  bytes: number;
}

/** The backups in `backupsDir`, newest first (files of other names are not ours and are left alone). */
export async function listBackups(backupsDir: string): Promise<BackupFile[]> {
  const names = await readdir(backupsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const found: BackupFile[] = [];
  for (const name of names) {
    const parts = BACKUP_NAME.exec(name);
    if (!parts) continue;
    const [, year, month, day, hour, minute, second] = parts;
    const file = path.join(backupsDir, name);
    found.push({
      file,
      takenAt: new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`),
      bytes: (await stat(file)).size,
    });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * Writes a backup of the open embedded database into `backupsDir`. It appears under its
 * final name only once complete, so a reader (the schedule, `riktning backup` waiting on
 * the server) never takes a half-written file for a backup.
 */
export async function writeBackup(handle: DatabaseHandle, backupsDir: string, takenAt: Date): Promise<BackupFile> {
  await mkdir(backupsDir, { recursive: true });
  const image = await dumpBackup(handle);
  const file = path.join(backupsDir, backupName(takenAt));
  const partial = `${file}.partial`;
  await writeFile(partial, Buffer.from(await image.arrayBuffer()));
  await rename(partial, file);
  return { file, takenAt, bytes: image.size };
}

/** Removes the backups older than `keepDays`, always keeping the newest one; answers what it removed. */
export async function pruneBackups(backupsDir: string, keepDays: number, now: Date): Promise<string[]> {
  const oldest = now.getTime() - keepDays * 86_400_000;
  const expired = (await listBackups(backupsDir)).slice(1).filter((backup) => backup.takenAt.getTime() < oldest);
  for (const backup of expired) await rm(backup.file, { force: true });
  return expired.map((backup) => backup.file);
}

/** What a backup holds, as `riktning backup` and `restore` report it. */
export interface BackupContents {
  organizations: number;
  people: number;
  objectives: number;
  checkIns: number;
}

/** What is in a database; across organisations, as only an operator's tools ask. */
export async function countContents(handle: DatabaseHandle): Promise<BackupContents> {
  const [row] = await queryRows<{ organizations: number; people: number; objectives: number; check_ins: number }>(
    handle.db,
    sql`select (select count(*)::int from organizations) as organizations,
               (select count(*)::int from accounts) as people,
               (select count(*)::int from objectives) as objectives,
               (select count(*)::int from check_ins) as check_ins`,
  );
  if (!row) throw new Error('the count answered no row');
  return { organizations: row.organizations, people: row.people, objectives: row.objectives, checkIns: row.check_ins };
}

export class UnreadableBackupError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is not a Riktning backup that can be restored: ${reason}`);
  }
}

/** Opens a backup in memory and counts what it holds: a damaged file is refused before anything is replaced. */
export async function inspectBackup(file: string): Promise<BackupContents> {
  let probe: DatabaseHandle;
  try {
    probe = await openPgliteFromImage(await openAsBlob(file));
  } catch (error) {
    throw new UnreadableBackupError(file, error instanceof Error ? error.message : String(error));
  }
  try {
    return await countContents(probe);
  } catch (error) {
    throw new UnreadableBackupError(file, error instanceof Error ? error.message : String(error));
  } finally {
    await probe.close();
  }
}

export interface Restored {
  contents: BackupContents;
  /** Where the database that was replaced was moved, or null when the directory held none. */
  previous: string | null;
}

/**
 * Replaces the embedded database in `dataDir` by a backup. The caller holds the directory's
 * lock. The database it replaces is moved aside, not deleted, and put back if the restore fails.
 */
export async function restoreBackup(dataDir: string, file: string, now: Date): Promise<Restored> {
  const contents = await inspectBackup(file);
  const target = pgliteDirOf(dataDir);
  const previous = existsSync(target) ? `${target}.before-restore-${stampOf(now)}` : null;
  if (previous) await rename(target, previous);
  try {
    await createPgliteFromBackup(target, await openAsBlob(file));
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    if (previous) await rename(previous, target);
    throw error;
  }
  return { contents, previous };
}

/** Stages a backup to be restored at the server's next start (`riktning restore` while it runs). */
export async function stageRestore(dataDir: string, file: string): Promise<BackupContents> {
  const contents = await inspectBackup(file);
  const pending = pendingRestoreOf(dataDir);
  await copyFile(file, `${pending}.partial`);
  await rename(`${pending}.partial`, pending);
  return contents;
}

/** At start, with the directory locked: restores a staged backup, if there is one. */
export async function applyPendingRestore(dataDir: string, now: Date): Promise<Restored | null> {
  const pending = pendingRestoreOf(dataDir);
  if (!existsSync(pending)) return null;
  const restored = await restoreBackup(dataDir, pending, now);
  await rm(pending, { force: true });
  return restored;
}
