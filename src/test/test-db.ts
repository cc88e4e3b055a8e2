// The database for tests: PGlite in memory (always), or the PostgreSQL server named by
// TEST_DATABASE_URL (migrated once by the global set-up). One database per test file;
// tests stay apart by each making a fresh organisation, so they never truncate.
import { inject } from 'vitest';
import { openPglite, openPgliteFromImage, openPostgres, type DatabaseHandle } from '../db/connect.ts';
import { readImage } from './database-images.ts';

export type TestEngine = 'pglite' | 'postgres';
export const testEngine = (): TestEngine => (process.env.RIKTNING_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');

let handle: Promise<DatabaseHandle> | undefined;

async function open(): Promise<DatabaseHandle> {
  if (testEngine() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('RIKTNING_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
    return openPostgres(url, 4);
  }
  // A copy of the run's migrated database (pglite-global-setup.ts), or one of its own.
  const image = inject('migratedImage');
  if (image) return openPgliteFromImage(await readImage(image));
  const db = await openPglite();
  await db.migrate();
  return db;
}

export function testDatabase(): Promise<DatabaseHandle> {
  handle ??= open();
  return handle;
}

/**
 * Closes the file's database, if it opened one, and forgets it: a worker runs file after
 * file (isolate: false), and each file gets a database of its own. After each file
 * (per-file-setup.ts).
 */
export async function closeTestDatabase(): Promise<void> {
  const closing = handle;
  handle = undefined;
  await (await closing)?.close();
}
