// Loads what the policy needs to judge an action on an objective, a key result or an
// activity: the owning objective's level and owner, and whether its cycle is closed.
import { and, eq, sql } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import type { PolicyObject } from '../../core/policy.ts';
import type { Queryable } from '../../db/connect.ts';
import { activities, cycles, keyResults, objectives } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { OrgActor } from '../scope.ts';
import { readableBy } from './records.ts';

export type ObjectiveRow = typeof objectives.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;

export function objectivePolicyObject(objective: ObjectiveRow, cycleStatus: string): PolicyObject {
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

export async function loadKeyResult(q: Queryable, orgId: string, id: string, lock = false) {
  const query = q
    .select({ keyResult: keyResults, objective: objectives, cycleStatus: cycles.status })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, id)));
  const [row] = lock ? await query.for('update', { of: keyResults }) : await query;
  if (!row || row.objective.archivedAt) throw notFound('keyResult');
  return {
    keyResult: row.keyResult,
    objective: row.objective,
    policy: { ...objectivePolicyObject(row.objective, row.cycleStatus), keyResultOwnerId: row.keyResult.ownerId },
  };
}

/**
 * The key result, for reading it or its history: not found when archived (or its objective
 * is), and its objective not found when the actor may not read it (private, or a draft of
 * someone else). One statement where loading and then checking the objective took two.
 */
export async function loadReadableKeyResult(q: Queryable, actor: OrgActor, id: string) {
  const readable = readableBy(actor);
  const [row] = await q
    .select({
      keyResult: keyResults,
      objective: objectives,
      cycleStatus: cycles.status,
      readable: readable ? sql<boolean>`coalesce((${readable}), false)` : sql<boolean>`true`,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(keyResults.orgId, actor.orgId), eq(keyResults.id, id)));
  if (!row || row.objective.archivedAt) throw notFound('keyResult');
  if (!row.readable) throw notFound('objective');
  return {
    keyResult: row.keyResult,
    objective: row.objective,
    policy: { ...objectivePolicyObject(row.objective, row.cycleStatus), keyResultOwnerId: row.keyResult.ownerId },
  };
}

export async function loadActivity(q: Queryable, orgId: string, id: string, lock = false) {
  const query = q
    .select({ activity: activities, keyResult: keyResults, objective: objectives, cycleStatus: cycles.status })
    .from(activities)
    .innerJoin(keyResults, eq(keyResults.id, activities.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)));
  const [row] = lock ? await query.for('update', { of: activities }) : await query;
  if (!row || row.keyResult.archivedAt || row.objective.archivedAt) throw notFound('activity');
  return {
    activity: row.activity,
    keyResult: row.keyResult,
    policy: {
      ...objectivePolicyObject(row.objective, row.cycleStatus),
      keyResultOwnerId: row.keyResult.ownerId,
      activityOwnerId: row.activity.ownerId,
    },
  };
}
