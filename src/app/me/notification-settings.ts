// What a person receives by e-mail. Stored as only what they switched; a missing switch is
// on, so a kind of message added later reaches people until they say otherwise.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { accounts, type NotificationSettings } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCallers } from '../caches.ts';

export type NotificationSettingsView = Required<NotificationSettings> & { version: number };

const switches = (settings: NotificationSettings): Required<NotificationSettings> => ({
  checkInReminders: settings.checkInReminders !== false,
  weeklyDigest: settings.weeklyDigest !== false,
  mentions: settings.mentions !== false,
});
const present = (settings: NotificationSettings, version: number): NotificationSettingsView => ({
  ...switches(settings),
  version,
});

export async function getNotificationSettings(
  deps: { db: Queryable },
  caller: Caller,
): Promise<NotificationSettingsView> {
  const [row] = await deps.db
    .select({ settings: accounts.notificationSettings, version: accounts.version })
    .from(accounts)
    .where(eq(accounts.id, caller.accountId));
  if (!row) throw notFound('account');
  return present(row.settings, row.version);
}

/** Switches some kinds on or off (If-Match: the account's version, as for PATCH /me). */
export async function updateNotificationSettings(
  deps: AppDeps,
  caller: Caller,
  version: number,
  input: NotificationSettings,
): Promise<NotificationSettingsView> {
  return inTransaction(deps, async (tx) => {
    const [before] = await tx
      .select({ settings: accounts.notificationSettings })
      .from(accounts)
      .where(eq(accounts.id, caller.accountId));
    const [row] = await tx
      .update(accounts)
      .set({
        notificationSettings: sql`${accounts.notificationSettings} || ${JSON.stringify(input)}::jsonb`,
        version: sql`${accounts.version} + 1`,
      })
      .where(and(eq(accounts.id, caller.accountId), eq(accounts.version, version)))
      .returning({ settings: accounts.notificationSettings, version: accounts.version });
    if (!row || !before) throw new AppError('precondition_failed', 'precondition_failed');
    await recordAudit(tx, {
      orgId: null,
      actorId: caller.accountId,
      action: 'account.notifications_update',
      entityType: 'account',
      entityId: caller.accountId,
      before: switches(before.settings),
      after: switches(row.settings),
    });
    return present(row.settings, row.version);
  }).finally(() => forgetCallers(deps)); // the account's version moved
}
