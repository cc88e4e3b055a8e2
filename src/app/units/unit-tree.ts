// Queries over the unit tree. Each walk is one recursive CTE, scoped by organisation, with
// a depth guard so that even a damaged tree cannot make a query run forever.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isWithinTree } from '../tree.ts';
import type { Queryable } from '../../db/connect.ts';
import { preparedRows } from '../../db/raw.ts';
import { units } from '../../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { isUuid } from '../scope.ts';
import type { AppCaches } from '../caches.ts';

export const MAX_DEPTH = 1000;

export type UnitRow = typeof units.$inferSelect;

/** A unit of the organisation (archived or not), optionally locked for update. */
export async function findUnit(q: Queryable, orgId: string, id: string, lock = false): Promise<UnitRow> {
  if (!isUuid(id)) throw notFound('unit');
  const query = q
    .select()
    .from(units)
    .where(and(eq(units.id, id), eq(units.orgId, orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('unit');
  return row;
}

/** Archived units take no changes until they are restored. */
export function assertNotArchived(row: UnitRow): void {
  if (row.archivedAt) throw new AppError('conflict', 'archived', { entity: 'unit' });
}

/**
 * A parent must be a unit of the same organisation that is not archived. Its row stays
 * share-locked, so it cannot be archived while a unit is put beneath it.
 */
export async function assertUsableParent(q: Queryable, orgId: string, parentId: string, field: string): Promise<void> {
  const [row] = isUuid(parentId)
    ? await q
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, parentId), eq(units.orgId, orgId), isNull(units.archivedAt)))
        .for('share')
    : [];
  if (!row) throw invalid(field, 'unknown_reference');
}

/** True when `parentId` is `unitId` or lies beneath it: the move would close a loop. */
export const isWithin = (q: Queryable, orgId: string, unitId: string, parentId: string): Promise<boolean> =>
  isWithinTree(q, 'unit', orgId, unitId, parentId, MAX_DEPTH);

/** A unit and everything beneath it, and the people who belong to any of them. */
export interface UnitScope {
  unitIds: string[];
  personIds: string[];
}

/**
 * The scope of a unit that is not archived; another organisation's unit (or none) is not
 * found. `subunits: false` keeps only the unit itself and its own members. The unit pages'
 * panels (dashboard, alignment health, coach) each ask for it, so the server keeps it like
 * the memberships (caches.ts): cleared by every write to the unit tree or to who belongs
 * to a unit (`forgetActors`, `forgetCadences`).
 */
export async function unitScope(
  deps: { db: Queryable; caches?: AppCaches },
  orgId: string,
  unitId: string,
  { subunits = true }: { subunits?: boolean } = {},
): Promise<UnitScope> {
  if (!isUuid(unitId)) throw notFound('unit');
  const read = () => readUnitScope(deps.db, orgId, unitId, subunits);
  const scope = deps.caches ? await deps.caches.unitScopes.get(`${orgId}:${unitId}:${subunits}`, read) : await read();
  if (!scope) throw notFound('unit');
  return scope;
}

async function readUnitScope(
  q: Queryable,
  orgId: string,
  unitId: string,
  subunits: boolean,
): Promise<UnitScope | null> {
  const [row] = await preparedRows<{ unit_ids: string[]; person_ids: string[] }>(
    q,
    sql`
    with recursive down(id, depth) as (
      select id, 0 from units where id = ${unitId} and org_id = ${orgId} and archived_at is null
      union all
      select c.id, down.depth + 1 from units c join down on c.parent_id = down.id
       where c.org_id = ${orgId} and c.archived_at is null and down.depth < ${subunits ? MAX_DEPTH : 0}
    )
    select coalesce((select json_agg(id) from down), '[]'::json) as unit_ids,
           coalesce((select json_agg(distinct account_id) from unit_members
                      where org_id = ${orgId} and unit_id in (select id from down)), '[]'::json) as person_ids`,
  );
  if (!row || row.unit_ids.length === 0) return null;
  return { unitIds: row.unit_ids, personIds: row.person_ids };
}
