import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import { objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { presentObjectives, type ObjectiveView } from './present.ts';
import { selectObjectiveRecords } from './records.ts';

export interface ListObjectivesInput extends PageRequest {
  cycleId?: string;
  level?: ObjectiveLevel;
  unitId?: string;
  personId?: string;
}

export async function listObjectives(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListObjectivesInput,
): Promise<Page<ObjectiveView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const conditions: (SQL | undefined)[] = [
    input.cycleId ? eq(objectives.cycleId, input.cycleId) : undefined,
    input.level ? eq(objectives.level, input.level) : undefined,
    input.unitId ? eq(objectives.unitId, input.unitId) : undefined,
    input.personId ? eq(objectives.personId, input.personId) : undefined,
  ];
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, ['string', 'string']) as [string, string];
    const after = new Date(createdAt);
    conditions.push(or(gt(objectives.createdAt, after), and(eq(objectives.createdAt, after), gt(objectives.id, id))));
  }
  const records = await selectObjectiveRecords(deps.db, actor, conditions, { limit: limit + 1 });
  const page = toPage(
    records,
    limit,
    (r) => r,
    (r) => [r.objective.createdAt.toISOString(), r.objective.id],
  );
  return { items: await presentObjectives(deps.db, actor, page.items, deps.now()), nextCursor: page.nextCursor };
}
