// An organisation's webhook subscriptions (admins): add one (its secret shown this once),
// list them (never their secrets), rotate a secret (the old one signs beside the new one
// for SECRET_OVERLAP_HOURS), remove one. Each change is audited without the secret.
import { and, asc, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { SECRET_OVERLAP_HOURS, type WebhookEvent } from '../../core/webhook-events.ts';
import { webhookSubscriptions } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetWebhooks } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { actorInOrg, isUuid, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import type { Tx } from '../../db/connect.ts';
import { newWebhookSecret } from './signature.ts';

export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
  /** Until when the secret before the last rotation still signs, if one does. */
  previousSecretUntil: string | null;
}

/** A subscription as it is answered once: with its secret. */
export interface WebhookWithSecret extends WebhookView {
  secret: string;
}

type Row = typeof webhookSubscriptions.$inferSelect;

const present = (row: Row, now: Date): WebhookView => ({
  id: row.id,
  url: row.url,
  events: row.events as WebhookEvent[],
  createdAt: row.createdAt.toISOString(),
  previousSecretUntil:
    row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
});

async function manager(tx: Tx, caller: Caller, orgId: string): Promise<OrgActor> {
  const actor = await actorInOrg(tx, caller, orgId);
  if (!can(actor, 'webhook.manage')) throw forbidden();
  return actor;
}

/** Only http and https addresses, with a host and without credentials in them. */
function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('/body/url', 'webhook_url');
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
    throw invalid('/body/url', 'webhook_url');
  }
  return parsed.toString();
}

export async function createWebhook(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: { url: string; events: WebhookEvent[] },
): Promise<WebhookWithSecret> {
  const url = checkUrl(input.url);
  const events = [...new Set(input.events)];
  return inTransaction(deps, async (tx) => {
    const actor = await manager(tx, caller, orgId);
    const secret = newWebhookSecret();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ orgId: actor.orgId, url, events, secret, createdBy: caller.accountId })
      .returning();
    if (!row) throw new Error('the insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row.id,
      after: { url, events },
    });
    return { ...present(row, deps.now()), secret };
  }).finally(() => forgetWebhooks(deps));
}

export async function listWebhooks(deps: AppDeps, caller: Caller, orgId: string): Promise<WebhookView[]> {
  return inTransaction(deps, async (tx) => {
    const actor = await manager(tx, caller, orgId);
    const rows = await tx
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.orgId, actor.orgId))
      .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
    return rows.map((row) => present(row, deps.now()));
  });
}

/** The subscription `id` in the caller's organisation, for an admin of it; locked when it is to change. */
export async function ownSubscription(
  tx: Tx,
  caller: Caller,
  id: string,
  forChange = true,
): Promise<{ actor: OrgActor; row: Row }> {
  if (!isUuid(id)) throw notFound('webhook');
  const [found] = await tx
    .select({ orgId: webhookSubscriptions.orgId })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id));
  if (!found) throw notFound('webhook');
  const actor = await manager(tx, caller, found.orgId);
  const query = tx
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, actor.orgId), eq(webhookSubscriptions.id, id)));
  const [row] = forChange ? await query.for('update') : await query;
  if (!row) throw notFound('webhook');
  return { actor, row };
}

export async function deleteWebhook(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { actor, row } = await ownSubscription(tx, caller, id);
    await tx
      .delete(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.orgId, actor.orgId), eq(webhookSubscriptions.id, id)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'webhook.delete',
      entityType: 'webhook',
      entityId: id,
      before: { url: row.url, events: row.events },
    });
  }).finally(() => forgetWebhooks(deps));
}

/** A new secret, answered once; the one it replaces keeps signing for SECRET_OVERLAP_HOURS. */
export async function rotateWebhookSecret(deps: AppDeps, caller: Caller, id: string): Promise<WebhookWithSecret> {
  return inTransaction(deps, async (tx) => {
    const { actor, row } = await ownSubscription(tx, caller, id);
    const now = deps.now();
    const secret = newWebhookSecret();
    const [rotated] = await tx
      .update(webhookSubscriptions)
      .set({
        secret,
        previousSecret: row.secret,
        previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_HOURS * 3_600_000),
      })
      .where(and(eq(webhookSubscriptions.orgId, actor.orgId), eq(webhookSubscriptions.id, id)))
      .returning();
    if (!rotated) throw notFound('webhook');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'webhook.rotate_secret',
      entityType: 'webhook',
      entityId: id,
    });
    return { ...present(rotated, now), secret };
  });
}
