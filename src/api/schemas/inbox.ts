// The in-app inbox (the header's bell): comments that mention me or are on my objectives.
import { Type } from 'typebox';
import { NOTIFICATION_KINDS } from '../../core/domain.ts';
import { INBOX_LIMITS } from '../../core/limits.ts';
import { Nullable, Page, PageQuery, Timestamp, Uuid } from './common.ts';

const Unread = Type.Integer({
  minimum: 0,
  description: 'How many of my notifications in this organisation are unread (only those the inbox shows).',
});

export const InboxItemSchema = Type.Object({
  id: Uuid,
  kind: Type.Enum([...NOTIFICATION_KINDS], {
    description: 'mention: the comment names me; comment: it is on an objective I own (mine, or my unit’s as its lead)',
  }),
  read: Type.Boolean(),
  createdAt: Timestamp,
  authorName: Nullable(Type.String()),
  objectiveId: Uuid,
  objectiveTitle: Type.String(),
  commentId: Uuid,
  excerpt: Type.String({ description: 'The beginning of the comment as plain text, mentions as @Name' }),
});

export const InboxSchema = Type.Intersect([Page(InboxItemSchema), Type.Object({ unread: Unread })], {
  description:
    'Newest first; only objectives I may still read (not archived, private ones and drafts only their owners’) and comments not removed',
});

export const InboxQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const MarkInboxReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: INBOX_LIMITS.markRead,
        uniqueItems: true,
        description: `The notifications to mark read (at most ${INBOX_LIMITS.markRead}); absent: all of mine in this organisation. Ids that are not my unread notifications change nothing.`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const InboxUnreadSchema = Type.Object({ unread: Unread });
