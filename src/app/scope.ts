// Tenant scoping lives here, not in each route: a caller reaches an organisation only
// through a membership, and a resource only through the organisation it belongs to.
// Ids of another organisation (or of nothing) answer not_found, never forbidden, so
// they reveal nothing.
import { sql } from 'drizzle-orm';
import type { Subject } from '../core/policy.ts';
import type { OrgRole } from '../core/domain.ts';
import type { Queryable } from '../db/connect.ts';
import { queryRows } from '../db/raw.ts';
import type { Caller } from './context.ts';
import { notFound } from './errors.ts';

export interface OrgActor extends Subject {
  orgId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Tables addressed by id in the API, each with an org_id column. */
export const SCOPED_TABLES = {
  unit: 'units',
  cycle: 'cycles',
  objective: 'objectives',
  keyResult: 'key_results',
  activity: 'activities',
  comment: 'comments',
} as const;
export type ScopedEntity = keyof typeof SCOPED_TABLES;

/** The caller as a member of one organisation, with the units they lead (and those beneath). */
export async function actorInOrg(q: Queryable, caller: Caller, orgId: string): Promise<OrgActor> {
  if (!isUuid(orgId)) throw notFound('organization');
  const [row] = await queryRows<{ role: OrgRole; led: string[] }>(
    q,
    sql`
    with recursive led(id) as (
      select u.id from unit_members um join units u on u.id = um.unit_id
       where um.org_id = ${orgId} and um.account_id = ${caller.accountId} and um.role = 'lead'
         and u.archived_at is null
      union
      select c.id from units c join led on c.parent_id = led.id
       where c.org_id = ${orgId} and c.archived_at is null
    )
    select m.role, coalesce((select json_agg(id) from led), '[]'::json) as led
      from memberships m where m.org_id = ${orgId} and m.account_id = ${caller.accountId}`,
  );
  if (!row) throw notFound('organization');
  return { orgId, accountId: caller.accountId, role: row.role, ledUnitIds: new Set(row.led) };
}

/** The caller as a member of the organisation that owns one resource. */
export async function actorForResource(
  q: Queryable,
  caller: Caller,
  entity: ScopedEntity,
  id: string,
): Promise<OrgActor> {
  if (!isUuid(id)) throw notFound(entity);
  const table = sql.identifier(SCOPED_TABLES[entity]);
  const [row] = await queryRows<{ org_id: string }>(
    q,
    sql`
    select t.org_id from ${table} t
      join memberships m on m.org_id = t.org_id and m.account_id = ${caller.accountId}
     where t.id = ${id}`,
  );
  if (!row) throw notFound(entity);
  return actorInOrg(q, caller, row.org_id);
}
