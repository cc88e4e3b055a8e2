// /readyz says ready only when the database answers and has every migration of this build;
// otherwise a 503 problem naming which, so a load balancer holds traffic back and a person
// reading it knows what to fix.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildServer } from '../app.ts';
import { openPglite, type DatabaseHandle } from '../../db/connect.ts';
import { testServer } from '../../test/server.ts';

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
    const handle = await openPglite();
    try {
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
    } finally {
      await handle.close();
    }
  });

  it('is not ready when the database does not answer', async () => {
    const handle = await openPglite();
    await handle.close();
    const down = await readyzOn(handle);
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'database_unavailable', database: 'unavailable' });
  });
});
