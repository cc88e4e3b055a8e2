// An organisation's service accounts (admins): add one (its token shown this once), list
// them with their last use, rotate the token (the old one stops at once), revoke one. Each
// is an account of its own that is no person (db/schema.ts), so what it does is audited
// under its name; each change here is audited too, never with the token.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { ServiceScope } from '../../core/service-scopes.ts';
import type { Tx } from '../../db/connect.ts';
import { accounts, apiTokens, organizations, serviceAccounts, units } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetCallers } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { actorInOrg, isUuid, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertUnitInOrg } from '../references.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { tokenExpiry } from '../auth/api-tokens.ts';

/** Service tokens look unlike personal ones (rkt_), so a leaked one is told apart at a glance. */
export const SERVICE_TOKEN_PREFIX = 'rks_';

/** No mail is ever sent to a service account: `.invalid` is a name that cannot exist (RFC 2606). */
const serviceEmail = (accountId: string) => `service-${accountId}@service-accounts.invalid`;

export interface ServiceAccountView {
  id: string;
  name: string;
  scopes: ServiceScope[];
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
  /** When its token was last used (to the minute), over every token it has had. */
  lastUsedAt: string | null;
  /** Days each token issued to it works; null: until revoked. */
  tokenLifetimeDays: number | null;
  /** When its current token stops working; null: never. */
  tokenExpiresAt: string | null;
}

export interface ServiceAccountWithToken extends ServiceAccountView {
  token: string;
}

export interface ServiceAccountInput {
  name: string;
  scopes: ServiceScope[];
  unitId?: string | null;
  tokenLifetimeDays?: number | null;
}

async function manager(tx: Tx, caller: Caller, orgId: string): Promise<OrgActor> {
  const actor = await actorInOrg(tx, caller, orgId);
  if (!can(actor, 'serviceAccount.manage')) throw forbidden();
  return actor;
}

/** The unit a service account is limited to: a live unit of the same organisation. */
async function checkUnit(tx: Tx, orgId: string, unitId: string | null | undefined): Promise<string | null> {
  if (unitId === null || unitId === undefined) return null;
  return (await assertUnitInOrg(tx, orgId, unitId, '/body/unitId', 'service_account_unit')).id;
}

/** A fresh token for the account, stored hashed, working `lifetimeDays` (null: until revoked); every earlier one stops. */
async function issueToken(
  tx: Tx,
  deps: AppDeps,
  account: { accountId: string; name: string; lifetimeDays: number | null },
): Promise<string> {
  const now = deps.now();
  await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.accountId, account.accountId), isNull(apiTokens.revokedAt)));
  const token = newSecret(SERVICE_TOKEN_PREFIX);
  await tx.insert(apiTokens).values({
    accountId: account.accountId,
    name: account.name,
    tokenHash: hashSecret(token),
    expiresAt: tokenExpiry(now, account.lifetimeDays),
  });
  return token;
}

export async function createServiceAccount(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ServiceAccountInput,
): Promise<ServiceAccountWithToken> {
  const name = input.name.trim();
  if (!name) throw invalid('/body/name', 'required');
  const scopes = [...new Set(input.scopes)];
  const created = await inTransaction(deps, async (tx) => {
    const actor = await manager(tx, caller, orgId);
    const unitId = await checkUnit(tx, actor.orgId, input.unitId);
    const [org] = await tx
      .select({ locale: organizations.defaultLocale })
      .from(organizations)
      .where(eq(organizations.id, actor.orgId));
    const accountId = randomUUID();
    await tx.insert(accounts).values({ id: accountId, email: serviceEmail(accountId), name, locale: org?.locale });
    const lifetimeDays = input.tokenLifetimeDays ?? null;
    await tx.insert(serviceAccounts).values({
      accountId,
      orgId: actor.orgId,
      scopes,
      unitId,
      createdBy: caller.accountId,
      tokenLifetimeDays: lifetimeDays,
    });
    const token = await issueToken(tx, deps, { accountId, name, lifetimeDays });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'service_account.create',
      entityType: 'service_account',
      entityId: accountId,
      unitId,
      after: { name, scopes, unitId, tokenLifetimeDays: lifetimeDays },
    });
    return { accountId, token };
  });
  const [view] = await listRows(deps, orgId, created.accountId);
  if (!view) throw new Error('the service account just made is missing');
  return { ...view, token: created.token };
}

export async function listServiceAccounts(deps: AppDeps, caller: Caller, orgId: string): Promise<ServiceAccountView[]> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'serviceAccount.manage')) throw forbidden();
  return listRows(deps, actor.orgId);
}

