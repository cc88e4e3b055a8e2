// Sends what is due of a queue of outbound posts (webhook deliveries, chat posts), as
// deliver-outbox.ts sends e-mail: a batch is claimed in one statement (FOR UPDATE SKIP
// LOCKED, a lease), so any number of server processes may run this, and each post goes
// through the poster the server gives (its SSRF guards: server/outbound-post.ts). A 2xx
// answer delivers it; anything else is retried after growing delays, then marked failed.
// The log keeps the receiver's status and the start of its answer.
import { sql, type SQL } from 'drizzle-orm';
import { afterFailedSend } from '../../core/notification-schedule.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';

/** What a receiver answered: its status and the start of its body. */
export interface PostAnswer {
  status: number;
  body: string;
}

/** Posts a body to a URL; throws when nothing could be sent (refused, unreachable). */
export type WebhookPoster = (url: string, body: string, headers: Record<string, string>) => Promise<PostAnswer>;

export interface WebhookDeliveryOptions {
  batchSize?: number;
  leaseMs?: number;
  maxBatches?: number;
  /** Only this organisation's posts (tests share one database). */
  orgId?: string;
}

export interface WebhookDeliveryResult {
  delivered: number;
  retried: number;
  failed: number;
}

/** A claimed post: the queue's row with the URL (and what else `columns` names) of what it goes to. */
export interface ClaimedPost {
  org_id: string;
  id: string;
  body: string;
  attempts: number;
  url: string;
}

/** A queue table (org_id, id, status, attempts, next_attempt_at, body, …) and what its posts go to. */
export interface OutboundQueue<T extends ClaimedPost> {
  table: 'webhook_deliveries' | 'chat_posts';
  /** The table of the destination and the queue's column that names one of its rows. */
  destination: 'webhook_subscriptions' | 'chat_channels';
  destinationKey: 'subscription_id' | 'channel_id';
  /** The destination's columns read beside `url` (e.g. the signing secrets). */
  columns: readonly string[];
  /** The headers of one post (a webhook's signature), at `now`. */
  headers: (post: T, now: Date) => Record<string, string>;
}

/**
 * How long a claim holds: longer than a batch can take (20 receivers that each take the
 * poster's 5 seconds), so no other process takes a post over while it is being sent.
 */
const DEFAULT_LEASE_MS = 3 * 60_000;

/** What the log keeps of an answer or an error. */
const LOGGED_CHARS = 2000;

type Outcome = 'delivered' | { kind: 'retried'; inMs: number } | { kind: 'failed' };

function retryOrFail(attempts: number): { kind: 'retried'; inMs: number } | { kind: 'failed' } {
  const next = afterFailedSend(attempts);
  return next === 'give_up' ? { kind: 'failed' } : { kind: 'retried', inMs: next.retryInMs };
}

export async function sendDuePosts<T extends ClaimedPost>(
  deps: AppDeps,
  queue: OutboundQueue<T>,
  poster: WebhookPoster,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookDeliveryResult> {
  const batchSize = options.batchSize ?? 20;
  const result: WebhookDeliveryResult = { delivered: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const now = deps.now();
    const claimed = await claimDue(deps, queue, now, batchSize, options.leaseMs ?? DEFAULT_LEASE_MS, options.orgId);
    for (const post of claimed) {
      let answer: PostAnswer | null = null;
      let error: string | null = null;
      try {
        answer = await poster(post.url, post.body, queue.headers(post, now));
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      const outcome = answer && answer.status >= 200 && answer.status < 300 ? 'delivered' : retryOrFail(post.attempts);
      await record(deps, queue, post, outcome, answer, error, now);
      result[outcome === 'delivered' ? 'delivered' : outcome.kind]++;
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function claimDue<T extends ClaimedPost>(
  deps: AppDeps,
  queue: OutboundQueue<T>,
  now: Date,
  limit: number,
  leaseMs: number,
  orgId: string | undefined,
): Promise<T[]> {
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
  const scope: SQL = orgId ? sql`and org_id = ${orgId}::uuid` : sql``;
  const table = sql.identifier(queue.table);
  const key = sql.identifier(queue.destinationKey);
  const read = sql.join(
    ['url', ...queue.columns].map((column) => sql`d.${sql.identifier(column)}`),
    sql`, `,
  );
  return queryRows<T>(
    deps.db,
    sql`
    with due as (
      select org_id, id from ${table}
       where status in ('pending', 'delivering') and next_attempt_at <= ${now.toISOString()}::timestamptz ${scope}
       order by next_attempt_at
       limit ${limit}
       for update skip locked),
    claimed as (
      update ${table} q set status = 'delivering', attempts = q.attempts + 1,
             next_attempt_at = ${leaseEnd}::timestamptz, last_attempt_at = ${now.toISOString()}::timestamptz
        from due where q.org_id = due.org_id and q.id = due.id
      returning q.org_id, q.id, q.${key} as destination_id, q.body, q.attempts)
    select c.org_id, c.id, c.body, c.attempts, ${read}
      from claimed c join ${sql.identifier(queue.destination)} d on d.org_id = c.org_id and d.id = c.destination_id`,
  );
}

async function record<T extends ClaimedPost>(
  deps: AppDeps,
  queue: OutboundQueue<T>,
  post: T,
  outcome: Outcome,
  answer: PostAnswer | null,
  error: string | null,
  now: Date,
): Promise<void> {
  const status = outcome === 'delivered' ? 'delivered' : outcome.kind === 'retried' ? 'pending' : 'failed';
  const next = outcome !== 'delivered' && outcome.kind === 'retried' ? new Date(now.getTime() + outcome.inMs) : now;
  const logged = (answer ? answer.body : (error ?? '')).slice(0, LOGGED_CHARS);
  await deps.db.execute(sql`
    update ${sql.identifier(queue.table)}
       set status = ${status}, next_attempt_at = ${next.toISOString()}::timestamptz,
           response_status = ${answer?.status ?? null}, last_error = ${logged || null}
     where org_id = ${post.org_id} and id = ${post.id}`);
}

/** pending (also while waiting to retry), delivering, delivered or failed. */
export type PostStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/** How a post fared, as the logs of webhooks and chat channels show it. */
export interface PostAttempts {
  status: PostStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  /** When it is tried (again), while it is pending. */
  nextAttemptAt: string | null;
  responseStatus: number | null;
  /** The start of the receiver's answer, or why nothing was sent. */
  detail: string | null;
}

export const presentAttempts = (row: {
  status: string;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  responseStatus: number | null;
  lastError: string | null;
}): PostAttempts => ({
  status: row.status as PostStatus,
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
  lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
  responseStatus: row.responseStatus,
  detail: row.lastError,
});
