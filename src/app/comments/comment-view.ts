import { abilities } from '../../core/policy.ts';
import type { Subject } from '../../core/policy.ts';
import type { comments } from '../../db/schema.ts';

export const COMMENT_ABILITIES = ['comment.update', 'comment.delete'] as const;

export interface CommentView {
  id: string;
  objectiveId: string;
  keyResultId: string | null;
  /** Null when the comment was removed: a removed comment keeps its place, not its author. */
  authorId: string | null;
  authorName: string | null;
  /** Markdown; mentions are `@[Name](mention:<account id>)` (see core/mentions.ts). Empty once removed. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  version: number;
  abilities: Record<(typeof COMMENT_ABILITIES)[number], boolean>;
}

type CommentRow = typeof comments.$inferSelect;

export function presentComment(row: CommentRow, authorName: string | null, viewer: Subject): CommentView {
  const removed = row.deletedAt !== null;
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    keyResultId: row.keyResultId,
    authorId: removed ? null : row.authorId,
    authorName: removed ? null : authorName,
    body: removed ? '' : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
    // A removed comment is done with: nothing left to edit or remove.
    abilities: removed
      ? { 'comment.update': false, 'comment.delete': false }
      : abilities(viewer, COMMENT_ABILITIES, { commentAuthorId: row.authorId }),
  };
}
