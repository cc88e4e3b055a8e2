// What the scheduled e-mails have in common: who may get them, which key results count,
// the dedupe key, and writing a batch of rendered messages to the outbox in one statement.
import { and, asc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { openPeriod, type ScheduledKind } from '../../core/notification-schedule.ts';
import type { Queryable } from '../../db/connect.ts';
import {
  accounts,
  cycles,
  keyResults,
  memberships,
  objectives,
  organizations,
  outboxMessages,
} from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { PREFERENCE_OF } from './enqueue.ts';
import type { RenderedMessage } from './templates.ts';

/** People handled per statement: bounds memory and statement size at 10k people. */
export const RECIPIENT_BATCH = 500;

/** One person's message of one kind per period: the same key is never sent twice. */
export function scheduledDedupeKey(kind: ScheduledKind, orgId: string, accountId: string, period: string): string {
  return `${kind}:${orgId}:${accountId}:${period}`;
}

/** The same key as SQL over an account id column, for "not sent yet" filters. */
export function scheduledDedupeKeySql(
  kind: ScheduledKind,
  orgId: string,
  accountId: SQL | typeof accounts.id,
  period: string,
) {
  return sql`${`${kind}:${orgId}:`} || ${accountId}::text || ${`:${period}`}`;
}

/**
 * Active members who check in and have not opted out of this kind. Viewers are left out:
 * they may change nothing, so they owe no check-in and have no week to plan.
 */
export function eligibleRecipient(orgId: string, kind: ScheduledKind, period: string): SQL {
  const setting = PREFERENCE_OF[kind];
  return and(
    eq(accounts.status, 'active'),
    ne(memberships.role, 'viewer'),
    sql`coalesce((${accounts.notificationSettings} ->> ${setting})::boolean, true)`,
    // By the whole unique key (org_id, dedupe_key), so its index answers it (migration 0026).
    sql`not exists (select 1 from ${outboxMessages} where ${outboxMessages.orgId} = ${orgId} and ${outboxMessages.dedupeKey} = ${scheduledDedupeKeySql(kind, orgId, accounts.id, period)})`,
  ) as SQL;
}

/** Key results that take check-ins: live, on a published objective of an active cycle. */
export function liveKeyResult(orgId: string): SQL {
  return and(
    eq(keyResults.orgId, orgId),
    isNull(keyResults.archivedAt),
    isNull(objectives.archivedAt),
    eq(objectives.lifecycle, 'published'),
    eq(cycles.status, 'active'),
  ) as SQL;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

export const recipientColumns = {
  id: accounts.id,
  name: accounts.name,
  email: accounts.email,
  locale: sql<Locale>`case when ${accounts.locale} = 'en' then 'en' else 'sv' end`,
};

export interface ScheduledMessage {
  recipient: Recipient;
  message: RenderedMessage;
}

/** Adds the batch to the outbox; a message another process added first is skipped. */
export async function insertScheduled(
  q: Queryable,
  orgId: string,
  kind: ScheduledKind,
  period: string,
  batch: ScheduledMessage[],
): Promise<number> {
  if (batch.length === 0) return 0;
  const added = await q
    .insert(outboxMessages)
    .values(
      batch.map(({ recipient, message }) => ({
        orgId,
        recipientId: recipient.id,
        toAddress: recipient.email,
        kind,
        dedupeKey: scheduledDedupeKey(kind, orgId, recipient.id, period),
        locale: recipient.locale,
        subject: message.subject,
        textBody: message.text,
      })),
    )
    .onConflictDoNothing({ target: [outboxMessages.orgId, outboxMessages.dedupeKey] })
    .returning({ id: outboxMessages.id });
  return added.length;
}

export interface ScheduleOptions {
  /** The IANA time zone the send windows are in. */
  timeZone: string;
  batchSize?: number;
  /** Only this organisation (tests share one database; all organisations otherwise). */
  orgId?: string;
}

/** Organisations with an active cycle: the only ones with anything to remind of. */
export async function organisationsWithActiveCycle(
  q: Queryable,
  onlyOrgId?: string,
): Promise<{ id: string; name: string }[]> {
  return q
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        onlyOrgId ? eq(organizations.id, onlyOrgId) : undefined,
        sql`exists (select 1 from ${cycles} where ${cycles.orgId} = ${organizations.id} and ${cycles.status} = 'active')`,
      ),
    );
}

export const membershipJoin = (orgId: string) =>
  and(eq(memberships.accountId, accounts.id), eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt)) as SQL;

export interface OrgSchedule {
  /** Who in the organisation has something to be told (over `accounts.id`). */
  involved: SQL;
  /** The messages for one batch of eligible, involved people (none for those with nothing). */
  messages: (recipients: Recipient[]) => Promise<ScheduledMessage[]>;
}

/**
 * Adds the messages of one kind owed at `now` (none outside its send window): organisation
 * by organisation, the people who are owed one in keyset batches, one insert per batch.
 * Returns how many were added.
 */
export async function scheduleInBatches(
  deps: AppDeps,
  options: ScheduleOptions,
  kind: ScheduledKind,
  forOrg: (org: { id: string; name: string }, period: string, now: Date) => Promise<OrgSchedule>,
): Promise<number> {
  const now = deps.now();
  const period = openPeriod(kind, now, options.timeZone);
  if (!period) return 0;
  const batchSize = options.batchSize ?? RECIPIENT_BATCH;
  let added = 0;
  for (const org of await organisationsWithActiveCycle(deps.db, options.orgId)) {
    const { involved, messages } = await forOrg(org, period, now);
    let afterId: string | undefined;
    for (;;) {
      const recipients = await deps.db
        .select(recipientColumns)
        .from(accounts)
        .innerJoin(memberships, membershipJoin(org.id))
        .where(and(eligibleRecipient(org.id, kind, period), afterId ? gt(accounts.id, afterId) : undefined, involved))
        .orderBy(asc(accounts.id))
        .limit(batchSize);
      if (recipients.length === 0) break;
      afterId = recipients[recipients.length - 1]?.id;
      added += await insertScheduled(deps.db, org.id, kind, period, await messages(recipients));
      if (recipients.length < batchSize) break;
    }
  }
  return added;
}
