// The outbox as admins read it: what was sent, what waits, what failed and why — and, without
// a mail server, every message the organisation would have sent.
import { and, desc, eq } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { accounts, outboxMessages } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { afterTimeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg, isUuid } from '../scope.ts';
import { literalLimit } from '../../db/raw.ts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held';

export interface OutboxMessageSummary {
  id: string;
  recipientId: string | null;
  recipientName: string;
  toAddress: string;
  kind: string;
  locale: Locale;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface OutboxMessageView extends OutboxMessageSummary {
  textBody: string;
  nextAttemptAt: string;
}

export interface ListOutboxInput extends PageRequest {
  recipientId?: string;
  kind?: string;
  status?: OutboxStatus;
}

type Row = { message: typeof outboxMessages.$inferSelect; recipientName: string };

/**
 * An invitation goes to someone who is no member yet, perhaps with an account of their
 * own: the admin sees the address they typed, never the account's name or id.
 */
const recipientOf = ({ message, recipientName }: Row) =>
  message.kind === 'invitation'
    ? { recipientId: null, recipientName: message.toAddress }
    : { recipientId: message.recipientId, recipientName };

/**
 * With a mail server the invitation's link is the invited person's alone: opening it
 * would tell the admin whether the address has an account. Without one the admin hands
 * the held message over, link and all (docs/permissions.md).
 */
const readableBody = (deps: AppDeps, message: Row['message']): string =>
  message.kind === 'invitation' && deps.mailEnabled === true
    ? message.textBody.replace(/\/invite\/[A-Za-z0-9_-]+/g, '/invite/…')
    : message.textBody;

const summary = (row: Row): OutboxMessageSummary => ({
  id: row.message.id,
  ...recipientOf(row),
  toAddress: row.message.toAddress,
  kind: row.message.kind,
  locale: row.message.locale === 'en' ? 'en' : 'sv',
  subject: row.message.subject,
  status: row.message.status as OutboxStatus,
  attempts: row.message.attempts,
  createdAt: row.message.createdAt.toISOString(),
  sentAt: row.message.sentAt?.toISOString() ?? null,
  lastError: row.message.lastError,
});

async function adminOf(deps: AppDeps, caller: Caller, orgId: string) {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'outbox.read')) throw forbidden();
  return actor;
}

/** Newest first; filters by recipient, kind and status (admins). */
export async function listOutbox(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListOutboxInput,
): Promise<Page<OutboxMessageSummary> & { mailEnabled: boolean }> {
  const actor = await adminOf(deps, caller, orgId);
  const limit = pageSize(input);
  const after = afterTimeCursor(input.cursor, outboxMessages.createdAt, outboxMessages.id, 'desc');
  // (org, created, id) or (org, recipient, created, id): both indexes serve this order.
  const rows = await deps.db
    .select({ message: outboxMessages, recipientName: accounts.name })
    .from(outboxMessages)
    .innerJoin(accounts, eq(accounts.id, outboxMessages.recipientId))
    .where(
      and(
        eq(outboxMessages.orgId, actor.orgId),
        input.recipientId ? eq(outboxMessages.recipientId, input.recipientId) : undefined,
        input.kind ? eq(outboxMessages.kind, input.kind) : undefined,
        input.status ? eq(outboxMessages.status, input.status) : undefined,
        after,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(literalLimit(limit + 1));
  return {
    ...toPage(rows, limit, summary, ({ message }) => [message.createdAt.toISOString(), message.id]),
    mailEnabled: deps.mailEnabled === true,
  };
}

/** One message with its whole text (admins). */
export async function getOutboxMessage(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  id: string,
): Promise<OutboxMessageView> {
  const actor = await adminOf(deps, caller, orgId);
  if (!isUuid(id)) throw notFound('outboxMessage');
  const [row] = await deps.db
    .select({ message: outboxMessages, recipientName: accounts.name })
    .from(outboxMessages)
    .innerJoin(accounts, eq(accounts.id, outboxMessages.recipientId))
    .where(and(eq(outboxMessages.orgId, actor.orgId), eq(outboxMessages.id, id)));
  if (!row) throw notFound('outboxMessage');
  return {
    ...summary(row),
    textBody: readableBody(deps, row.message),
    nextAttemptAt: row.message.nextAttemptAt.toISOString(),
  };
}
