import { and, asc, eq } from 'drizzle-orm';
import { accounts, comments } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { actorForResource } from '../scope.ts';
import { readGuarded } from '../guarded-read.ts';
import { afterTimeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';
import { presentComment, type CommentView } from './comment-view.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListCommentsInput extends PageRequest {
  /** Only the comments about this key result. */
  keyResultId?: string;
}

/**
 * Comments oldest first, as a conversation reads; whoever may read the objective reads them.
 * Removed ones stay in their place, without text or author (see comment-view.ts).
 */
export async function listComments(
  deps: AppDeps,
  caller: Caller,
  objectiveId: string,
  input: ListCommentsInput,
): Promise<Page<CommentView>> {
  const actor = await actorForResource(deps.db, caller, 'objective', objectiveId);
  const limit = pageSize(input);
  const [, rows] = await readGuarded(assertObjectiveReadable(deps.db, actor, objectiveId), async () =>
    deps.db
      .select({ comment: comments, authorName: accounts.name })
      .from(comments)
      .leftJoin(accounts, eq(accounts.id, comments.authorId))
      .where(
        and(
          eq(comments.orgId, actor.orgId),
          eq(comments.objectiveId, objectiveId),
          input.keyResultId ? eq(comments.keyResultId, input.keyResultId) : undefined,
          afterTimeCursor(input.cursor, comments.createdAt, comments.id),
        ),
      )
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(literalLimit(limit + 1)),
  );
  return toPage(
    rows,
    limit,
    (r) => presentComment(r.comment, r.authorName, actor),
    (r) => [r.comment.createdAt.toISOString(), r.comment.id],
  );
}
