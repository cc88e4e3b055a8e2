// The author changes the text of their comment (nobody else may: see the policy). The
// audit log keeps what it said before. People the new text mentions for the first time
// are mailed and told in the inbox; those mentioned before were told then (and the dedupe
// and unique keys say so too).
import { eq } from 'drizzle-orm';
import { mentionedIds } from '../../core/mentions.ts';
import { can } from '../../core/policy.ts';
import { accounts, comments } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion } from '../versioning.ts';
import { checkMentions, mailMentioned } from './comment-mentions.ts';
import { notifyComment } from './notify-comment.ts';
import { presentComment, type CommentView } from './comment-view.ts';
import { loadCommentForChange } from './load-comment.ts';

export async function updateComment(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: { body: string },
): Promise<CommentView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'comment', id);
    const { comment: before, objective } = await loadCommentForChange(tx, actor, id);
    if (!can(actor, 'comment.update', { commentAuthorId: before.authorId })) throw forbidden();
    assertVersion(before.version, version);
    const mentioned = await checkMentions(tx, actor.orgId, objective, input.body);
    const [after] = await tx
      .update(comments)
      .set({ body: input.body, editedAt: deps.now(), version: before.version + 1 })
      .where(eq(comments.id, id))
      .returning();
    if (!after) throw new Error('update returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'comment.update',
      entityType: 'comment',
      entityId: id,
      objectiveId: objective.id,
      unitId: objective.unitId,
      before: { body: before.body, mentions: mentionedIds(before.body) },
      after: { body: after.body, mentions: mentionedIds(after.body) },
    });
    const mentionedBefore = new Set(mentionedIds(before.body));
    const newlyMentioned = mentioned.filter((person) => !mentionedBefore.has(person.accountId));
    await mailMentioned(tx, deps, {
      orgId: actor.orgId,
      authorId: caller.accountId,
      objective,
      commentId: id,
      body: after.body,
      people: newlyMentioned,
    });
    await notifyComment(tx, {
      orgId: actor.orgId,
      authorId: caller.accountId,
      objective,
      commentId: id,
      mentioned: newlyMentioned,
      toOwners: false,
      now: deps.now(),
    });
    const [author] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, caller.accountId));
    return presentComment(after, author?.name ?? null, actor);
  });
}
