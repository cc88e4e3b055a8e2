// Slack and Teams channels (docs/chat.md).
import { Type } from 'typebox';
import { CHAT_KINDS, CHAT_MESSAGE_KINDS } from '../../core/chat/chat-channel.ts';
import { Nullable, Timestamp, Uuid } from './common.ts';

const ChatMessageKindSchema = Type.Enum([...CHAT_MESSAGE_KINDS]);
const Messages = Type.Array(ChatMessageKindSchema, { maxItems: CHAT_MESSAGE_KINDS.length, uniqueItems: true });
const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description:
    'The channel’s incoming webhook: https://hooks.slack.com/services/… for Slack; …webhook.office.com, or a Workflows address (…environment.api.powerplatform.com, …logic.azure.com) for Teams. Answered only masked.',
});

export const CreateChatChannelBody = Type.Object(
  {
    kind: Type.Enum([...CHAT_KINDS]),
    url: Url,
    unitId: Type.Optional(Nullable(Uuid)),
    messages: Type.Optional(Messages),
  },
  { additionalProperties: false },
);

export const UpdateChatChannelBody = Type.Object(
  { url: Type.Optional(Url), messages: Type.Optional(Messages) },
  { additionalProperties: false, minProperties: 1 },
);

export const ChatChannelsQuery = Type.Object({ unitId: Type.Optional(Uuid) }, { additionalProperties: false });

export const ChatChannelSchema = Type.Object({
  id: Uuid,
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  kind: Type.Enum([...CHAT_KINDS]),
  maskedUrl: Type.String({ description: 'The URL’s host and last four characters' }),
  messages: Type.Array(ChatMessageKindSchema),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ChatPostSchema = Type.Object({
  id: Uuid,
  messageKind: Type.String(),
  status: Type.Enum(['pending', 'delivering', 'delivered', 'failed']),
  attempts: Type.Integer(),
  createdAt: Timestamp,
  lastAttemptAt: Nullable(Timestamp),
  nextAttemptAt: Nullable(Timestamp),
  responseStatus: Nullable(Type.Integer()),
  detail: Nullable(Type.String()),
});
