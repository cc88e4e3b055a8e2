// A comment on an objective (optionally about one of its key results). Everyone who can
// read the objective may comment, except viewers. Mentions must name members of the
// organisation (a token for anyone else is refused, so a stored comment never points at
// a stranger); each mentioned member who may read the objective, other than the author,
// gets one e-mail, enqueued in the comment's own transaction.
import { and, eq } from 'drizzle-orm';
import { excerpt, MAX_MENTIONS, mentionedIds } from '../../core/mentions.ts';
import { can } from '../../core/policy.ts';
import { accounts, comments, keyResults } from '../../db/schema.ts';
import { appLink, type AppDeps, type Caller } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';
import { loadObjective } from '../objectives/owner-context.ts';
import { enqueueMessage } from '../notifications/enqueue.ts';
import { presentComment, type CommentView } from './comment-view.ts';
import { mentionedMembers } from './mentioned-members.ts';

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
    const ids = mentionedIds(input.body);
    if (ids.length > MAX_MENTIONS) throw invalid('/body/body', 'too_many_mentions', { limit: MAX_MENTIONS });
    const mentioned = await mentionedMembers(
      tx,
      actor.orgId,
      {
        level: objective.level as 'organization' | 'unit' | 'person',
        personId: objective.personId,
        unitId: objective.unitId,
        visibility: objective.visibility as 'public' | 'private',
        lifecycle: objective.lifecycle as 'draft' | 'published' | 'closed',
      },
      ids,
    );
    if (mentioned.length < ids.length) throw invalid('/body/body', 'mention_not_member');

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
      after: { keyResultId: row.keyResultId, body: row.body, mentions: ids },
    });
    const [author] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, caller.accountId));
    const authorName = author?.name ?? '';
    const link = appLink(deps, `/orgs/${actor.orgId}/objectives/${objectiveId}#comment-${row.id}`);
    // At most MAX_MENTIONS people, so one enqueue each stays a small, bounded number of statements.
    for (const person of mentioned) {
      if (person.accountId === caller.accountId || !person.mayRead) continue;
      await enqueueMessage(tx, {
        orgId: actor.orgId,
        recipientId: person.accountId,
        kind: 'mention',
        dedupeKey: `mention:${row.id}:${person.accountId}`,
        params: { authorName, objectiveTitle: objective.title, excerpt: excerpt(row.body), link },
      });
    }
    return presentComment(row, author?.name ?? null);
  });
}
