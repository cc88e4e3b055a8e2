// Who is calling: from a session cookie, a personal API token or a service account's token.
import { and, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { accounts, apiTokens, serviceAccounts, sessions } from '../../db/schema.ts';
import type { ServiceScope } from '../../core/service-scopes.ts';
import type { CachedCaller } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { hashSecret } from './secrets.ts';
import { sessionEndsAt, sessionIdleMs, touchIntervalMs } from './session-idle.ts';

export interface Authenticated extends Caller {
  accountId: string;
  locale: Locale;
  /** Set for session (cookie) callers: writes must echo it. */
  csrfToken: string | null;
}

/** Token use is recorded at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Who is calling, or why not: `expired` when the credential was good but has ended (a
 * session past its idle timeout or its absolute end, an API token past its expiry), so the
 * refusal can say so.
 */
export interface Authentication {
  caller: Authenticated | null;
  expired: boolean;
}

/** No credential, or one that never was good. */
export const NOT_SIGNED_IN: Authentication = { caller: null, expired: false };

/**
 * The caller a session cookie stands for; from the cache when it was asked a moment ago.
 * Its use is recorded only when the record has grown stale (session-idle.ts), and the
 * cached answer ends when the session does, idle timeout included.
 */
export async function authenticateSession(deps: AppDeps, token: string): Promise<Authentication> {
  const hash = hashSecret(token);
  const idleMs = sessionIdleMs(deps);
  const load = async (): Promise<CachedCaller | null> => {
    const [row] = await deps.db
      .select({
        accountId: sessions.accountId,
        csrfToken: sessions.csrfToken,
        locale: accounts.locale,
        expiresAt: sessions.expiresAt,
        lastUsedAt: sessions.lastUsedAt,
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.tokenHash, hash), eq(accounts.status, 'active')));
    if (!row) return null;
    const now = deps.now();
    const live = sessionEndsAt(row, idleMs) > now.getTime();
    const touch = live && now.getTime() - row.lastUsedAt.getTime() >= touchIntervalMs(idleMs);
    if (touch) await deps.db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.tokenHash, hash));
    const lastUsedAt = touch ? now : row.lastUsedAt;
    return {
      accountId: row.accountId,
      service: null,
      csrfToken: row.csrfToken,
      locale: row.locale as Locale,
      expiresAt: sessionEndsAt({ expiresAt: row.expiresAt, lastUsedAt }, idleMs),
      recheckAt: lastUsedAt.getTime() + touchIntervalMs(idleMs),
    };
  };
  const cached = deps.caches ? await deps.caches.callers.get(`session:${hash}`, load) : await load();
  // The cache lives seconds, far less than the interval of recording use; only a clock
  // that leaps (tests) gets past it, and the session is then asked again.
  const due = cached?.recheckAt !== undefined && cached.recheckAt <= deps.now().getTime();
  return checked(deps, due ? await load() : cached);
}

/**
 * The caller an API token stands for: a person's, or a service account's with its
 * organisation, scopes and unit limit. Its use is recorded at most once a minute.
 */
export async function authenticateApiToken(deps: AppDeps, token: string): Promise<Authentication> {
  const hash = hashSecret(token);
  const load = async (): Promise<CachedCaller | null> => {
    const [row] = await deps.db
      .select({
        id: apiTokens.id,
        accountId: apiTokens.accountId,
        lastUsedAt: apiTokens.lastUsedAt,
        expiresAt: apiTokens.expiresAt,
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
    const live = row.expiresAt === null || row.expiresAt > now;
    // Record use at most once a minute, so reading with a token does not write each time;
    // the cache lives shorter than that, so each minute of use is still recorded.
    if (live && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)) {
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
    return {
      accountId: row.accountId,
      service,
      csrfToken: null,
      locale: row.locale as Locale,
      expiresAt: row.expiresAt?.getTime() ?? null,
    };
  };
  return checked(deps, deps.caches ? await deps.caches.callers.get(`token:${hash}`, load) : await load());
}

/** The caller found, unless it has ended meanwhile: a cached one still ends on time. */
function checked(deps: AppDeps, found: CachedCaller | null): Authentication {
  if (!found) return NOT_SIGNED_IN;
  if (found.expiresAt !== null && found.expiresAt <= deps.now().getTime()) return { caller: null, expired: true };
  return { caller: authenticated(deps, found), expired: false };
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
