// Webhook signatures as the Standard Webhooks specification has them: the headers
// `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a space-separated
// list of `v1,<base64 HMAC-SHA256>` over `<id>.<timestamp>.<raw body>`, keyed by the
// secret's bytes (`whsec_<base64>`). While a secret is being rotated, a delivery is signed
// with the new one and the old one, so receivers that know either accept it.
import { createHmac, randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new secret: 32 random bytes. */
export const newWebhookSecret = (): string => WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new Error('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The headers of one delivery attempt of message `id`, signed with each of `secrets`. */
export function signWebhook(id: string, sentAt: Date, body: string, secrets: readonly string[]): SignedHeaders {
  if (secrets.length === 0) throw new Error('a webhook is signed with at least one secret');
  const timestamp = String(Math.floor(sentAt.getTime() / 1000));
  const signed = `${id}.${timestamp}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', keyOf(secret)).update(signed, 'utf8').digest('base64')}`,
  );
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}
