// Puts an e-mail in the outbox, in the recipient's language, in the caller's transaction
// (the outbox pattern: the message exists exactly when its cause was committed). The
// dedupe key makes a repeated enqueue of the same message a no-op, so reminder runs in
// several server processes may overlap safely.
import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, outboxMessages, type NotificationSettings } from '../../db/schema.ts';
import { renderMessage, type MessageKind, type MessageParams } from './templates.ts';

/** The kinds a person may switch off: all but the invitation, which is not a notification. */
type OptionalKind = Exclude<MessageKind, 'invitation'>;
const isOptional = (kind: MessageKind): kind is OptionalKind => kind !== 'invitation';

/** Which setting a person uses to opt out of each kind of message. */
export const PREFERENCE_OF: Record<OptionalKind, keyof NotificationSettings> = {
  mention: 'mentions',
  check_in_reminder: 'checkInReminders',
  weekly_digest: 'weeklyDigest',
};

export interface Enqueue<K extends MessageKind> {
  orgId: string;
  recipientId: string;
  kind: K;
  /** Unique across all messages: the same key is never sent twice. */
  dedupeKey: string;
  params: MessageParams[K];
  /** The message's language when it is not the recipient's (an invitation speaks its organisation's). */
  locale?: Locale;
}

/** Returns whether a message was added (false: opted out, no active account, or already there). */
export async function enqueueMessage<K extends MessageKind>(q: Queryable, message: Enqueue<K>): Promise<boolean> {
  const [recipient] = await q
    .select({
      email: accounts.email,
      locale: accounts.locale,
      status: accounts.status,
      settings: accounts.notificationSettings,
    })
    .from(accounts)
    .where(eq(accounts.id, message.recipientId));
  if (!recipient || recipient.status !== 'active') return false;
  if (isOptional(message.kind) && recipient.settings[PREFERENCE_OF[message.kind]] === false) return false;
  const locale: Locale = (message.locale ?? recipient.locale) === 'en' ? 'en' : 'sv';
  const { subject, text } = renderMessage(message.kind, locale, message.params);
  const added = await q
    .insert(outboxMessages)
    .values({
      orgId: message.orgId,
      recipientId: message.recipientId,
      toAddress: recipient.email,
      kind: message.kind,
      dedupeKey: message.dedupeKey,
      locale,
      subject,
      textBody: text,
    })
    .onConflictDoNothing({ target: [outboxMessages.orgId, outboxMessages.dedupeKey] })
    .returning({ id: outboxMessages.id });
  return added.length > 0;
}
