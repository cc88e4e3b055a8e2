// A key result read with what presenting it needs: its objective, the objective's cycle and
// the owner's name. Lists and check-ins select it the same way.
import { eq, sql } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/connect.ts';
import { accounts, cycles, keyResults, objectives } from '../../db/schema.ts';

const owner = alias(accounts, 'owner');

/**
 * `select` of key results joined to their objective, cycle and owner, with `extra` fields
 * besides; `q` may be a database, a transaction or one with common table expressions.
 */
export function selectKeyResultsInContext<Extra extends SelectedFields>(q: Pick<Queryable, 'select'>, extra: Extra) {
  return q
    .select({ kr: keyResults, objective: objectives, cycle: cycles, ownerName: owner.name, ...extra })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(owner, eq(owner.id, keyResults.ownerId));
}

/** The name of the account in the statement's `authorId` placeholder (who is checking in), read with the rest. */
export const authorNameField = sql<
  string | null
>`(select a.name from accounts a where a.id = ${sql.placeholder('authorId')}::uuid)`;
