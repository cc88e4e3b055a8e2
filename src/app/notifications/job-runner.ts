// The background work of a server process, on the database alone (no broker): every poll
// it schedules the reminders and digests whose window is open, then sends what is due in
// the outbox and the webhook deliveries. Every server process runs one; the dedupe keys and the outbox's SKIP LOCKED
// claims make that safe, so there is no leader to elect and no single point of failure.
import type { AppDeps } from '../context.ts';
import { deliverOutbox, type DeliverOptions, type DeliveryResult, type Mailer } from './deliver-outbox.ts';
import { scheduleCheckInReminders } from './schedule-reminders.ts';
import { scheduleWeeklyDigests } from './schedule-digests.ts';
import { deliverWebhooks, type WebhookDeliveryResult, type WebhookPoster } from '../webhooks/deliver-webhooks.ts';
import { deliverChatPosts } from '../chat/deliver-chat-posts.ts';
import { scheduleChatPosts } from '../chat/schedule-chat.ts';

export interface JobRunnerOptions extends DeliverOptions {
  /** Null: no mail server, so due messages are held in the outbox. */
  mailer: Mailer | null;
  /** Posts webhook deliveries and chat posts (server/outbound-post.ts); without one, they wait. */
  webhookPoster?: WebhookPoster;
  /** Time between polls. */
  intervalMs: number;
  /** The time zone whose Monday morning and Thursday the send windows mean. */
  timeZone: string;
  log?: { error(object: unknown, message: string): void; debug?(object: unknown, message: string): void };
  /** Told what each poll did (the server's /metrics counts it). */
  onPoll?: (result: PollResult) => void;
}

export interface PollResult extends DeliveryResult {
  reminders: number;
  digests: number;
  webhooks: WebhookDeliveryResult | null;
  /** Posts queued for Slack and Teams channels this poll, and how sending them went. */
  chatScheduled: number;
  chat: WebhookDeliveryResult | null;
}

export interface JobRunner {
  /** One poll now (tests, and the loop itself). */
  poll(): Promise<PollResult>;
  /** Stops polling and waits for a poll in progress to finish (before the database closes). */
  stop(): Promise<void>;
}

export async function pollOnce(deps: AppDeps, options: Omit<JobRunnerOptions, 'intervalMs'>): Promise<PollResult> {
  const reminders = await scheduleCheckInReminders(deps, options);
  const digests = await scheduleWeeklyDigests(deps, options);
  const chatScheduled = await scheduleChatPosts(deps, options);
  const delivery = await deliverOutbox(deps, options.mailer, options);
  const webhooks = options.webhookPoster
    ? await deliverWebhooks(deps, options.webhookPoster, { orgId: options.orgId })
    : null;
  const chat = options.webhookPoster
    ? await deliverChatPosts(deps, options.webhookPoster, { orgId: options.orgId })
    : null;
  return { reminders, digests, ...delivery, webhooks, chatScheduled, chat };
}

export function startJobRunner(deps: AppDeps, options: JobRunnerOptions): JobRunner {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  const poll = async () => {
    const result = await pollOnce(deps, options);
    options.onPoll?.(result);
    return result;
  };
  const loop = () => {
    if (stopped) return;
    current = poll()
      .then((result) => {
        const sent = (counts: WebhookDeliveryResult | null) =>
          counts ? counts.delivered + counts.retried + counts.failed : 0;
        const posted = sent(result.webhooks) + sent(result.chat) + result.chatScheduled;
        if (
          result.reminders ||
          result.digests ||
          result.sent ||
          result.retried ||
          result.failed ||
          result.held ||
          posted
        )
          options.log?.debug?.(result, 'outbox poll');
      })
      // A failed poll (database restarting, say) is logged and tried again next time.
      .catch((error: unknown) => options.log?.error({ err: error }, 'outbox poll failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  timer = setTimeout(loop, 0);

  return {
    poll,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
