// Removing a comment: its author, or an admin moderating. The row stays (flagged), so the
// conversation keeps its order and replies still read in context; its text and author are
// no longer shown to anyone. The audit log keeps what it said.
import { eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { comments } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { loadCommentForChange } from './load-comment.ts';

export async function removeComment(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'comment', id);
    const { comment, objective } = await loadCommentForChange(tx, actor, id);
    if (!can(actor, 'comment.delete', { commentAuthorId: comment.authorId })) throw forbidden();
    const [after] = await tx
      .update(comments)
      .set({ deletedAt: deps.now(), version: comment.version + 1 })
      .where(eq(comments.id, id))
      .returning();
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'comment.delete',
      entityType: 'comment',
      entityId: id,
      objectiveId: objective.id,
      unitId: objective.unitId,
      before: { authorId: comment.authorId, keyResultId: comment.keyResultId, body: comment.body },
      after: { deletedAt: after?.deletedAt ?? null },
    });
  });
}
