// Who is calling: from a session cookie or a personal API token.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { accounts, apiTokens, sessions } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { hashSecret } from './secrets.ts';

export interface Authenticated {
  accountId: string;
  locale: Locale;
  /** Set for session (cookie) callers: writes must echo it. */
  csrfToken: string | null;
}

/** Token use is recorded at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateSession(deps: AppDeps, token: string): Promise<Authenticated | null> {
  const [row] = await deps.db
    .select({ accountId: sessions.accountId, csrfToken: sessions.csrfToken, locale: accounts.locale })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(eq(sessions.tokenHash, hashSecret(token)), gt(sessions.expiresAt, deps.now()), eq(accounts.status, 'active')),
    );
  return row ? { accountId: row.accountId, csrfToken: row.csrfToken, locale: row.locale as Locale } : null;
}

export async function authenticateApiToken(deps: AppDeps, token: string): Promise<Authenticated | null> {
  const [row] = await deps.db
    .select({
      id: apiTokens.id,
      accountId: apiTokens.accountId,
      lastUsedAt: apiTokens.lastUsedAt,
      locale: accounts.locale,
    })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt), eq(accounts.status, 'active')));
  if (!row) return null;
  const now = deps.now();
  // Record use at most once a minute, so reading with a token does not write each time.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { accountId: row.accountId, csrfToken: null, locale: row.locale as Locale };
}
