import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backupName, listBackups } from '../db/backup.ts';
import { testDatabase, testEngine } from '../test/test-db.ts';
import { startBackupSchedule } from './backup-schedule.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe.runIf(testEngine() === 'pglite')('the daily backup', () => {
  it('backs up at start when there is none, not again the same day, and prunes what is older than kept', async () => {
    const handle = await testDatabase();
    const backupsDir = await mkdtemp(path.join(tmpdir(), 'riktning-schedule-'));
    dirs.push(backupsDir);
    let now = new Date('2026-12-20T03:00:00Z');
    const old = backupName(new Date('2026-12-01T03:00:00Z'));
    await writeFile(path.join(backupsDir, old), 'an old backup');
    const log = pino({ level: 'silent' });

    const options = { backupsDir, keepDays: 14, now: () => now, log, checkEveryMs: 60_000 };
    const first = startBackupSchedule(handle, options);
    // The old one (19 days) goes once the new one is written.
    await expect
      .poll(async () => (await listBackups(backupsDir)).map((backup) => backup.takenAt), { timeout: 20_000 })
      .toEqual([now]);
    await first.stop();

    // Started again twelve hours later: the day's backup is there, so none is made.
    now = new Date('2026-12-20T15:00:00Z');
    const second = startBackupSchedule(handle, options);
    await second.stop();
    expect((await listBackups(backupsDir)).map((backup) => backup.takenAt)).toEqual([new Date('2026-12-20T03:00:00Z')]);

    // On demand, whatever the schedule; both stay (a day is within the 14 kept).
    const asked = await second.backupNow();
    expect(asked.takenAt).toEqual(now);
    expect(await listBackups(backupsDir)).toHaveLength(2);
  }, 60_000);

  it('makes no daily backup when the days kept are 0, but still one on demand', async () => {
    const handle = await testDatabase();
    const backupsDir = await mkdtemp(path.join(tmpdir(), 'riktning-schedule-'));
    dirs.push(backupsDir);
    const schedule = startBackupSchedule(handle, {
      backupsDir,
      keepDays: 0,
      now: () => new Date('2026-12-20T03:00:00Z'),
      log: pino({ level: 'silent' }),
    });
    await schedule.stop();
    expect(await listBackups(backupsDir)).toEqual([]);
    await schedule.backupNow();
    expect(await listBackups(backupsDir)).toHaveLength(1);
  }, 60_000);
});
