import type { comments } from '../../db/schema.ts';

export interface CommentView {
  id: string;
  objectiveId: string;
  keyResultId: string | null;
  authorId: string | null;
  authorName: string | null;
  /** Markdown; mentions are `@[Name](mention:<account id>)` (see core/mentions.ts). */
  body: string;
  createdAt: string;
}

export const presentComment = (row: typeof comments.$inferSelect, authorName: string | null): CommentView => ({
  id: row.id,
  objectiveId: row.objectiveId,
  keyResultId: row.keyResultId,
  authorId: row.authorId,
  authorName,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});
