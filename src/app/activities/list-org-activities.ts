// Activities across the organisation's action plans, e.g. "my activities".
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActivityStatus } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { accounts, activities, cycles, keyResults, objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { readableBy } from '../objectives/records.ts';
import { activityOrder, presentActivity, type ActivityView } from './activity-view.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListOrgActivitiesInput extends PageRequest {
  ownerId?: string;
  status?: ActivityStatus;
}

export interface ActivityInContext extends ActivityView {
  keyResultTitle: string;
  objectiveId: string;
  objectiveTitle: string;
}

const owner = alias(accounts, 'owner');

/** Ordered by due date (undated last), then by when they were added. */
export async function listOrgActivities(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListOrgActivitiesInput,
): Promise<Page<ActivityInContext>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const sortKey = activityOrder;
  let after;
  if (input.cursor) {
    const [key, id] = decodeCursor(input.cursor, ['string', 'string']) as [string, string];
    after = or(gt(sortKey, key), and(eq(sortKey, key), gt(activities.id, id)));
  }
  const rows = await deps.db
    .select({
      activity: activities,
      kr: keyResults,
      objective: objectives,
      cycleStatus: cycles.status,
      ownerName: owner.name,
      sortKey,
    })
    .from(activities)
    .innerJoin(keyResults, eq(keyResults.id, activities.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(owner, eq(owner.id, activities.ownerId))
    .where(
      and(
        eq(activities.orgId, actor.orgId),
        isNull(activities.archivedAt),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        readableBy(actor),
        input.ownerId ? eq(activities.ownerId, input.ownerId) : undefined,
        input.status ? eq(activities.status, input.status) : undefined,
        after,
      ),
    )
    .orderBy(sortKey, activities.id)
    .limit(literalLimit(limit + 1));
  return toPage(
    rows,
    limit,
    ({ activity, kr, objective, cycleStatus, ownerName }) => ({
      ...presentActivity(
        activity,
        ownerName,
        can(actor, 'activity.manage', {
          ...objectivePolicyObject(objective, cycleStatus),
          keyResultOwnerId: kr.ownerId,
          activityOwnerId: activity.ownerId,
        }),
      ),
      keyResultTitle: kr.title,
      objectiveId: objective.id,
      objectiveTitle: objective.title,
    }),
    ({ sortKey: key, activity }) => [key, activity.id],
  );
}
