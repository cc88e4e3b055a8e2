// Sends what is due of the webhook deliveries through the outbound queue (outbound-queue.ts:
// claimed in batches under a lease, retried after growing delays), each signed for its
// subscription (signature.ts): with its secret, and the one before it during a rotation's overlap.
import type { AppDeps } from '../context.ts';
import {
  sendDuePosts,
  type ClaimedPost,
  type OutboundQueue,
  type WebhookDeliveryOptions,
  type WebhookDeliveryResult,
  type WebhookPoster,
} from './outbound-queue.ts';
import { signWebhook } from './signature.ts';

export type { PostAnswer, WebhookDeliveryOptions, WebhookDeliveryResult, WebhookPoster } from './outbound-queue.ts';

interface ClaimedDelivery extends ClaimedPost {
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | string | null;
}

const DELIVERIES: OutboundQueue<ClaimedDelivery> = {
  table: 'webhook_deliveries',
  destination: 'webhook_subscriptions',
  destinationKey: 'subscription_id',
  columns: ['secret', 'previous_secret', 'previous_secret_until'],
  headers: (delivery, now) => {
    const until = delivery.previous_secret_until ? new Date(delivery.previous_secret_until) : null;
    const secrets = [
      delivery.secret,
      ...(delivery.previous_secret && until && until > now ? [delivery.previous_secret] : []),
    ];
    return { ...signWebhook(delivery.id, now, delivery.body, secrets) };
  },
};

export const deliverWebhooks = (
  deps: AppDeps,
  poster: WebhookPoster,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookDeliveryResult> => sendDuePosts(deps, DELIVERIES, poster, options);
