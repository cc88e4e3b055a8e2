// Sends what is due in the outbox. Any number of server processes may run this at once on
// one PostgreSQL database: a batch is claimed in one statement with FOR UPDATE SKIP LOCKED
// (rows another process is claiming are skipped, not waited for) and marked `sending` with
// a lease; only the claimer sends it. A process that dies mid-batch leaves rows whose lease
// runs out, and the next poll anywhere claims them again. Without a mail server, due
// messages are `held`: kept, readable by admins, never sent.
import { sql, type SQL } from 'drizzle-orm';
import { afterFailedSend } from '../../core/notification-schedule.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a receiver can tell a resend from a new message. */
  messageId: string;
  headers: Record<string, string>;
}

/** The mail transport as the outbox sees it (server/mail-transport.ts wraps nodemailer). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface DeliverOptions {
  /** Messages claimed per statement. */
  batchSize?: number;
  /** How long a claim holds before another process may take the message over. */
  leaseMs?: number;
  /** Claims per call, so one poll ends even while new messages keep arriving. */
  maxBatches?: number;
  /** Only this organisation's messages (tests share one database; all otherwise). */
  orgId?: string;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  dedupe_key: string;
  attempts: number;
}

export async function deliverOutbox(
  deps: AppDeps,
  mailer: Mailer | null,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 50;
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, held: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const now = deps.now();
    if (!mailer) {
      const held = await holdDue(deps, now, batchSize, inOrg(options.orgId));
      result.held += held;
      if (held < batchSize) break;
      continue;
    }
    const claimed = await claimDue(deps, now, batchSize, options.leaseMs ?? 5 * 60_000, inOrg(options.orgId));
    for (const message of claimed) {
      try {
        await mailer.send({
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          messageId: `<${message.id}@riktning>`,
          headers: { 'X-Riktning-Dedupe-Key': message.dedupe_key },
        });
        await markSent(deps, message.id);
        result.sent++;
      } catch (error) {
        const outcome = await markFailed(deps, message, error);
        result[outcome]++;
      }
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

/**
 * The claim: due rows (pending and ready, or sending with a lapsed lease), oldest first,
 * locked so that no other process claims them in the meantime. The lease end is also the
 * next attempt time, so one index (status in pending/sending, next_attempt_at) finds both.
 */
async function claimDue(deps: AppDeps, now: Date, limit: number, leaseMs: number, scope: SQL): Promise<Claimed[]> {
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
  return queryRows<Claimed>(
    deps.db,
    sql`
    update outbox_messages set status = 'sending', attempts = attempts + 1,
           locked_until = ${leaseEnd}::timestamptz, next_attempt_at = ${leaseEnd}::timestamptz
     where id in (
       select id from outbox_messages
        where status in ('pending', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz ${scope}
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
    returning id, to_address, subject, text_body, dedupe_key, attempts`,
  );
}

async function holdDue(deps: AppDeps, now: Date, limit: number, scope: SQL): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    deps.db,
    sql`
    update outbox_messages set status = 'held', locked_until = null
     where id in (
       select id from outbox_messages
        where status in ('pending', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz ${scope}
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
    returning id`,
  );
  return rows.length;
}

const inOrg = (orgId: string | undefined): SQL => (orgId ? sql`and org_id = ${orgId}::uuid` : sql``);

async function markSent(deps: AppDeps, id: string): Promise<void> {
  await deps.db.execute(sql`
    update outbox_messages set status = 'sent', sent_at = ${deps.now().toISOString()}::timestamptz,
           locked_until = null, last_error = null
     where id = ${id}`);
}

async function markFailed(deps: AppDeps, message: Claimed, error: unknown): Promise<'retried' | 'failed'> {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const next = afterFailedSend(message.attempts);
  if (next === 'give_up') {
    await deps.db.execute(sql`
      update outbox_messages set status = 'failed', locked_until = null, last_error = ${text}
       where id = ${message.id}`);
    return 'failed';
  }
  const retryAt = new Date(deps.now().getTime() + next.retryInMs).toISOString();
  await deps.db.execute(sql`
    update outbox_messages set status = 'pending', locked_until = null, last_error = ${text},
           next_attempt_at = ${retryAt}::timestamptz
     where id = ${message.id}`);
  return 'retried';
}
