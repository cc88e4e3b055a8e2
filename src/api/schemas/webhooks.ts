// Webhook subscriptions (docs/webhooks.md).
import { Type } from 'typebox';
import { WEBHOOK_EVENTS } from '../../core/webhook-events.ts';
import { Nullable, Timestamp, Uuid } from './common.ts';

const WebhookEventSchema = Type.Enum([...WEBHOOK_EVENTS]);

export const CreateWebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'Where deliveries are POSTed (http or https)' }),
    events: Type.Array(WebhookEventSchema, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const WebhookSchema = Type.Object({
  id: Uuid,
  url: Type.String(),
  events: Type.Array(WebhookEventSchema),
  createdAt: Timestamp,
  /** Until when the secret before the last rotation also signs deliveries. */
  previousSecretUntil: Nullable(Timestamp),
});

export const WebhookWithSecretSchema = Type.Intersect([
  WebhookSchema,
  Type.Object({
    secret: Type.String({ description: 'whsec_…: shown only in this answer; it signs every delivery' }),
  }),
]);

export const WebhookDeliverySchema = Type.Object({
  id: Uuid,
  eventType: Type.String(),
  status: Type.Enum(['pending', 'delivering', 'delivered', 'failed']),
  attempts: Type.Integer(),
  createdAt: Timestamp,
  lastAttemptAt: Nullable(Timestamp),
  /** When it is tried (again), while pending. */
  nextAttemptAt: Nullable(Timestamp),
  responseStatus: Nullable(Type.Integer()),
  detail: Nullable(Type.String()),
});
