// Who a comment mentions, and whether each of them may read the objective: one query for
// all of them, answered by core's canRead, so a private objective's comment never mails
// its text to someone who may not read it.
import { sql } from 'drizzle-orm';
import type { OrgRole } from '../../core/domain.ts';
import { canRead, type ReadableObjective } from '../../core/policy.ts';
import type { Queryable } from '../../db/connect.ts';
import { queryRows, uuidArray } from '../../db/raw.ts';

export interface MentionedMember {
  accountId: string;
  name: string;
  mayRead: boolean;
}

/** The members among `ids` (others are left out), with whether they may read the objective. */
export async function mentionedMembers(
  q: Queryable,
  orgId: string,
  objective: ReadableObjective,
  ids: readonly string[],
): Promise<MentionedMember[]> {
  if (ids.length === 0) return [];
  // Leading the objective's unit or any unit above it makes one its owner (as in actorInOrg).
  const rows = await queryRows<{ account_id: string; name: string; role: OrgRole; leads: boolean }>(
    q,
    sql`
    with recursive above(id, parent_id) as (
      select id, parent_id from units
       where org_id = ${orgId} and id = ${objective.unitId}::uuid and archived_at is null
      union
      select u.id, u.parent_id from units u join above on u.id = above.parent_id
       where u.org_id = ${orgId} and u.archived_at is null
    )
    select m.account_id, a.name, m.role,
           exists (select 1 from unit_members um
                    where um.org_id = ${orgId} and um.account_id = m.account_id and um.role = 'lead'
                      and um.unit_id in (select id from above)) as leads
      from memberships m join accounts a on a.id = m.account_id
     where m.org_id = ${orgId} and m.account_id = any(${uuidArray(ids)}) and m.deactivated_at is null`,
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    name: row.name,
    mayRead: canRead(
      {
        accountId: row.account_id,
        role: row.role,
        ledUnitIds: new Set(row.leads && objective.unitId ? [objective.unitId] : []),
      },
      objective,
    ),
  }));
}
