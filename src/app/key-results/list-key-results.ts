// Key results across objectives, e.g. "the key results I own" with those due for a check-in.
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isCheckInDue } from '../../core/check-in-due.ts';
import type { CycleStatus } from '../../core/domain.ts';
import { expectedProgress } from '../../core/progress.ts';
import { accounts, cycles, keyResults, objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { afterTimeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { cadenceFor, loadCadences } from '../check-ins/cadences.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { cycleBounds, presentKeyResult, type KeyResultView } from '../objectives/present.ts';
import { readableBy } from '../objectives/records.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListKeyResultsInput extends PageRequest {
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

const owner = alias(accounts, 'owner');

export async function listKeyResults(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListKeyResultsInput,
): Promise<Page<KeyResultInContext>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const after = afterTimeCursor(input.cursor, keyResults.createdAt, keyResults.id);
  const cadences = await loadCadences(deps.db, actor.orgId, deps.caches);
  const rows = await deps.db
    .select({ kr: keyResults, objective: objectives, cycle: cycles, ownerName: owner.name })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(owner, eq(owner.id, keyResults.ownerId))
    .where(
      and(
        eq(keyResults.orgId, actor.orgId),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        readableBy(actor),
        input.ownerId ? eq(keyResults.ownerId, input.ownerId) : undefined,
        input.cycleId ? eq(objectives.cycleId, input.cycleId) : undefined,
        input.cycleStatus ? eq(cycles.status, input.cycleStatus) : undefined,
        after,
      ),
    )
    .orderBy(keyResults.createdAt, keyResults.id)
    .limit(literalLimit(limit + 1));
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
          isCheckInDue(kr.lastCheckInAt, kr.createdAt, cadenceFor(cadences, objective.unitId), now),
      };
    },
    ({ kr }) => [kr.createdAt.toISOString(), kr.id],
  );
}
