// A session also ends when it has not been used for a while (the idle timeout), not only
// at its absolute end: a cookie left behind on a shared or abandoned computer stops working
// long before the thirty days are up. Use is recorded coarsely, so that authenticating,
// which every request does, is not a write every time.
import type { AppDeps } from '../context.ts';

/**
 * A week by default (RIKTNING_SESSION_IDLE_MINUTES): someone who opens Riktning at least
 * weekly, as the default check-in rhythm asks, stays signed in up to the absolute end.
 */
export const SESSION_IDLE_MINUTES_DEFAULT = 7 * 24 * 60;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const sessionIdleMs = (deps: Pick<AppDeps, 'sessionIdleMinutes'>): number =>
  (deps.sessionIdleMinutes ?? SESSION_IDLE_MINUTES_DEFAULT) * MINUTE_MS;

/**
 * How stale the recorded use may grow before it is written again: a twentieth of the idle
 * timeout, between a minute and an hour. A busy session then writes at most once a minute
 * (once an hour with the default week), and ends at most that much before its full idle
 * timeout.
 */
export const touchIntervalMs = (idleMs: number): number => Math.min(HOUR_MS, Math.max(MINUTE_MS, idleMs / 20));

/** When the session ends: at its absolute end, or after the idle timeout since its last recorded use. */
export const sessionEndsAt = (session: { expiresAt: Date; lastUsedAt: Date }, idleMs: number): number =>
  Math.min(session.expiresAt.getTime(), session.lastUsedAt.getTime() + idleMs);
