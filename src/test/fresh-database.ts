// A database of its own for tests that need an empty one (migrations from zero, the
// first-run set-up): a fresh PostgreSQL database on the postgres project, dropped
// afterwards, or an in-memory PGlite.
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/connect.ts';
import { testEngine } from './test-db.ts';

/**
 * A fresh, empty PostgreSQL database next to TEST_DATABASE_URL, dropped afterwards. Created and
 * dropped over POSTGRES_ADMIN_URL when set: straight to PostgreSQL where TEST_DATABASE_URL goes
 * through a pooler (CI), whose idle connections to it the forced drop ends.
 */
export async function withFreshPostgres(work: (url: string) => Promise<void>): Promise<void> {
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = `riktning_fresh_${Date.now()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.POSTGRES_ADMIN_URL || base.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
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
