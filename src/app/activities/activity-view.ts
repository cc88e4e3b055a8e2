// How an activity is shown: with its owner's name and whether the caller may change it.
import { eq, sql } from 'drizzle-orm';
import { decodeCursor } from '../pagination.ts';
import type { ActivityStatus } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, activities } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import { loadActivity, type ActivityRow } from '../objectives/owner-context.ts';

export interface ActivityView {
  id: string;
  keyResultId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  status: ActivityStatus;
  dueOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { 'activity.manage': boolean };
}

export const presentActivity = (row: ActivityRow, ownerName: string | null, mayManage: boolean): ActivityView => ({
  id: row.id,
  keyResultId: row.keyResultId,
  title: row.title,
  ownerId: row.ownerId,
  ownerName,
  status: row.status as ActivityStatus,
  dueOn: row.dueOn,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  abilities: { 'activity.manage': mayManage },
});

export async function viewActivity(q: Queryable, actor: OrgActor, id: string): Promise<ActivityView> {
  const { activity, policy } = await loadActivity(q, actor.orgId, id);
  const [owner] = activity.ownerId
    ? await q.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, activity.ownerId))
    : [];
  return presentActivity(activity, owner?.name ?? null, can(actor, 'activity.manage', policy));
}

/** Activities are ordered by due date (undated last), then by when they were added; also the cursor key. */
export const activityOrder = sql<string>`coalesce(${activities.dueOn}::text, '9999-12-31') || ${activities.createdAt}::text`;

/** The (sort key, id) a cursor of an activities list holds, when there is one. */
export const activityCursor = (cursor: string | undefined): [string, string] | undefined =>
  cursor ? (decodeCursor(cursor, ['string', 'string']) as [string, string]) : undefined;

/**
 * After the activity at (`afterKey`, `afterId`) in `activityOrder`: the placeholders of a
 * prepared list's next page.
 */
export const activityAfterByParams = sql`(${activityOrder} > ${sql.placeholder('afterKey')}::text
  or (${activityOrder} = ${sql.placeholder('afterKey')}::text and ${activities.id} > ${sql.placeholder('afterId')}::uuid))`;
