// Conversation on an objective (optionally about one of its key results). Everyone who
// can read an objective can read its comments; members and admins can write.
import { and, asc, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { accounts, comments, keyResults } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { decodeCursor, keysetAfter, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';

export interface CommentView {
  id: string;
  objectiveId: string;
  keyResultId: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

const present = (row: typeof comments.$inferSelect, authorName: string | null): CommentView => ({
  id: row.id,
  objectiveId: row.objectiveId,
  keyResultId: row.keyResultId,
  authorId: row.authorId,
  authorName,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});

export async function addComment(
  deps: AppDeps,
  caller: Caller,
  objectiveId: string,
  input: { body: string; keyResultId?: string },
): Promise<CommentView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', objectiveId);
    await assertObjectiveReadable(tx, actor, objectiveId);
    if (!can(actor, 'comment.create')) throw forbidden();
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
      entityType: 'objective',
      entityId: objectiveId,
      after: { commentId: row.id },
    });
    const [author] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, caller.accountId));
    return present(row, author?.name ?? null);
  });
}

/** Comments oldest first, as a conversation reads. */
export async function listComments(
  deps: AppDeps,
  caller: Caller,
  objectiveId: string,
  input: PageRequest,
): Promise<Page<CommentView>> {
  const actor = await actorForResource(deps.db, caller, 'objective', objectiveId);
  await assertObjectiveReadable(deps.db, actor, objectiveId);
  const limit = pageSize(input);
  let after;
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, ['string', 'string']) as [string, string];
    after = keysetAfter(comments.createdAt, comments.id, createdAt, id);
  }
  const rows = await deps.db
    .select({ comment: comments, authorName: accounts.name })
    .from(comments)
    .leftJoin(accounts, eq(accounts.id, comments.authorId))
    .where(and(eq(comments.orgId, actor.orgId), eq(comments.objectiveId, objectiveId), after))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => present(r.comment, r.authorName),
    (r) => [r.comment.createdAt.toISOString(), r.comment.id],
  );
}
