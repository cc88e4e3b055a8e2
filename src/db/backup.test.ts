import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../app/demo/seed-demo.ts';
import { testEngine } from '../test/test-db.ts';
import {
  applyPendingRestore,
  backupName,
  backupsDirOf,
  inspectBackup,
  listBackups,
  pruneBackups,
  restoreBackup,
  stageRestore,
  UnreadableBackupError,
  writeBackup,
} from './backup.ts';
import { openPglite, pgliteDirOf, type DatabaseHandle } from './connect.ts';
import { queryRows } from './raw.ts';

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'riktning-backup-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Every check-in, as one fingerprint: the same rows give the same text. */
async function checkInFingerprint(handle: DatabaseHandle): Promise<{ count: number; digest: string }> {
  const [row] = await queryRows<{ count: number; digest: string }>(
    handle.db,
    sql`select count(*)::int as count,
               md5(coalesce(string_agg(id::text || ':' || value::text || ':' || confidence::text, ',' order by id), '')) as digest
        from check_ins`,
  );
  if (!row) throw new Error('no row');
  return row;
}

async function demoInDirectory(dataDir: string): Promise<DatabaseHandle> {
  const handle = await openPglite(dataDir);
  await handle.migrate();
  await seedDemo(handle.db, new Date('2026-11-02T09:00:00Z'));
  return handle;
}

// The embedded database's backups; PostgreSQL has its own tools (docs/backup.md).
describe.runIf(testEngine() === 'pglite')('backups of the embedded database', () => {
  it('restores a backup taken while the database serves into a fresh directory, with every check-in', async () => {
    const source = await tempDir();
    const handle = await demoInDirectory(source);
    const before = await checkInFingerprint(handle);
    expect(before.count).toBeGreaterThan(50);

    const backupsDir = backupsDirOf(source);
    const backup = await writeBackup(handle, backupsDir, new Date('2026-12-05T01:30:00Z'));
    await handle.close();
    expect(path.basename(backup.file)).toBe('riktning-20261205T013000Z.tar.gz');
    expect(await listBackups(backupsDir)).toEqual([expect.objectContaining({ file: backup.file })]);

    const target = await tempDir();
    const restored = await restoreBackup(target, backup.file, new Date());
    expect(restored.previous).toBeNull();
    expect(restored.contents).toMatchObject({ organizations: 1, checkIns: before.count });

    const reopened = await openPglite(target);
    try {
      expect(await checkInFingerprint(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('refuses a damaged file and leaves the database it would have replaced as it was', async () => {
    const dataDir = await tempDir();
    const handle = await demoInDirectory(dataDir);
    const before = await checkInFingerprint(handle);
    await handle.close();

    const damaged = path.join(dataDir, 'not-a-backup.tar.gz');
    await writeFile(damaged, 'this is not a backup');
    await expect(restoreBackup(dataDir, damaged, new Date())).rejects.toBeInstanceOf(UnreadableBackupError);

    const reopened = await openPglite(dataDir);
    try {
      expect(await checkInFingerprint(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('restores a staged backup at the next open and keeps the replaced database aside', async () => {
    const dataDir = await tempDir();
    const handle = await demoInDirectory(dataDir);
    const backup = await writeBackup(handle, backupsDirOf(dataDir), new Date('2026-12-01T00:00:00Z'));
    const atBackup = await checkInFingerprint(handle);
    // A change after the backup, which the restore takes back.
    await handle.db.execute(sql`delete from check_ins where id in (select id from check_ins limit 5)`);
    expect((await checkInFingerprint(handle)).count).toBe(atBackup.count - 5);

    expect(await stageRestore(dataDir, backup.file)).toMatchObject({ checkIns: atBackup.count });
    await handle.close();

    const restoredAt = new Date('2026-12-05T02:00:00Z');
    const reopened = await openPglite(dataDir, async () => {
      await applyPendingRestore(dataDir, restoredAt);
    });
    try {
      expect(await checkInFingerprint(reopened)).toEqual(atBackup);
    } finally {
      await reopened.close();
    }
    expect(await readdir(dataDir)).toContain(`${path.basename(pgliteDirOf(dataDir))}.before-restore-20261205T020000Z`);
    expect(await applyPendingRestore(dataDir, restoredAt)).toBeNull();
  }, 120_000);

  it('keeps backups for the days configured, and always the newest one', async () => {
    const dir = await tempDir();
    const now = new Date('2026-12-20T03:00:00Z');
    const days = [1, 5, 14, 15, 30];
    for (const daysAgo of days) {
      await writeFile(path.join(dir, backupName(new Date(now.getTime() - daysAgo * 86_400_000))), 'x');
    }
    await writeFile(path.join(dir, 'notes.txt'), 'not a backup: left alone');
    await utimes(path.join(dir, 'notes.txt'), new Date(0), new Date(0));

    const removed = await pruneBackups(dir, 14, now);
    expect(removed.map((file) => path.basename(file))).toEqual([
      backupName(new Date(now.getTime() - 15 * 86_400_000)),
      backupName(new Date(now.getTime() - 30 * 86_400_000)),
    ]);
    expect((await readdir(dir)).sort()).toEqual(
      [...[1, 5, 14].map((d) => backupName(new Date(now.getTime() - d * 86_400_000))), 'notes.txt'].sort(),
    );

    // Even when every backup is older than the limit, the newest stays.
    await pruneBackups(dir, 0, new Date('2027-06-01T00:00:00Z'));
    expect((await listBackups(dir)).map((backup) => path.basename(backup.file))).toEqual([
      backupName(new Date(now.getTime() - 86_400_000)),
    ]);
  });

  it('names what is wrong with a file that is not a backup', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'empty.tar.gz');
    await writeFile(file, '');
    await expect(inspectBackup(file)).rejects.toThrow(/empty\.tar\.gz is not a Riktning backup/);
  });
});
