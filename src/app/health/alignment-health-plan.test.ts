// Alignment health walks up the "supports" graph with a lookup per step. Each lookup must
// go through the alignments' primary key, which leads with org_id (migration 0026): a
// step that named only the objective read the whole table, 5,642 times for the scale data
// set's quarter (4.7 s for the organisation home's figures instead of 0.4 s).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCycle, createOrg, createUnit } from '../../test/factories.ts';
import { testDatabase } from '../../test/test-db.ts';
import { queryRows } from '../../db/raw.ts';
import { alignmentScans, BY_ORGANISATION_KEY, loadAlignedObjectives } from '../../test/aligned-objectives.ts';
import type { OrgActor } from '../scope.ts';
import { objectiveFigureParts } from './alignment-health.ts';

describe('alignment health at scale', () => {
  it("looks up each step up the supports graph by the alignments' key, org_id first, never by reading it all", async () => {
    const { db } = await testDatabase();
    const { org, owner } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const unit = await createUnit(db, org.id);
    await loadAlignedObjectives(db, { orgId: org.id, cycleId: cycle.id, unitId: unit.id }, 2000);
    const actor: OrgActor = { orgId: org.id, accountId: owner.id, role: 'owner', ledUnitIds: new Set() };
    const parts = objectiveFigureParts(actor, { id: cycle.id, parentId: null }, null, true);
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      db,
      sql`explain with recursive ${parts.ctes} select ${parts.columns}`,
    );
    const scans = alignmentScans(plan);
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(scan).toMatch(BY_ORGANISATION_KEY);
  });
});
