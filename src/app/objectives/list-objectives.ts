import type { ObjectiveLevel } from '../../core/domain.ts';
import type { AppDeps, Caller } from '../context.ts';
import { pageSize, parseTimeCursor, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg, isUuid } from '../scope.ts';
import { loadObjectiveViews } from './objective-views.ts';
import type { ObjectiveView } from './present.ts';

export interface ListObjectivesInput extends PageRequest {
  cycleId?: string;
  level?: ObjectiveLevel;
  unitId?: string;
  personId?: string;
  /** Only these objectives (a comma-separated list in the query string). */
  ids?: string[];
  /** Only objectives that support this one (directly or through one of its key results). */
  supportsId?: string;
  /** Only objectives that support this key result. */
  supportsKeyResultId?: string;
  /** Only objectives that serve this strategy theme. */
  themeId?: string;
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
  const views = await loadObjectiveViews(
    deps.db,
    actor,
    {
      cycleId: input.cycleId,
      level: input.level,
      unitId: input.unitId,
      personId: input.personId,
      // An id that is not a uuid names no objective.
      ids: input.ids?.filter(isUuid),
      supportsId: input.supportsId,
      supportsKeyResultId: input.supportsKeyResultId,
      themeId: input.themeId,
      q: input.q,
      after: parseTimeCursor(input.cursor),
      limit: limit + 1,
    },
    deps.now(),
  );
  return toPage(
    views,
    limit,
    (view) => view,
    (view) => [view.createdAt, view.id],
  );
}
