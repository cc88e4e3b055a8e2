import { and, eq } from 'drizzle-orm';
import { comments } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import { notFound } from '../errors.ts';
import type { OrgActor } from '../scope.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';
import { loadObjective } from '../objectives/owner-context.ts';

/**
 * A comment to change, locked, with its objective. A removed comment is not found: there is
 * nothing left of it to edit or remove. Nor is one on an objective the actor may not read.
 */
export async function loadCommentForChange(q: Queryable, actor: OrgActor, id: string) {
  const [comment] = await q
    .select()
    .from(comments)
    .where(and(eq(comments.orgId, actor.orgId), eq(comments.id, id)))
    .for('update');
  if (!comment || comment.deletedAt) throw notFound('comment');
  await assertObjectiveReadable(q, actor, comment.objectiveId);
  const { objective } = await loadObjective(q, actor.orgId, comment.objectiveId);
  return { comment, objective };
}
