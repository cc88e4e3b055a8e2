// E-mail: what a person chooses to receive, and the outbox admins read.
import { Type } from 'typebox';
import { Nullable, Page, PageQuery, Timestamp, Uuid } from './common.ts';
import { Locale } from './me.ts';

const Switch = (description: string) => Type.Boolean({ description });

export const NotificationSettingsSchema = Type.Object({
  checkInReminders: Switch('A mid-week e-mail listing my key results that are due for a check-in.'),
  weeklyDigest: Switch('A Monday e-mail: what is due this week and where my objectives stand.'),
  mentions: Switch('An e-mail when someone mentions me in a comment.'),
  version: Type.Integer(),
});

export const UpdateNotificationSettingsBody = Type.Object(
  {
    checkInReminders: Type.Optional(Type.Boolean()),
    weeklyDigest: Type.Optional(Type.Boolean()),
    mentions: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
export const OutboxStatus = Type.Enum([...OUTBOX_STATUSES]);

export const OutboxMessageSummarySchema = Type.Object({
  id: Uuid,
  /** Null for an invitation: its recipient is no member (yet). */
  recipientId: Nullable(Uuid),
  recipientName: Type.String(),
  toAddress: Type.String(),
  kind: Type.String({ description: 'check_in_reminder, weekly_digest, mention or invitation' }),
  locale: Locale,
  subject: Type.String(),
  status: OutboxStatus,
  attempts: Type.Integer(),
  createdAt: Timestamp,
  sentAt: Nullable(Timestamp),
  lastError: Nullable(Type.String()),
});

export const OutboxMessageSchema = Type.Intersect([
  OutboxMessageSummarySchema,
  Type.Object({ textBody: Type.String(), nextAttemptAt: Timestamp }),
]);

export const OutboxPageSchema = Type.Intersect([
  Page(OutboxMessageSummarySchema),
  Type.Object({
    mailEnabled: Type.Boolean({ description: 'False: no mail server is configured, so messages are held here.' }),
  }),
]);

export const OutboxQuery = Type.Object(
  {
    recipientId: Type.Optional(Uuid),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    status: Type.Optional(OutboxStatus),
    ...PageQuery,
  },
  { additionalProperties: false },
);
