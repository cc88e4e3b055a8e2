// Recounting an objective's supporters (migration 0030) first locks the supporting
// objectives. It must find them by the alignments' index on what they support, which leads
// with org_id (0026): the version of 0006 named only `supports_id` and read the whole index
// on every change of alignments.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alignmentScans, BY_ORGANISATION_KEY, loadAlignedObjectives } from '../test/aligned-objectives.ts';
import { createCycle, createOrg, createUnit } from '../test/factories.ts';
import { testDatabase } from '../test/test-db.ts';
import { queryRows } from './raw.ts';

describe('recounting supporters', () => {
  it('locks the supporting objectives found by key, org_id first', async () => {
    const { db } = await testDatabase();
    const { org } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const unit = await createUnit(db, org.id);
    const supported = await loadAlignedObjectives(db, { orgId: org.id, cycleId: cycle.id, unitId: unit.id }, 2000);
    const [fn] = await queryRows<{ src: string }>(
      db,
      sql`select prosrc as src from pg_proc
           where proname = 'riktning_refresh_supporters' and pronamespace = 'public'::regnamespace`,
    );
    // The function's locking statement, as installed, for two of the supported objectives.
    const lock = /PERFORM 1 (FROM[\s\S]*?FOR SHARE OF c);/.exec(fn?.src ?? '')?.[1];
    expect(lock).toBeDefined();
    const ids = `array[${supported
      .slice(0, 2)
      .map((id) => `'${id}'`)
      .join(',')}]::uuid[]`;
    // Whether it can find them by key: on a table this small the planner may rightly prefer
    // to read it all, so reading all is ruled out here; by `supports_id` alone the best left
    // is a scan of the whole index, which the check below refuses.
    const plan = await db.transaction(async (tx) => {
      await queryRows(tx, sql`set local enable_seqscan = off`);
      await queryRows(tx, sql`set local enable_hashjoin = off`);
      return queryRows<{ 'QUERY PLAN': string }>(
        tx,
        sql.raw(`explain select 1 ${(lock ?? '').replace(/\bids\b/g, ids)}`),
      );
    });
    const scans = alignmentScans(plan);
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(scan).toMatch(BY_ORGANISATION_KEY);
  });
});
