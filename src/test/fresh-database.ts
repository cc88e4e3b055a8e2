// A database of its own for tests that need an empty one (migrations from zero, the
// first-run set-up): a fresh PostgreSQL database on the postgres project, dropped
// afterwards, or an in-memory PGlite.
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/connect.ts';
import { testDatabase, testEngine } from './test-db.ts';

/**
 * A fresh, empty PostgreSQL database next to TEST_DATABASE_URL, and how to drop it. Created and
 * dropped over POSTGRES_ADMIN_URL when set: straight to PostgreSQL where TEST_DATABASE_URL goes
 * through a pooler (CI), whose idle connections to it the forced drop ends.
 */
async function createFreshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = `riktning_fresh_${Date.now()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.POSTGRES_ADMIN_URL || base.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** `work` on a fresh, empty PostgreSQL database (createFreshPostgres), dropped afterwards. */
export async function withFreshPostgres(work: (url: string) => Promise<void>): Promise<void> {
  const fresh = await createFreshPostgres();
  try {
    await work(fresh.url);
  } finally {
    await fresh.drop();
  }
}

/**
 * A migrated database for one test file alone, for tests that change what every
 * organisation on the database shares (on PostgreSQL all files share one; on PGlite the
 * file's database is its own already). `close` after the file.
 */
export async function openOwnDatabase(): Promise<{ handle: DatabaseHandle; close(): Promise<void> }> {
  // The file's own PGlite, closed after the file by per-file-setup.ts.
  if (testEngine() !== 'postgres') return { handle: await testDatabase(), close: async () => undefined };
  const fresh = await createFreshPostgres();
  const handle = await openPostgres(fresh.url, 4);
  const close = async () => {
    try {
      await handle.close();
    } finally {
      await fresh.drop();
    }
  };
  try {
    await handle.migrate();
  } catch (error) {
    await close();
    throw error;
  }
  return { handle, close };
}

/** An empty, unmigrated database of the engine under test, closed (and dropped) afterwards. */
export async function withEmptyDatabase(work: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const run = async (handle: DatabaseHandle) => {
    try {
      await work(handle);
    } finally {
      await handle.close();
    }
  };
  if (testEngine() === 'postgres') await withFreshPostgres(async (url) => run(await openPostgres(url, 4)));
  else await run(await openPglite());
}

/** A migrated, empty database of the engine under test, closed (and dropped) afterwards. */
export async function withFreshDatabase(work: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  await withEmptyDatabase(async (handle) => {
    await handle.migrate();
    await work(handle);
  });
}
