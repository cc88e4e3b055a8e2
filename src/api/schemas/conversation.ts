// Comments, the activity feed and the audit log.
import { Type } from 'typebox';
import { FEED_ACTIONS, FEED_FIELDS } from '../../core/feed.ts';
import { Nullable, PageQuery, Timestamp, Uuid } from './common.ts';

export const CommentSchema = Type.Object({
  id: Uuid,
  objectiveId: Uuid,
  keyResultId: Nullable(Uuid),
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  body: Type.String({
    description:
      'Markdown (raw HTML is not rendered). A mention is `@[Name](mention:<account id>)`. Empty once removed.',
  }),
  createdAt: Timestamp,
  editedAt: Nullable(Timestamp),
  /** A removed comment keeps its place, without text or author. */
  deletedAt: Nullable(Timestamp),
  version: Type.Integer({ description: 'For If-Match when editing' }),
  abilities: Type.Object({ 'comment.update': Type.Boolean(), 'comment.delete': Type.Boolean() }),
});

export const ListCommentsQuery = Type.Object(
  { keyResultId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);

const CommentBody = (description: string) =>
  Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S', description });

export const AddCommentBody = Type.Object(
  {
    body: CommentBody(
      'Markdown. Mention members as `@[Name](mention:<account id>)`: each one who may read the objective ' +
        '(but not the author) gets an e-mail; a mention of someone who is not a member is refused.',
    ),
    keyResultId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const UpdateCommentBody = Type.Object(
  {
    body: CommentBody('The new markdown. Members it mentions for the first time are mailed, as for a new comment.'),
  },
  { additionalProperties: false },
);

export const FeedItemSchema = Type.Object({
  id: Type.Integer(),
  action: Type.Enum([...FEED_ACTIONS]),
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  objective: Nullable(Type.Object({ id: Uuid, title: Type.String(), archived: Type.Boolean() })),
  keyResult: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  unit: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  details: Type.Object({
    from: Type.Optional(Nullable(Type.Number())),
    to: Type.Optional(Nullable(Type.Number())),
    confidence: Type.Optional(Nullable(Type.Number())),
    fields: Type.Optional(Type.Array(Type.Enum([...FEED_FIELDS]))),
    name: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    score: Type.Optional(Nullable(Type.Number())),
    suggested: Type.Optional(
      Type.Boolean({ description: 'A final score suggested from progress when the cycle closed' }),
    ),
    excerpt: Type.Optional(Type.String()),
  }),
  createdAt: Timestamp,
});

export const FeedQuery = Type.Object(
  {
    unitId: Type.Optional(Uuid),
    objectiveId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  objectiveId: Nullable(Uuid),
  unitId: Nullable(Uuid),
  before: Type.Unknown(),
  after: Type.Unknown(),
  createdAt: Timestamp,
});

export const AuditFilterQuery = {
  actorId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 60, description: 'e.g. objective.update' })),
  entityType: Type.Optional(Type.String({ maxLength: 40, description: 'e.g. objective, keyResult, member' })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Events at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Events before this time' })),
};

export const AuditEventsQuery = Type.Object({ ...AuditFilterQuery, ...PageQuery }, { additionalProperties: false });
export const AuditExportQuery = Type.Object(AuditFilterQuery, { additionalProperties: false });
