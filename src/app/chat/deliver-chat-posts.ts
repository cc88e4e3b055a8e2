// Sends what is due of the chat posts, as deliver-webhooks.ts sends webhook deliveries: a
// batch is claimed in one statement (FOR UPDATE SKIP LOCKED, a lease), so any number of
// server processes may run this, and each post goes through the server's poster (its SSRF
// guards: server/outbound-post.ts) to the channel's incoming webhook. A 2xx answer delivers
// it; anything else is retried after growing delays, then marked failed. The log keeps the
// chat's status code and the start of its answer, never the URL.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';
import {
  retryOrFail,
  type PostAnswer,
  type WebhookDeliveryOptions,
  type WebhookDeliveryResult,
  type WebhookPoster,
} from '../webhooks/deliver-webhooks.ts';

interface Claimed {
  org_id: string;
  id: string;
  body: string;
  attempts: number;
  url: string;
}

/** Longer than a batch can take (20 chats that each take the poster's 5 seconds). */
const DEFAULT_LEASE_MS = 3 * 60_000;
const LOGGED_CHARS = 2000;

export async function deliverChatPosts(
  deps: AppDeps,
  poster: WebhookPoster,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookDeliveryResult> {
  const batchSize = options.batchSize ?? 20;
  const result: WebhookDeliveryResult = { delivered: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const now = deps.now();
    const claimed = await claimDue(deps, now, batchSize, options.leaseMs ?? DEFAULT_LEASE_MS, options.orgId);
    for (const post of claimed) {
      let answer: PostAnswer | null = null;
      let error: string | null = null;
      try {
        answer = await poster(post.url, post.body, {});
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      const outcome = answer && answer.status >= 200 && answer.status < 300 ? 'delivered' : retryOrFail(post.attempts);
      const status = outcome === 'delivered' ? 'delivered' : outcome.kind === 'retried' ? 'pending' : 'failed';
      const next = outcome !== 'delivered' && outcome.kind === 'retried' ? new Date(now.getTime() + outcome.inMs) : now;
      const logged = (answer ? answer.body : (error ?? '')).slice(0, LOGGED_CHARS);
      await deps.db.execute(sql`
        update chat_posts
           set status = ${status}, next_attempt_at = ${next.toISOString()}::timestamptz,
               response_status = ${answer?.status ?? null}, last_error = ${logged || null}
         where org_id = ${post.org_id} and id = ${post.id}`);
      result[outcome === 'delivered' ? 'delivered' : outcome.kind]++;
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function claimDue(
  deps: AppDeps,
  now: Date,
  limit: number,
  leaseMs: number,
  orgId: string | undefined,
): Promise<Claimed[]> {
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
  const scope: SQL = orgId ? sql`and org_id = ${orgId}::uuid` : sql``;
  return queryRows<Claimed>(
    deps.db,
    sql`
    with due as (
      select org_id, id from chat_posts
       where status in ('pending', 'delivering') and next_attempt_at <= ${now.toISOString()}::timestamptz ${scope}
       order by next_attempt_at
       limit ${limit}
       for update skip locked),
    claimed as (
      update chat_posts p set status = 'delivering', attempts = p.attempts + 1,
             next_attempt_at = ${leaseEnd}::timestamptz, last_attempt_at = ${now.toISOString()}::timestamptz
        from due where p.org_id = due.org_id and p.id = due.id
      returning p.org_id, p.id, p.channel_id, p.body, p.attempts)
    select c.org_id, c.id, c.body, c.attempts, ch.url
      from claimed c join chat_channels ch on ch.org_id = c.org_id and ch.id = c.channel_id`,
  );
}
