// Activities across the organisation's action plans, e.g. "my activities".
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActivityStatus } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { accounts, activities, cycles, keyResults, objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { readableByParams, readerParams, readsEverything } from '../objectives/records.ts';
import {
  activityAfterByParams,
  activityCursor,
  activityOrder,
  presentActivity,
  type ActivityView,
} from './activity-view.ts';
import { literalLimit } from '../../db/raw.ts';
import { filtersGiven, type ListShape, listShapeKey, param, preparedByShape } from '../../db/prepared-shapes.ts';

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

const FILTERS = {
  ownerId: () => eq(activities.ownerId, param('ownerId')),
  status: () => eq(activities.status, param('status')),
  after: () => activityAfterByParams,
} satisfies Record<string, () => SQL>;
type FilterName = keyof typeof FILTERS;

/**
 * The statement for one shape of question, prepared once per database: My OKRs asks for
 * the caller's activities on every visit. Of the key result and objective, only what the
 * answer and the policy need.
 */
const statementFor = preparedByShape(
  'org_activities',
  listShapeKey,
  (q, name, { filters, everything, rows }: ListShape<FilterName>) =>
    q
      .select({
        activity: activities,
        kr: { ownerId: keyResults.ownerId, title: keyResults.title },
        objective: {
          id: objectives.id,
          title: objectives.title,
          level: objectives.level,
          unitId: objectives.unitId,
          personId: objectives.personId,
        },
        cycleStatus: cycles.status,
        ownerName: owner.name,
        sortKey: activityOrder,
      })
      .from(activities)
      .innerJoin(keyResults, eq(keyResults.id, activities.keyResultId))
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .leftJoin(owner, eq(owner.id, activities.ownerId))
      .where(
        and(
          eq(activities.orgId, param('orgId')),
          isNull(activities.archivedAt),
          isNull(keyResults.archivedAt),
          isNull(objectives.archivedAt),
          everything ? undefined : readableByParams(objectives),
          ...filters.map((filter) => FILTERS[filter]()),
        ),
      )
      .orderBy(activityOrder, activities.id)
      .limit(literalLimit(rows))
      .prepare(name),
);

/** Ordered by due date (undated last), then by when they were added. */
export async function listOrgActivities(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListOrgActivitiesInput,
): Promise<Page<ActivityInContext>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const after = activityCursor(input.cursor);
  const everything = readsEverything(actor);
  const given = { ownerId: input.ownerId, status: input.status, after };
  const filters = filtersGiven(FILTERS, given);
  const rows = await statementFor(deps.db, { filters, everything, rows: limit + 1 }).execute({
    orgId: actor.orgId,
    ...(everything ? {} : readerParams(actor)),
    ownerId: input.ownerId,
    status: input.status,
    afterKey: after?.[0],
    afterId: after?.[1],
  });
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
