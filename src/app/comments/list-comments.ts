import { and, asc, eq } from 'drizzle-orm';
import { accounts, comments } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { actorForResource } from '../scope.ts';
import { readGuarded } from '../guarded-read.ts';
import { keysetAfter, pageSize, parseTimeCursor, toPage, type Page, type PageRequest } from '../pagination.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';
import { presentComment, type CommentView } from './comment-view.ts';
import { literalLimit } from '../../db/raw.ts';
import { param, preparedByShape, shapeKey } from '../../db/prepared-shapes.ts';

export interface ListCommentsInput extends PageRequest {
  /** Only the comments about this key result. */
  keyResultId?: string;
}

/** A page of an objective's conversation (or one key result's part of it), prepared once per database and shape. */
const commentPage = preparedByShape(
  'comment_page',
  shapeKey,
  (q, name, { keyResult, after, rows }: { keyResult: boolean; after: boolean; rows: number }) =>
    q
      .select({ comment: comments, authorName: accounts.name })
      .from(comments)
      .leftJoin(accounts, eq(accounts.id, comments.authorId))
      .where(
        and(
          eq(comments.orgId, param('orgId')),
          eq(comments.objectiveId, param('objectiveId')),
          keyResult ? eq(comments.keyResultId, param('keyResultId')) : undefined,
          after ? keysetAfter(comments.createdAt, comments.id, param('afterTime'), param('afterId')) : undefined,
        ),
      )
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(literalLimit(rows))
      .prepare(name),
);

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
  const [, rows] = await readGuarded(assertObjectiveReadable(deps.db, actor, objectiveId), async () => {
    // Read inside the guarded read: a bad cursor counts only once the guard has passed.
    const after = parseTimeCursor(input.cursor);
    return commentPage(deps.db, {
      keyResult: input.keyResultId !== undefined,
      after: after !== undefined,
      rows: limit + 1,
    }).execute({
      orgId: actor.orgId,
      objectiveId,
      keyResultId: input.keyResultId,
      afterTime: after?.[0],
      afterId: after?.[1],
    });
  });
  return toPage(
    rows,
    limit,
    (r) => presentComment(r.comment, r.authorName, actor),
    (r) => [r.comment.createdAt.toISOString(), r.comment.id],
  );
}
