// Sends what is due of the webhook deliveries, as deliver-outbox.ts sends e-mail: a batch is
// claimed in one statement (FOR UPDATE SKIP LOCKED, a lease), so any number of server
// processes may run this; each claimed delivery is signed (signature.ts) and posted through
// the poster the server gives (its SSRF guards: server/outbound-post.ts). A 2xx answer
// delivers it; anything else is retried after growing delays, then marked failed.
import { sql, type SQL } from 'drizzle-orm';
import { afterFailedSend } from '../../core/notification-schedule.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';
import { signWebhook } from './signature.ts';

/** What a receiver answered: its status and the start of its body. */
export interface PostAnswer {
  status: number;
  body: string;
}

/** Posts a signed body to a subscription's URL; throws when nothing could be sent (refused, unreachable). */
export type WebhookPoster = (url: string, body: string, headers: Record<string, string>) => Promise<PostAnswer>;

export interface WebhookDeliveryOptions {
  batchSize?: number;
  leaseMs?: number;
  maxBatches?: number;
  /** Only this organisation's deliveries (tests share one database). */
  orgId?: string;
}

export interface WebhookDeliveryResult {
  delivered: number;
  retried: number;
  failed: number;
}

interface Claimed {
  org_id: string;
  id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | string | null;
}

/**
 * How long a claim holds: longer than a batch can take (20 receivers that each take the
 * poster's 5 seconds), so no other process takes a delivery over while it is being sent.
 */
const DEFAULT_LEASE_MS = 3 * 60_000;

/** What the log keeps of an answer or an error. */
const LOGGED_CHARS = 2000;

export async function deliverWebhooks(
  deps: AppDeps,
  poster: WebhookPoster,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookDeliveryResult> {
  const batchSize = options.batchSize ?? 20;
  const result: WebhookDeliveryResult = { delivered: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const now = deps.now();
    const claimed = await claimDue(deps, now, batchSize, options.leaseMs ?? DEFAULT_LEASE_MS, options.orgId);
    for (const delivery of claimed) {
      const until = delivery.previous_secret_until ? new Date(delivery.previous_secret_until) : null;
      const secrets = [
        delivery.secret,
        ...(delivery.previous_secret && until && until > now ? [delivery.previous_secret] : []),
      ];
      const headers = signWebhook(delivery.id, now, delivery.body, secrets);
      let answer: PostAnswer | null = null;
      let error: string | null = null;
      try {
        answer = await poster(delivery.url, delivery.body, { ...headers });
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      const outcome =
        answer && answer.status >= 200 && answer.status < 300 ? 'delivered' : retryOrFail(delivery.attempts);
      await record(deps, delivery, outcome, answer, error, now);
      result[outcome === 'delivered' ? 'delivered' : outcome.kind]++;
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

export function retryOrFail(attempts: number): { kind: 'retried'; inMs: number } | { kind: 'failed' } {
  const next = afterFailedSend(attempts);
  return next === 'give_up' ? { kind: 'failed' } : { kind: 'retried', inMs: next.retryInMs };
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
      select org_id, id from webhook_deliveries
       where status in ('pending', 'delivering') and next_attempt_at <= ${now.toISOString()}::timestamptz ${scope}
       order by next_attempt_at
       limit ${limit}
       for update skip locked),
    claimed as (
      update webhook_deliveries d set status = 'delivering', attempts = d.attempts + 1,
             next_attempt_at = ${leaseEnd}::timestamptz, last_attempt_at = ${now.toISOString()}::timestamptz
        from due where d.org_id = due.org_id and d.id = due.id
      returning d.org_id, d.id, d.subscription_id, d.body, d.attempts)
    select c.org_id, c.id, c.body, c.attempts, s.url, s.secret, s.previous_secret, s.previous_secret_until
      from claimed c join webhook_subscriptions s on s.org_id = c.org_id and s.id = c.subscription_id`,
  );
}

async function record(
  deps: AppDeps,
  delivery: Claimed,
  outcome: 'delivered' | { kind: 'retried'; inMs: number } | { kind: 'failed' },
  answer: PostAnswer | null,
  error: string | null,
  now: Date,
): Promise<void> {
  const status = outcome === 'delivered' ? 'delivered' : outcome.kind === 'retried' ? 'pending' : 'failed';
  const next = outcome !== 'delivered' && outcome.kind === 'retried' ? new Date(now.getTime() + outcome.inMs) : now;
  const logged = (answer ? answer.body : (error ?? '')).slice(0, LOGGED_CHARS);
  await deps.db.execute(sql`
    update webhook_deliveries
       set status = ${status}, next_attempt_at = ${next.toISOString()}::timestamptz,
           response_status = ${answer?.status ?? null}, last_error = ${logged || null}
     where org_id = ${delivery.org_id} and id = ${delivery.id}`);
}
