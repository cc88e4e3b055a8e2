// Personal API tokens: shown once at creation, stored hashed, revocable.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { apiTokens } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { isUuid } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCallers } from '../caches.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const API_TOKEN_PREFIX = 'rkt_';

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** When it stops working; null: when revoked. An expired token is still listed, to be revoked. */
  expiresAt: string | null;
}

export interface ApiTokenInput {
  name: string;
  /** Days it works, from now; absent or null: until revoked. */
  expiresInDays?: number | null;
}

const present = (row: typeof apiTokens.$inferSelect): ApiTokenView => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
});

/** The end of a token made now that works `days` days; null (never) without them. */
export const tokenExpiry = (now: Date, days: number | null | undefined): Date | null =>
  days ? new Date(now.getTime() + days * 86_400_000) : null;

export async function createApiToken(deps: AppDeps, caller: Caller, input: ApiTokenInput) {
  const token = newSecret(API_TOKEN_PREFIX);
  const expiresAt = tokenExpiry(deps.now(), input.expiresInDays);
  return inTransaction(deps, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ accountId: caller.accountId, name: input.name.trim(), tokenHash: hashSecret(token), expiresAt })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: null,
      actorId: caller.accountId,
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { ...present(row), token };
  });
}

export async function listApiTokens(deps: AppDeps, caller: Caller): Promise<ApiTokenView[]> {
  const rows = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, caller.accountId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

export async function revokeApiToken(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('token');
  await inTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: deps.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, caller.accountId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw notFound('token');
    await recordAudit(tx, {
      orgId: null,
      actorId: caller.accountId,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
    });
  }).finally(() => forgetCallers(deps));
}

/** Revokes every personal API token of the account, in the caller's transaction; says how many. */
export async function revokeAllApiTokens(tx: Tx, now: Date, accountId: string): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
