import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { CycleStatus } from '../../core/domain.ts';
import { cycles } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { invalid } from '../errors.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg, isUuid } from '../scope.ts';
import { presentCycle, type CycleView } from './cycle-view.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListCyclesInput extends PageRequest {
  status?: CycleStatus;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The organisation's cycles, latest start first (ties by id, so pages never overlap). */
export async function listCycles(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListCyclesInput,
): Promise<Page<CycleView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const conditions: SQL[] = [eq(cycles.orgId, actor.orgId)];
  if (input.status) conditions.push(eq(cycles.status, input.status));
  if (input.cursor) {
    const [startsOn, id] = decodeCursor(input.cursor, ['string', 'string']).map(String);
    // The cursor is ours, but it travels through the client: check before the database casts it.
    if (!startsOn || !ISO_DATE.test(startsOn) || Number.isNaN(Date.parse(startsOn)) || !id || !isUuid(id)) {
      throw invalid('/query/cursor', 'cursor_invalid');
    }
    conditions.push(sql`(${cycles.startsOn}, ${cycles.id}) < (${startsOn}::date, ${id}::uuid)`);
  }
  // Both keys descending, so the (org_id, starts_on, id) index serves the order read backwards.
  const rows = await deps.db
    .select()
    .from(cycles)
    .where(and(...conditions))
    .orderBy(desc(cycles.startsOn), desc(cycles.id))
    .limit(literalLimit(limit + 1));
  return toPage(rows, limit, presentCycle, (row) => [row.startsOn, row.id]);
}
