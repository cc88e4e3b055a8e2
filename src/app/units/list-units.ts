import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { unitMembers, units } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { invalid } from '../errors.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg, isUuid } from '../scope.ts';
import { presentUnit, type UnitView } from './unit-view.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListUnitsInput extends PageRequest {
  /** Only the children of this unit; `root` for the units at the top. */
  parentId?: string;
}

/** The organisation's units (not archived), flat with parentId, by name. */
export async function listUnits(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListUnitsInput,
): Promise<Page<UnitView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const counts = deps.db
    .select({ unitId: unitMembers.unitId, n: sql<number>`count(*)::int`.as('n') })
    .from(unitMembers)
    .where(eq(unitMembers.orgId, actor.orgId))
    .groupBy(unitMembers.unitId)
    .as('counts');
  const conditions: SQL[] = [eq(units.orgId, actor.orgId), isNull(units.archivedAt)];
  if (input.parentId === 'root') conditions.push(isNull(units.parentId));
  else if (input.parentId !== undefined) {
    if (!isUuid(input.parentId)) throw invalid('/query/parentId', 'format', { format: 'uuid' });
    conditions.push(eq(units.parentId, input.parentId));
  }
  if (input.cursor) {
    const [name, id] = decodeCursor(input.cursor, ['string', 'string']);
    if (!isUuid(String(id))) throw invalid('/query/cursor', 'cursor_invalid');
    conditions.push(sql`(${units.name}, ${units.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await deps.db
    .select({ ...getTableColumns(units), memberCount: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number) })
    .from(units)
    .leftJoin(counts, eq(counts.unitId, units.id))
    .where(and(...conditions))
    .orderBy(asc(units.name), asc(units.id))
    .limit(literalLimit(limit + 1));
  return toPage(
    rows,
    limit,
    (row) => presentUnit(row, row.memberCount),
    (row) => [row.name, row.id],
  );
}
