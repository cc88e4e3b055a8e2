// Alignment health walks up the "supports" graph with a lookup per step. Each lookup must
// go through the alignments' primary key, which leads with org_id (migration 0026): a
// step that named only the objective read the whole table, 5,642 times for the scale data
// set's quarter (4.7 s for the organisation home's figures instead of 0.4 s).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCycle, createOrg, createUnit } from '../../test/factories.ts';
import { testDatabase } from '../../test/test-db.ts';
import { queryRows } from '../../db/raw.ts';
import type { OrgActor } from '../scope.ts';
import { objectiveFigureParts } from './alignment-health.ts';

describe('alignment health at scale', () => {
  it("looks up each step up the supports graph by the alignments' key, org_id first, never by reading it all", async () => {
    const { db } = await testDatabase();
    const { org, owner } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const unit = await createUnit(db, org.id);
    // 2,000 unit objectives, each supporting one of 20 organisation objectives.
    await queryRows(
      db,
      sql`with parents as (
            insert into objectives (org_id, cycle_id, level, title)
            select ${org.id}::uuid, ${cycle.id}::uuid, 'organization', 'Goal ' || n from generate_series(1, 20) n
            returning id),
          children as (
            insert into objectives (org_id, cycle_id, level, unit_id, title)
            select ${org.id}::uuid, ${cycle.id}::uuid, 'unit', ${unit.id}::uuid, 'Team goal ' || n
              from generate_series(1, 2000) n
            returning id)
          insert into alignments (org_id, objective_id, supports_id)
          select ${org.id}::uuid, c.id, (select id from parents order by id offset (abs(hashtext(c.id::text)) % 20) limit 1)
            from children c
          returning objective_id`,
    );
    await queryRows(db, sql`analyze alignments`);
    await queryRows(db, sql`analyze objectives`);
    const actor: OrgActor = { orgId: org.id, accountId: owner.id, role: 'owner', ledUnitIds: new Set() };
    const parts = objectiveFigureParts(actor, { id: cycle.id, parentId: null }, null, true);
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      db,
      sql`explain with recursive ${parts.ctes} select ${parts.columns}`,
    );
    const lines = plan.map((row) => row['QUERY PLAN']);
    // Each scan of alignments, with the condition it looks up by (the line after it).
    const scans = lines.flatMap((line, i) => (/ on alignments a\b/.test(line) ? [`${line}\n${lines[i + 1]}`] : []));
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(scan).toMatch(/Index (Only )?Scan[^\n]*\n\s*Index Cond: \(\(org_id = /);
  });
});
