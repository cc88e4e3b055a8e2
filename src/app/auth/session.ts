// Starting a session is the last step of every way in: sign-in, first-run set-up and
// accepting an invitation all end here, so a session always looks the same.
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { sessions } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const SESSION_DAYS = 30;

export interface StartedSession {
  accountId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface StartSessionOptions {
  /** The session cookie the browser already had, if any: it is ended (no fixation). */
  previousSessionToken?: string;
  /** How the person got in, when not with e-mail and password (kept in the audit event). */
  via?: 'setup' | 'invitation' | 'sso';
}

/** Creates a session for the account and records the sign-in, in the caller's transaction. */
export async function startSession(
  tx: Tx,
  now: Date,
  accountId: string,
  options: StartSessionOptions = {},
): Promise<StartedSession> {
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  if (options.previousSessionToken) {
    await tx.delete(sessions).where(eq(sessions.tokenHash, hashSecret(options.previousSessionToken)));
  }
  await tx
    .insert(sessions)
    .values({ tokenHash: hashSecret(sessionToken), accountId, csrfToken, expiresAt, lastUsedAt: now });
  await recordAudit(tx, {
    orgId: null,
    actorId: accountId,
    action: 'auth.login',
    entityType: 'account',
    entityId: accountId,
    ...(options.via ? { after: { via: options.via } } : {}),
  });
  return { accountId, sessionToken, csrfToken, expiresAt };
}

/**
 * Ends every session of the account but the one with `keepToken` (the person's own), in the
 * caller's transaction: after a password change. Says how many live sessions ended.
 */
export async function endOtherSessions(tx: Tx, now: Date, accountId: string, keepToken?: string): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(
      and(eq(sessions.accountId, accountId), ...(keepToken ? [ne(sessions.tokenHash, hashSecret(keepToken))] : [])),
    )
    .returning({ expiresAt: sessions.expiresAt });
  return ended.filter((session) => session.expiresAt > now).length;
}
