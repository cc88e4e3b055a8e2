// /readyz says ready only when the database answers and has every migration of this build;
// otherwise a 503 problem naming which, so a load balancer holds traffic back and a person
// reading it knows what to fix.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildServer } from '../app.ts';
import { openPglite, openPostgres, type DatabaseHandle } from '../../db/connect.ts';
import { testServer } from '../../test/server.ts';
import { testEngine } from '../../test/test-db.ts';
import { withEmptyDatabase } from '../../test/fresh-database.ts';

const NO_SERVER_URL = 'postgres://postgres@127.0.0.1:1/nothing';
const closed = async (handle: DatabaseHandle) => {
  await handle.close();
  return handle;
};

async function readyzOn(handle: DatabaseHandle) {
  const app = await buildServer({ deps: { db: handle.db, now: () => new Date() } });
  try {
    return await app.inject({ method: 'GET', url: '/readyz', headers: { 'accept-language': 'en' } });
  } finally {
    await app.close();
  }
}

describe('/readyz', () => {
  it('is ready on a migrated database', async () => {
    const { app } = await testServer();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
  });

  it('is not ready while a migration is missing, and says how many', async () => {
    await withEmptyDatabase(async (handle) => {
      const fresh = await readyzOn(handle);
      expect(fresh.statusCode).toBe(503);
      expect(fresh.headers['content-type']).toContain('application/problem+json');
      expect(fresh.json()).toMatchObject({ code: 'migrations_pending', database: 'ok', migrations: 'pending' });
      const all = fresh.json<{ pendingMigrations: number }>().pendingMigrations;
      expect(all).toBeGreaterThan(20);

      await handle.migrate();
      expect((await readyzOn(handle)).statusCode).toBe(200);

      // As if this build carried one more migration than the database has seen.
      await handle.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      const behind = await readyzOn(handle);
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ code: 'migrations_pending', pendingMigrations: 1 });
      expect(behind.json<{ title: string }>().title).toContain('lacks 1 of');
    });
  }, 120_000); // migrating from zero takes a while on a loaded machine

  it('is not ready when the database does not answer', async () => {
    // A closed embedded database; a PostgreSQL server where none listens.
    const handle = testEngine() === 'postgres' ? await openPostgres(NO_SERVER_URL, 1) : await openPglite().then(closed);
    const down = await readyzOn(handle);
    await handle.close();
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'database_unavailable', database: 'unavailable' });
  });
});
