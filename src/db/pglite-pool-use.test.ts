// The embedded database runs one statement at a time (pglite-queue.ts): /metrics shows those waiting for it,
// and none once they are done, failed ones included.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite } from './connect.ts';
import { testEngine } from '../test/test-db.ts';

// The embedded database's own: the PostgreSQL project would only run it again.
describe.skipIf(testEngine() === 'postgres')('the embedded database’s pool use', () => {
  it('counts the calls waiting their turn, and none once they are done', async () => {
    const handle = await openPglite();
    try {
      expect(handle.poolUse()).toEqual({ total: 1, idle: 1, waiting: 0 });
      // A transaction holds the connection until the gate opens; three calls queue behind it.
      let open = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      const all = Promise.all([
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await gate;
        }),
        handle.db.execute(sql`select 2`),
        handle.db.execute(sql`select 3`),
        handle.db.execute(sql`select * from no_such_table`).catch(() => 'refused'),
      ]);
      await nextTurn();
      expect(handle.poolUse()).toEqual({ total: 1, idle: 0, waiting: 3 });
      open();
      expect(await all).toContain('refused');
      // The queue hands the database on, or frees it, on the next turn of the event loop.
      await nextTurn();
      expect(handle.poolUse()).toEqual({ total: 1, idle: 1, waiting: 0 });
    } finally {
      await handle.close();
    }
  }, 60_000);
});
