// Many unit objectives, each supporting one of a few organisation objectives, written in
// one statement: enough rows that the planner's choice between a lookup and a scan shows.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { queryRows } from '../db/raw.ts';

/** `count` unit objectives of `unitId`, each supporting one of `parents` organisation objectives; analysed. */
export async function loadAlignedObjectives(
  db: Queryable,
  at: { orgId: string; cycleId: string; unitId: string },
  count: number,
  parents = 20,
): Promise<string[]> {
  const rows = await queryRows<{ supports_id: string }>(
    db,
    sql`with parents as (
          insert into objectives (org_id, cycle_id, level, title)
          select ${at.orgId}::uuid, ${at.cycleId}::uuid, 'organization', 'Goal ' || n from generate_series(1, ${parents}::int) n
          returning id),
        children as (
          insert into objectives (org_id, cycle_id, level, unit_id, title)
          select ${at.orgId}::uuid, ${at.cycleId}::uuid, 'unit', ${at.unitId}::uuid, 'Team goal ' || n
            from generate_series(1, ${count}::int) n
          returning id)
        insert into alignments (org_id, objective_id, supports_id)
        select ${at.orgId}::uuid, c.id,
               (select id from parents order by id offset (abs(hashtext(c.id::text)) % ${parents}::int) limit 1)
          from children c
        returning supports_id`,
  );
  await queryRows(db, sql`analyze alignments`);
  await queryRows(db, sql`analyze objectives`);
  return [...new Set(rows.map((row) => row.supports_id))];
}

/** Each scan of `alignments a` in an EXPLAIN's lines, with the line after it: what it looks rows up by. */
export function alignmentScans(plan: { 'QUERY PLAN': string }[]): string[] {
  const lines = plan.map((row) => row['QUERY PLAN']);
  return lines.flatMap((line, i) => (/ on alignments a\b/.test(line) ? [`${line}\n${lines[i + 1] ?? ''}`] : []));
}

/** A scan that looks alignments up by their key's leading org_id, not one that reads them all. */
export const BY_ORGANISATION_KEY = /(Index|Index Only|Bitmap Heap) Scan[^\n]*\n\s*(Index|Recheck) Cond: \(\(org_id = /;
