// Key results across objectives, e.g. "the key results I own" with those due for a check-in.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { isCheckInDue } from '../../core/check-in-due.ts';
import { OWNER_ME, type CycleStatus } from '../../core/domain.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import { cycles, keyResults, objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { pageSize, parseTimeCursor, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { cadenceFor, loadCadences } from '../check-ins/cadences.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { presentKeyResult, type KeyResultView } from '../objectives/present.ts';
import { readableByParams, readerParams, readsEverything } from '../objectives/records.ts';
import { filtersGiven, type ListShape, listShapeKey, param, preparedByShape } from '../../db/prepared-shapes.ts';
import { selectKeyResultsInContext } from './in-context.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListKeyResultsInput extends PageRequest {
  /** A person's id, or `OWNER_ME`. */
  ownerId?: string;
  cycleId?: string;
  cycleStatus?: CycleStatus;
}

export interface KeyResultInContext extends KeyResultView {
  objectiveTitle: string;
  cycleId: string;
  cycleName: string;
  /** The first day of the cycle: before it nothing falls due. */
  cycleStartsOn: string;
  /** Days between check-ins for this key result (its unit's cadence, else the organisation's). */
  cadenceDays: number;
  /** The owner has not checked in within the cadence. */
  due: boolean;
}

const FILTERS = {
  ownerId: () => eq(keyResults.ownerId, param('ownerId')),
  cycleId: () => eq(objectives.cycleId, param('cycleId')),
  cycleStatus: () => eq(cycles.status, param('cycleStatus')),
  after: () =>
    sql`(${keyResults.createdAt}, ${keyResults.id}) > (${param('afterTime')}::timestamptz, ${param('afterId')}::uuid)`,
} satisfies Record<string, () => SQL>;
type FilterName = keyof typeof FILTERS;

/**
 * The statement for one shape of question, prepared once per database: every page of the
 * bell and of My OKRs asks for the caller's key results, and building the query each time
 * cost more than running it.
 */
const statementFor = preparedByShape(
  'key_result_list',
  listShapeKey,
  (q, name, { filters, everything, rows }: ListShape<FilterName>) =>
    selectKeyResultsInContext(q, {})
      .where(
        and(
          eq(keyResults.orgId, param('orgId')),
          isNull(keyResults.archivedAt),
          isNull(objectives.archivedAt),
          everything ? undefined : readableByParams(objectives),
          ...filters.map((filter) => FILTERS[filter]()),
        ),
      )
      .orderBy(asc(keyResults.createdAt), asc(keyResults.id))
      .limit(literalLimit(rows))
      .prepare(name),
);

export async function listKeyResults(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListKeyResultsInput,
): Promise<Page<KeyResultInContext>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const after = parseTimeCursor(input.cursor);
  const cadences = await loadCadences(deps.db, actor.orgId, deps.caches);
  const everything = readsEverything(actor);
  const ownerId = input.ownerId === OWNER_ME ? actor.accountId : input.ownerId;
  const given = { ownerId, cycleId: input.cycleId, cycleStatus: input.cycleStatus, after };
  const filters = filtersGiven(FILTERS, given);
  const rows = await statementFor(deps.db, { filters, everything, rows: limit + 1 }).execute({
    orgId: actor.orgId,
    ...(everything ? {} : readerParams(actor)),
    ownerId,
    cycleId: input.cycleId,
    cycleStatus: input.cycleStatus,
    afterTime: after?.[0],
    afterId: after?.[1],
  });
  const now = deps.now();
  return toPage(
    rows,
    limit,
    ({ kr, objective, cycle, ownerName }) => {
      const { start, end } = cycleBounds(cycle);
      const started = now >= start;
      return {
        ...presentKeyResult(
          kr,
          ownerName,
          expectedProgress(start, end, now),
          actor,
          objectivePolicyObject(objective, cycle.status),
        ),
        objectiveTitle: objective.title,
        cycleId: objective.cycleId,
        cycleName: cycle.name,
        cycleStartsOn: cycle.startsOn,
        cadenceDays: cadenceFor(cadences, objective.unitId),
        // Nothing falls due before the cycle starts, nor after it is closed.
        due:
          cycle.status !== 'closed' &&
          started &&
          isCheckInDue(
            kr.lastCheckInAt,
            kr.createdAt,
            cadenceFor(cadences, objective.unitId),
            now,
            objective.doneAt !== null,
          ),
      };
    },
    ({ kr }) => [kr.createdAt.toISOString(), kr.id],
  );
}
