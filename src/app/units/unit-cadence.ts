// What a unit's check-in cadence would be without its own: the nearest unit above that sets
// one, else the organisation's (core/cadence.ts resolves the same for a whole tree at once).
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { queryRows } from '../../db/raw.ts';
import { DEFAULT_SETTINGS } from '../orgs/org-view.ts';
import { MAX_DEPTH } from './unit-tree.ts';

/** The cadence in days that a unit beneath `parentId` (null: at the top) inherits. */
export async function inheritedCadenceDays(q: Queryable, orgId: string, parentId: string | null): Promise<number> {
  const [row] = await queryRows<{ days: number | null }>(
    q,
    sql`
    with recursive up(id, parent_id, days, depth) as (
      select id, parent_id, check_in_cadence_days, 0 from units
       where id = ${parentId} and org_id = ${orgId} and archived_at is null
      union all
      select p.id, p.parent_id, p.check_in_cadence_days, up.depth + 1 from units p join up on p.id = up.parent_id
       where up.days is null and p.org_id = ${orgId} and p.archived_at is null and up.depth < ${MAX_DEPTH}
    )
    select coalesce(
      (select days from up where days is not null order by depth limit 1),
      (select (settings ->> 'checkInCadenceDays')::int from organizations where id = ${orgId})
    ) as days`,
  );
  return row?.days ?? DEFAULT_SETTINGS.checkInCadenceDays;
}
