// A comment on an objective (optionally about one of its key results). Everyone who can
// read the objective may comment, except viewers. Mentions are checked and mailed as
// comment-mentions.ts says; the mentioned and the objective's owners are told in the
// inbox as notify-comment.ts says.
import { and, eq } from 'drizzle-orm';
import { mentionedIds } from '../../core/mentions.ts';
import { can } from '../../core/policy.ts';
import { accounts, comments, keyResults } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';
import { loadObjective } from '../objectives/owner-context.ts';
import { presentComment, type CommentView } from './comment-view.ts';
import { checkMentions, mailMentioned } from './comment-mentions.ts';
import { notifyComment } from './notify-comment.ts';
import { emitWebhookEvents } from '../webhooks/emit.ts';

export interface AddCommentInput {
  body: string;
  keyResultId?: string;
}

export async function addComment(
  deps: AppDeps,
  caller: Caller,
  objectiveId: string,
  input: AddCommentInput,
): Promise<CommentView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', objectiveId);
    await assertObjectiveReadable(tx, actor, objectiveId);
    if (!can(actor, 'comment.create')) throw forbidden();
    const { objective } = await loadObjective(tx, actor.orgId, objectiveId);
    if (input.keyResultId) {
      const [kr] = await tx
        .select({ id: keyResults.id })
        .from(keyResults)
        .where(
          and(
            eq(keyResults.orgId, actor.orgId),
            eq(keyResults.id, input.keyResultId),
            eq(keyResults.objectiveId, objectiveId),
          ),
        );
      if (!kr) throw invalid('/body/keyResultId', 'unknown_reference');
    }
    const mentioned = await checkMentions(tx, actor.orgId, objective, input.body);

    const [row] = await tx
      .insert(comments)
      .values({
        orgId: actor.orgId,
        objectiveId,
        keyResultId: input.keyResultId ?? null,
        authorId: caller.accountId,
        body: input.body,
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'comment.create',
      entityType: 'comment',
      entityId: row.id,
      objectiveId,
      unitId: objective.unitId,
      after: { keyResultId: row.keyResultId, body: row.body, mentions: mentionedIds(row.body) },
    });
    await mailMentioned(tx, deps, {
      orgId: actor.orgId,
      authorId: caller.accountId,
      objective,
      commentId: row.id,
      body: row.body,
      people: mentioned,
    });
    await notifyComment(tx, {
      orgId: actor.orgId,
      authorId: caller.accountId,
      objective,
      commentId: row.id,
      mentioned,
      toOwners: true,
      now: row.createdAt,
    });
    const [author] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, caller.accountId));
    const view = presentComment(row, author?.name ?? null, actor);
    await emitWebhookEvents(deps, tx, actor.orgId, 'comment.created', [view], row.createdAt);
    return view;
  });
}
