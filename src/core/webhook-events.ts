// What an organisation's webhooks can be told about (docs/webhooks.md). Each delivery's body
// is `{type, timestamp, data}`, `data` the object as the API returns it.
export const WEBHOOK_EVENTS = [
  'objective.created',
  'objective.updated',
  'objective.status-changed',
  'check-in.created',
  'cycle.closed',
  'comment.created',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** How long the previous secret keeps signing after a rotation, so receivers can switch. */
export const SECRET_OVERLAP_HOURS = 24;
