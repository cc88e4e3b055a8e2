// Which strategy themes an objective serves: any objective may name them, so a team with
// no organisation objective to support in a cycle still aligns its own to the strategy.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { objectiveThemes, strategyThemes } from '../../db/schema.ts';
import { invalid } from '../errors.ts';
import type { OrgActor } from '../scope.ts';

/**
 * Makes `objectiveId` serve exactly `themeIds` (left out: unchanged). A theme of another
 * organisation, or none, is a 422 at its place in the list. Runs in the caller's transaction.
 */
export async function replaceThemes(tx: Tx, actor: OrgActor, objectiveId: string, themeIds: string[] | undefined) {
  if (themeIds === undefined) return;
  const ids = [...new Set(themeIds)];
  if (ids.length > 0) {
    const found = await tx
      .select({ id: strategyThemes.id })
      .from(strategyThemes)
      .where(and(eq(strategyThemes.orgId, actor.orgId), inArray(strategyThemes.id, ids)));
    const known = new Set(found.map((row) => row.id));
    const unknown = themeIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalid(`/body/themeIds/${unknown}`, 'unknown_reference');
  }
  await tx
    .delete(objectiveThemes)
    .where(
      and(
        eq(objectiveThemes.orgId, actor.orgId),
        eq(objectiveThemes.objectiveId, objectiveId),
        ids.length ? notInArray(objectiveThemes.themeId, ids) : undefined,
      ),
    );
  if (ids.length > 0) {
    await tx
      .insert(objectiveThemes)
      .values(ids.map((themeId) => ({ orgId: actor.orgId, objectiveId, themeId })))
      .onConflictDoNothing();
  }
}
