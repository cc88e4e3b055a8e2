// Sends what is due of the chat posts through the outbound queue, as webhook deliveries are
// sent (webhooks/outbound-queue.ts: claimed in batches under a lease, each through the
// server's poster and its SSRF guards, retried after growing delays), to the channel's
// incoming webhook. The log keeps the chat's status code and the start of its answer, never the URL.
import type { AppDeps } from '../context.ts';
import {
  sendDuePosts,
  type ClaimedPost,
  type OutboundQueue,
  type WebhookDeliveryOptions,
  type WebhookDeliveryResult,
  type WebhookPoster,
} from '../webhooks/outbound-queue.ts';

const CHAT_POSTS: OutboundQueue<ClaimedPost> = {
  table: 'chat_posts',
  destination: 'chat_channels',
  destinationKey: 'channel_id',
  columns: [],
  // An incoming webhook takes the body alone: whoever holds its URL may post.
  headers: () => ({}),
};

export const deliverChatPosts = (
  deps: AppDeps,
  poster: WebhookPoster,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookDeliveryResult> => sendDuePosts(deps, CHAT_POSTS, poster, options);
