// Check-ins get time-ordered ids (UUID version 7, migration 0029), so that a new check-in's
// entries in the primary key and the index on id go to the end of each index instead of to
// a random page.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCycle, createKeyResult, createObjective, createOrg } from '../test/factories.ts';
import { testDatabase } from '../test/test-db.ts';
import { checkIns } from './schema.ts';
import { queryRows } from './raw.ts';

/** The Unix milliseconds in a version 7 UUID's first 48 bits. */
const millisecondsOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('check-in ids', () => {
  it('are version 7 UUIDs carrying the time they were made, in the order they were made', async () => {
    const { db } = await testDatabase();
    const { org } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const objective = await createObjective(db, org.id, cycle.id);
    const kr = await createKeyResult(db, org.id, objective.id);
    const ids: string[] = [];
    const before = Date.now();
    for (let i = 0; i < 5; i++) {
      const [row] = await db
        .insert(checkIns)
        .values({ orgId: org.id, keyResultId: kr.id, value: i, confidence: 5 })
        .returning({ id: checkIns.id });
      ids.push(row?.id ?? '');
      // Ordered by the millisecond: within one, the rest of the id is random.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(millisecondsOf(id)).toBeGreaterThanOrEqual(before - 1000);
      expect(millisecondsOf(id)).toBeLessThanOrEqual(after + 1000);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('are unique among many made in one statement, in the same millisecond', async () => {
    const { db } = await testDatabase();
    const rows = await queryRows<{ n: number; distinct: number }>(
      db,
      sql`select count(*)::int as n, count(distinct id)::int as distinct
            from (select riktning_uuid7() as id from generate_series(1, 10000)) ids`,
    );
    expect(rows[0]).toEqual({ n: 10000, distinct: 10000 });
  });
});
