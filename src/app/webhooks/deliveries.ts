// A subscription's delivery log (admins), newest first, and its test button: a delivery of
// the `webhook.test` event, sent like any other by the job runner.
import { and, desc, eq } from 'drizzle-orm';
import { webhookDeliveries } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { afterTimeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { inTransaction } from '../transaction.ts';
import { literalLimit } from '../../db/raw.ts';
import { TEST_EVENT, webhookBody } from './emit.ts';
import { ownSubscription } from './subscriptions.ts';
import { presentAttempts, type PostAttempts } from './outbound-queue.ts';

export interface WebhookDeliveryView extends PostAttempts {
  id: string;
  eventType: string;
}

const present = (row: typeof webhookDeliveries.$inferSelect): WebhookDeliveryView => ({
  id: row.id,
  eventType: row.eventType,
  ...presentAttempts(row),
});

export async function listWebhookDeliveries(
  deps: AppDeps,
  caller: Caller,
  subscriptionId: string,
  input: PageRequest,
): Promise<Page<WebhookDeliveryView>> {
  return inTransaction(deps, async (tx) => {
    const { actor } = await ownSubscription(tx, caller, subscriptionId, false);
    const limit = pageSize(input);
    const rows = await tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.orgId, actor.orgId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          afterTimeCursor(input.cursor, webhookDeliveries.createdAt, webhookDeliveries.id, 'desc'),
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(literalLimit(limit + 1));
    return toPage(rows, limit, present, (row) => [row.createdAt.toISOString(), row.id]);
  });
}

/** Queues a `webhook.test` delivery to the subscription; the log shows how it went. */
export async function sendTestDelivery(
  deps: AppDeps,
  caller: Caller,
  subscriptionId: string,
): Promise<WebhookDeliveryView> {
  return inTransaction(deps, async (tx) => {
    const { actor, row } = await ownSubscription(tx, caller, subscriptionId, false);
    const now = deps.now();
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({
        orgId: actor.orgId,
        subscriptionId: row.id,
        eventType: TEST_EVENT,
        body: webhookBody(TEST_EVENT, now, { subscriptionId: row.id, url: row.url }),
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning();
    if (!delivery) throw new Error('the insert returned no row');
    return present(delivery);
  });
}
