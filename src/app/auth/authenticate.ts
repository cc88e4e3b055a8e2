// Who is calling: from a session cookie, a personal API token or a service account's token.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { accounts, apiTokens, serviceAccounts, sessions } from '../../db/schema.ts';
import type { ServiceScope } from '../../core/service-scopes.ts';
import type { CachedCaller } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { hashSecret } from './secrets.ts';

export interface Authenticated extends Caller {
  accountId: string;
  locale: Locale;
  /** Set for session (cookie) callers: writes must echo it. */
  csrfToken: string | null;
}

/** Token use is recorded at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The caller a session cookie stands for; from the cache when it was asked a moment ago. */
export async function authenticateSession(deps: AppDeps, token: string): Promise<Authenticated | null> {
  const hash = hashSecret(token);
  const load = async (): Promise<CachedCaller | null> => {
    const [row] = await deps.db
      .select({
        accountId: sessions.accountId,
        csrfToken: sessions.csrfToken,
        locale: accounts.locale,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, deps.now()), eq(accounts.status, 'active')));
    return row
      ? {
          accountId: row.accountId,
          service: null,
          csrfToken: row.csrfToken,
          locale: row.locale as Locale,
          expiresAt: row.expiresAt.getTime(),
        }
      : null;
  };
  const found = deps.caches ? await deps.caches.callers.get(`session:${hash}`, load) : await load();
  // A cached session still ends on time.
  if (!found || (found.expiresAt !== null && found.expiresAt <= deps.now().getTime())) return null;
  return authenticated(deps, found);
}

/**
 * The caller an API token stands for: a person's, or a service account's with its
 * organisation, scopes and unit limit. Its use is recorded at most once a minute.
 */
export async function authenticateApiToken(deps: AppDeps, token: string): Promise<Authenticated | null> {
  const hash = hashSecret(token);
  const load = async (): Promise<CachedCaller | null> => {
    const [row] = await deps.db
      .select({
        id: apiTokens.id,
        accountId: apiTokens.accountId,
        lastUsedAt: apiTokens.lastUsedAt,
        locale: accounts.locale,
        serviceOrgId: serviceAccounts.orgId,
        serviceScopes: serviceAccounts.scopes,
        serviceUnitId: serviceAccounts.unitId,
        serviceRevokedAt: serviceAccounts.revokedAt,
      })
      .from(apiTokens)
      .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
      .leftJoin(serviceAccounts, eq(serviceAccounts.accountId, apiTokens.accountId))
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), eq(accounts.status, 'active')));
    if (!row || row.serviceRevokedAt) return null;
    const now = deps.now();
    // Record use at most once a minute, so reading with a token does not write each time;
    // the cache lives shorter than that, so each minute of use is still recorded.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
    }
    const service =
      row.serviceOrgId === null
        ? null
        : {
            orgId: row.serviceOrgId,
            scopes: (row.serviceScopes ?? []) as ServiceScope[],
            unitId: row.serviceUnitId,
          };
    return { accountId: row.accountId, service, csrfToken: null, locale: row.locale as Locale, expiresAt: null };
  };
  const found = deps.caches ? await deps.caches.callers.get(`token:${hash}`, load) : await load();
  return found && authenticated(deps, found);
}

function authenticated(deps: AppDeps, found: CachedCaller): Authenticated {
  return {
    accountId: found.accountId,
    locale: found.locale,
    csrfToken: found.csrfToken,
    ...(found.service ? { service: found.service } : {}),
    ...(deps.caches ? { caches: deps.caches } : {}),
  };
}
