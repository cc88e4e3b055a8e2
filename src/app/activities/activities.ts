// The action plan: activities under a key result, each with an owner, a status and a due date.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ActivityStatus } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { accounts, activities } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { restoreRow, setArchived } from '../archive/set-archived.ts';
import { actorForResource } from '../scope.ts';
import { readGuarded } from '../guarded-read.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { assertMembers } from '../references.ts';
import { pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import {
  loadActivity,
  loadActivityToRestore,
  loadKeyResult,
  loadReadableKeyResult,
} from '../objectives/owner-context.ts';
import {
  activityAfterByParams,
  activityCursor,
  activityOrder,
  presentActivity,
  viewActivity,
  type ActivityView,
} from './activity-view.ts';
import { literalLimit } from '../../db/raw.ts';
import { preparedByShape, shapeKey } from '../../db/prepared-shapes.ts';

export interface ActivityInput {
  title: string;
  ownerId?: string | null;
  status?: ActivityStatus;
  dueOn?: string | null;
}

/** A page of a key result's action plan, prepared once per database and shape. */
const activityPage = preparedByShape(
  'activity_page',
  shapeKey,
  (q, name, { after, rows }: { after: boolean; rows: number }) =>
    q
      .select({ activity: activities, ownerName: accounts.name, sortKey: activityOrder })
      .from(activities)
      .leftJoin(accounts, eq(accounts.id, activities.ownerId))
      .where(
        and(
          eq(activities.orgId, sql.placeholder('orgId')),
          eq(activities.keyResultId, sql.placeholder('keyResultId')),
          isNull(activities.archivedAt),
          after ? activityAfterByParams : undefined,
        ),
      )
      .orderBy(asc(activityOrder), asc(activities.id))
      .limit(literalLimit(rows))
      .prepare(name),
);

/** Activities are ordered by due date (undated last), then by when they were added. */
export async function listActivities(
  deps: AppDeps,
  caller: Caller,
  keyResultId: string,
  input: PageRequest,
): Promise<Page<ActivityView>> {
  const actor = await actorForResource(deps.db, caller, 'keyResult', keyResultId);
  const limit = pageSize(input);
  const [{ policy }, rows] = await readGuarded(loadReadableKeyResult(deps.db, actor, keyResultId), async () => {
    // Read inside the guarded read: a bad cursor counts only once the guard has passed.
    const after = activityCursor(input.cursor);
    return activityPage(deps.db, { after: after !== undefined, rows: limit + 1 }).execute({
      orgId: actor.orgId,
      keyResultId,
      afterKey: after?.[0],
      afterId: after?.[1],
    });
  });
  return toPage(
    rows,
    limit,
    (r) =>
      presentActivity(
        r.activity,
        r.ownerName,
        can(actor, 'activity.manage', { ...policy, activityOwnerId: r.activity.ownerId }),
      ),
    (r) => [r.sortKey, r.activity.id],
  );
}

export async function createActivity(
  deps: AppDeps,
  caller: Caller,
  keyResultId: string,
  input: ActivityInput,
): Promise<ActivityView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', keyResultId);
    const { keyResult, policy } = await loadKeyResult(tx, actor.orgId, keyResultId);
    if (keyResult.archivedAt) throw notFound('keyResult');
    if (!can(actor, 'activity.manage', policy)) throw forbidden();
    if (input.ownerId) await assertMembers(tx, actor.orgId, [{ id: input.ownerId, field: '/body/ownerId' }]);
    const now = deps.now();
    const [row] = await tx
      .insert(activities)
      .values({
        orgId: actor.orgId,
        keyResultId,
        title: input.title.trim(),
        ownerId: input.ownerId ?? null,
        status: input.status ?? 'todo',
        dueOn: input.dueOn ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'activity.create',
      entityType: 'activity',
      entityId: row.id,
      objectiveId: keyResult.objectiveId,
      unitId: policy.unitId,
      after: row,
    });
    return viewActivity(tx, actor, row.id);
  });
}

export async function updateActivity(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: Partial<ActivityInput>,
): Promise<ActivityView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'activity', id);
    const { activity: before, keyResult, policy } = await loadActivity(tx, actor.orgId, id, true);
    if (before.archivedAt) throw notFound('activity');
    if (!can(actor, 'activity.manage', policy)) throw forbidden();
    assertVersion(before.version, version);
    if (input.ownerId) await assertMembers(tx, actor.orgId, [{ id: input.ownerId, field: '/body/ownerId' }]);
    const [after] = await tx
      .update(activities)
      .set({
        ...definedFields({ ...input, title: input.title?.trim() }),
        version: before.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(activities.id, id))
      .returning();
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      objectiveId: keyResult.objectiveId,
      unitId: policy.unitId,
      before,
      after,
    });
    return viewActivity(tx, actor, id);
  });
}

/** Archives the activity; answers its new version, which an undo names in If-Match. */
export async function archiveActivity(deps: AppDeps, caller: Caller, id: string): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'activity', id);
    const { policy } = await loadActivity(tx, actor.orgId, id, true);
    if (!can(actor, 'activity.manage', policy)) throw forbidden();
    return setArchived(tx, actor, 'activity', id, true, deps.now());
  });
}

/** Whoever may manage the activity may bring it back, once its key result and objective are live. */
export async function restoreActivity(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<ActivityView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'activity', id);
    const { activity, keyResult, objective, policy } = await loadActivityToRestore(tx, actor.orgId, id);
    if (!can(actor, 'activity.manage', policy)) throw forbidden();
    await restoreRow(tx, actor, 'activity', activity, version, deps.now(), { objective, keyResult });
    return viewActivity(tx, actor, id);
  });
}