/** The live service accounts of an organisation (or one of them), newest first, in one statement. */
async function listRows(deps: AppDeps, orgId: string, accountId?: string): Promise<ServiceAccountView[]> {
  // Per listed account, by the tokens' account index: not a grouping of every person's tokens.
  const lastUsed = sql<string | null>`(select max(t.last_used_at) from ${apiTokens} t
    where t.account_id = ${serviceAccounts.accountId})`;
  // Its one live token's end (issueToken revokes the one before).
  const tokenExpires = sql<string | null>`(select max(t.expires_at) from ${apiTokens} t
    where t.account_id = ${serviceAccounts.accountId} and t.revoked_at is null)`;
  const rows = await deps.db
    .select({
      id: serviceAccounts.accountId,
      name: accounts.name,
      scopes: serviceAccounts.scopes,
      unitId: serviceAccounts.unitId,
      unitName: units.name,
      createdAt: serviceAccounts.createdAt,
      lastUsedAt: lastUsed,
      tokenLifetimeDays: serviceAccounts.tokenLifetimeDays,
      tokenExpiresAt: tokenExpires,
    })
    .from(serviceAccounts)
    .innerJoin(accounts, eq(accounts.id, serviceAccounts.accountId))
    .leftJoin(units, eq(units.id, serviceAccounts.unitId))
    .where(
      and(
        eq(serviceAccounts.orgId, orgId),
        isNull(serviceAccounts.revokedAt),
        accountId === undefined ? undefined : eq(serviceAccounts.accountId, accountId),
      ),
    )
    .orderBy(desc(serviceAccounts.createdAt), desc(serviceAccounts.accountId));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scopes: row.scopes as ServiceScope[],
    unitId: row.unitId,
    unitName: row.unitName,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
    tokenLifetimeDays: row.tokenLifetimeDays,
    tokenExpiresAt: row.tokenExpiresAt ? new Date(row.tokenExpiresAt).toISOString() : null,
  }));
}

/** The live service account `id` and its organisation, for its admins; otherwise not found. */
async function managedAccount(
  tx: Tx,
  caller: Caller,
  id: string,
): Promise<{ actor: OrgActor; name: string; lifetimeDays: number | null }> {
  if (!isUuid(id)) throw notFound('service_account');
  const [row] = await tx
    .select({ orgId: serviceAccounts.orgId, name: accounts.name, lifetimeDays: serviceAccounts.tokenLifetimeDays })
    .from(serviceAccounts)
    .innerJoin(accounts, eq(accounts.id, serviceAccounts.accountId))
    .where(and(eq(serviceAccounts.accountId, id), isNull(serviceAccounts.revokedAt)))
    .for('update', { of: serviceAccounts });
  if (!row) throw notFound('service_account');
  // Another organisation's account answers like none at all.
  const actor = await actorInOrg(tx, caller, row.orgId).catch(() => {
    throw notFound('service_account');
  });
  if (!can(actor, 'serviceAccount.manage')) throw forbidden();
  return { actor, name: row.name, lifetimeDays: row.lifetimeDays };
}

/** A new token for a service account, shown this once; the one before stops at once. */
export async function rotateServiceAccountToken(
  deps: AppDeps,
  caller: Caller,
  id: string,
): Promise<ServiceAccountWithToken> {
  const token = await inTransaction(deps, async (tx) => {
    const { actor, name, lifetimeDays } = await managedAccount(tx, caller, id);
    const fresh = await issueToken(tx, deps, { accountId: id, name, lifetimeDays });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'service_account.rotate_token',
      entityType: 'service_account',
      entityId: id,
    });
    return { fresh, orgId: actor.orgId };
  }).finally(() => forgetCallers(deps));
  const [view] = await listRows(deps, token.orgId, id);
  if (!view) throw notFound('service_account');
  return { ...view, token: token.fresh };
}

/** Revokes a service account: its token stops at once; its name stays in the audit log. */
export async function revokeServiceAccount(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { actor, name } = await managedAccount(tx, caller, id);
    const now = deps.now();
    await tx.update(serviceAccounts).set({ revokedAt: now }).where(eq(serviceAccounts.accountId, id));
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.accountId, id), isNull(apiTokens.revokedAt)));
    await tx
      .update(accounts)
      .set({ status: 'deactivated', version: sql`${accounts.version} + 1` })
      .where(eq(accounts.id, id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'service_account.revoke',
      entityType: 'service_account',
      entityId: id,
      before: { name },
    });
  }).finally(() => forgetCallers(deps));
}
