// An event for the organisation's webhooks, written in the transaction of the change it
// tells of (as the outbox is): one delivery per subscription that wants it, in one
// statement, sent later by the job runner (deliver-webhooks.ts). Nothing is written when
// no subscription wants the event.
import { sql } from 'drizzle-orm';
import type { WebhookEvent } from '../../core/webhook-events.ts';
import type { Queryable } from '../../db/connect.ts';
import { queryRows, textArray } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';

/** The event a subscription's test button sends: not one to subscribe to. */
export const TEST_EVENT = 'webhook.test';

/** The body every delivery carries: `data` is the object as the API answers it. */
export const webhookBody = (type: string, at: Date, data: unknown): string =>
  JSON.stringify({ type, timestamp: at.toISOString(), data });

/** The events any of the organisation's webhooks want; from the process's cache when it has one. */
async function wantedEvents(deps: AppDeps, q: Queryable, orgId: string): Promise<string[] | null> {
  if (!deps.caches) return null;
  return deps.caches.webhookEvents.get(orgId, async () => {
    const rows = await queryRows<{ event: string }>(
      q,
      sql`select distinct unnest(events) as event from webhook_subscriptions where org_id = ${orgId}`,
    );
    return rows.map((row) => row.event);
  });
}

/**
 * Tells the subscriptions that want `type` of each of `items` (one delivery per item and
 * subscription), in one statement. With the process's caches, an organisation whose
 * webhooks want none of it costs no statement at all; another process's new subscription
 * is seen within CACHE_SECONDS.
 */
export async function emitWebhookEvents(
  deps: AppDeps,
  q: Queryable,
  orgId: string,
  type: WebhookEvent,
  items: readonly unknown[],
  at: Date,
): Promise<void> {
  if (items.length === 0) return;
  const wanted = await wantedEvents(deps, q, orgId);
  if (wanted && !wanted.includes(type)) return;
  const bodies = items.map((data) => webhookBody(type, at, data));
  await q.execute(sql`
    insert into webhook_deliveries (org_id, subscription_id, event_type, body, next_attempt_at, created_at)
    select s.org_id, s.id, ${type}, b.body, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
      from webhook_subscriptions s, unnest(${textArray(bodies)}) with ordinality as b(body, n)
     where s.org_id = ${orgId} and ${type} = any(s.events)
     order by b.n, s.created_at`);
}
