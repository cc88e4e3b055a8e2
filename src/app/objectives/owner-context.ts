// Loads what the policy needs to judge an action on an objective, a key result or an
// activity: the owning objective's level and owner, and whether its cycle is closed.
import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import type { PolicyObject } from '../../core/policy.ts';
import type { Queryable } from '../../db/connect.ts';
import { activities, cycles, keyResults, objectives } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { OrgActor } from '../scope.ts';
import { preparedByShape } from '../../db/prepared-shapes.ts';
import { readableByParams, readerParams, readsEverything } from './records.ts';

export type ObjectiveRow = typeof objectives.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;

export function objectivePolicyObject(
  objective: Pick<ObjectiveRow, 'level' | 'unitId' | 'personId'>,
  cycleStatus: string,
): PolicyObject {
  return {
    level: objective.level as ObjectiveLevel,
    unitId: objective.unitId,
    personId: objective.personId,
    cycleClosed: cycleStatus === 'closed',
  };
}

/** The objective (locked for update when asked) and its policy object; archived ones are not found. */
export async function loadObjective(q: Queryable, orgId: string, id: string, lock = false) {
  const query = q
    .select({ objective: objectives, cycleStatus: cycles.status })
    .from(objectives)
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, id)));
  const [row] = lock ? await query.for('update', { of: objectives }) : await query;
  if (!row) throw notFound('objective');
  return { objective: row.objective, policy: objectivePolicyObject(row.objective, row.cycleStatus) };
}

/**
 * The key result, its objective and whether `readable` (readableBy's condition; none: all
 * may) holds for that objective, in one statement.
 */
function selectKeyResult(q: Queryable, orgId: string | Placeholder, id: string | Placeholder, readable?: SQL) {
  return q
    .select({
      keyResult: keyResults,
      objective: objectives,
      cycleStatus: cycles.status,
      readable: readable ? sql<boolean>`coalesce((${readable}), false)` : sql<boolean>`true`,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, id)));
}

type KeyResultSelection = Awaited<ReturnType<typeof selectKeyResult>>[number];

function keyResultPolicy(row: KeyResultSelection): PolicyObject {
  return { ...objectivePolicyObject(row.objective, row.cycleStatus), keyResultOwnerId: row.keyResult.ownerId };
}

/** The loaded key result with its policy object; archived ones (or of archived objectives) are not found. */
function keyResultContext(row: KeyResultSelection | undefined) {
  if (!row || row.objective.archivedAt) throw notFound('keyResult');
  return { keyResult: row.keyResult, objective: row.objective, policy: keyResultPolicy(row) };
}

export async function loadKeyResult(q: Queryable, orgId: string, id: string, lock = false) {
  const query = selectKeyResult(q, orgId, id);
  const [row] = lock ? await query.for('update', { of: keyResults }) : await query;
  return keyResultContext(row);
}

/** The key result to restore, locked: archived or not, and whatever its objective's state. */
export async function loadKeyResultToRestore(q: Queryable, orgId: string, id: string) {
  const [row] = await selectKeyResult(q, orgId, id).for('update', { of: keyResults });
  if (!row) throw notFound('keyResult');
  return { keyResult: row.keyResult, objective: row.objective, policy: keyResultPolicy(row) };
}

/**
 * loadReadableKeyResult's statement, prepared once per database: the objective page reads
 * each key result's check-ins and activities behind it. An admin reads every objective.
 */
const readableKeyResultStatement = preparedByShape(
  'readable_key_result',
  (everything: boolean) => String(everything),
  (q, name, everything) =>
    selectKeyResult(
      q,
      sql.placeholder('orgId'),
      sql.placeholder('id'),
      everything ? undefined : readableByParams(objectives),
    ).prepare(name),
);

/**
 * The key result, for reading it or its history: not found as loadKeyResult has it, and
 * its objective not found when the actor may not read it (private, or a draft of someone
 * else). One statement where loading and then checking the objective took two.
 */
export async function loadReadableKeyResult(q: Queryable, actor: OrgActor, id: string) {
  const everything = readsEverything(actor);
  const [row] = await readableKeyResultStatement(q, everything).execute({
    orgId: actor.orgId,
    id,
    ...(everything ? {} : readerParams(actor)),
  });
  const loaded = keyResultContext(row);
  if (!row?.readable) throw notFound('objective');
  return loaded;
}

function selectActivity(q: Queryable, orgId: string, id: string, lock: boolean) {
  const query = q
    .select({ activity: activities, keyResult: keyResults, objective: objectives, cycleStatus: cycles.status })
    .from(activities)
    .innerJoin(keyResults, eq(keyResults.id, activities.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)));
  return lock ? query.for('update', { of: activities }) : query;
}

type ActivitySelection = Awaited<ReturnType<typeof selectActivity>>[number];

function activityContext(row: ActivitySelection) {
  return {
    activity: row.activity,
    keyResult: row.keyResult,
    objective: row.objective,
    policy: {
      ...objectivePolicyObject(row.objective, row.cycleStatus),
      keyResultOwnerId: row.keyResult.ownerId,
      activityOwnerId: row.activity.ownerId,
    },
  };
}

/** The activity and its policy object; one under an archived key result or objective is not found. */
export async function loadActivity(q: Queryable, orgId: string, id: string, lock = false) {
  const [row] = await selectActivity(q, orgId, id, lock);
  if (!row || row.keyResult.archivedAt || row.objective.archivedAt) throw notFound('activity');
  return activityContext(row);
}

/** The activity to restore, locked: archived or not, and whatever its key result's and objective's state. */
export async function loadActivityToRestore(q: Queryable, orgId: string, id: string) {
  const [row] = await selectActivity(q, orgId, id, true);
  if (!row) throw notFound('activity');
  return activityContext(row);
}
