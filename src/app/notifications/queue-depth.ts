// How much background work waits, per queue the job runner serves, for /metrics: a growing
// depth or an old due item means sending has stopped (no mail server, a receiver down, no
// runner polling). Each count reads only its table's partial "due" index.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';

export const JOB_QUEUES = ['mail', 'webhook', 'chat'] as const;
export type JobQueue = (typeof JOB_QUEUES)[number];

export interface QueueDepth {
  queue: JobQueue;
  /** Waiting or being sent, due or not (a retry waits for its time). */
  depth: number;
  /** Seconds since the oldest due item became due; 0 when nothing is due. */
  oldestDueSeconds: number;
}

/** Across every organisation: the queues are the process's, not a tenant's. */
export async function queueDepths(deps: Pick<AppDeps, 'db' | 'now'>): Promise<QueueDepth[]> {
  const now = sql`${deps.now().toISOString()}::timestamptz`;
  // The status lists are written out so each matches its partial index's predicate.
  const oldestDue = sql`coalesce(extract(epoch from ${now} - min(next_attempt_at) filter (where next_attempt_at <= ${now})), 0)::float8`;
  const rows = await queryRows<{ queue: JobQueue; depth: number; oldest_due_seconds: number }>(
    deps.db,
    sql`select 'mail' as queue, count(*)::int as depth, ${oldestDue} as oldest_due_seconds
          from outbox_messages where status in ('pending', 'sending')
        union all
        select 'webhook', count(*)::int, ${oldestDue}
          from webhook_deliveries where status in ('pending', 'delivering')
        union all
        select 'chat', count(*)::int, ${oldestDue}
          from chat_posts where status in ('pending', 'delivering')`,
  );
  return rows.map((row) => ({ queue: row.queue, depth: row.depth, oldestDueSeconds: row.oldest_due_seconds }));
}
