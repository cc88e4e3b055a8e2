// The embedded database's daily backup, made by the server that holds it: at start when
// the newest backup is a day old (or there is none), then checked every hour; old ones
// pruned. `riktning backup` asks a running server for one now (SIGUSR2, see main.ts), as
// only the process holding the database may read it.
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import { listBackups, pruneBackups, writeBackup, type BackupFile } from '../db/backup.ts';

const DAY_MS = 86_400_000;

export interface BackupScheduleOptions {
  backupsDir: string;
  /** Days a backup is kept; 0 turns the daily backup off (`riktning backup` still works). */
  keepDays: number;
  now: () => Date;
  log: FastifyBaseLogger;
  checkEveryMs?: number;
}

export interface BackupSchedule {
  /** A backup now, whatever the schedule (one at a time: a second call waits for the first). */
  backupNow(): Promise<BackupFile>;
  stop(): Promise<void>;
}

export function startBackupSchedule(handle: DatabaseHandle, options: BackupScheduleOptions): BackupSchedule {
  const { backupsDir, keepDays, now, log } = options;
  let running: Promise<unknown> = Promise.resolve();

  // One backup at a time: each waits for the one before, whether it succeeded or not.
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => {});
    return next;
  };

  const backupNow = () =>
    serialised(async () => {
      const started = Date.now();
      const backup = await writeBackup(handle, backupsDir, now());
      log.info({ file: backup.file, bytes: backup.bytes, ms: Date.now() - started }, 'backup written');
      if (keepDays > 0) {
        const removed = await pruneBackups(backupsDir, keepDays, now());
        if (removed.length > 0) log.info({ removed }, 'old backups removed');
      }
      return backup;
    });

  const backupIfDue = async () => {
    const [newest] = await listBackups(backupsDir);
    if (!newest || now().getTime() - newest.takenAt.getTime() >= DAY_MS) await backupNow();
  };
  const check = () => {
    backupIfDue().catch((error: unknown) => log.error({ err: error }, 'backup failed'));
  };

  const timer = keepDays > 0 ? setInterval(check, options.checkEveryMs ?? 3_600_000) : undefined;
  timer?.unref();
  if (keepDays > 0) check();

  return {
    backupNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
