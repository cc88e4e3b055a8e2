import { and, eq, exists, ilike, inArray, type SQL } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import { alignments, objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { afterTimeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { containsPattern } from '../search.ts';
import { loadObjectiveViews } from './objective-views.ts';
import type { ObjectiveView } from './present.ts';

export interface ListObjectivesInput extends PageRequest {
  cycleId?: string;
  level?: ObjectiveLevel;
  unitId?: string;
  personId?: string;
  /** Only these objectives (a comma-separated list in the query string). */
  ids?: string[];
  /** Only objectives that support this one. */
  supportsId?: string;
  /** Title contains this text, case-insensitively. */
  q?: string;
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
    input.ids
      ? inArray(objectives.id, input.ids.length ? input.ids : ['00000000-0000-0000-0000-000000000000'])
      : undefined,
    input.supportsId
      ? exists(
          deps.db
            .select({ one: alignments.objectiveId })
            .from(alignments)
            .where(and(eq(alignments.objectiveId, objectives.id), eq(alignments.supportsId, input.supportsId))),
        )
      : undefined,
    input.q ? ilike(objectives.title, containsPattern(input.q)) : undefined,
  ];
  conditions.push(afterTimeCursor(input.cursor, objectives.createdAt, objectives.id));
  const views = await loadObjectiveViews(deps.db, actor, conditions, deps.now(), { limit: limit + 1 });
  return toPage(
    views,
    limit,
    (view) => view,
    (view) => [view.createdAt, view.id],
  );
}
