// What every way of signing in shares on the HTTP side (password, first-run set-up,
// invitation): the cookies and the answer. The attempt limits are in sign-in-limits.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/context.ts';
import type { StartedSession } from '../app/auth/session.ts';
import { getMe, type MeView } from '../app/me/get-me.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './plugins/auth.ts';

/** The session cookie the browser already has: it is ended when a new session starts. */
export const currentSessionToken = (request: FastifyRequest): string | undefined => request.cookies[SESSION_COOKIE];

/** Sets the session and CSRF cookies and answers with the account and the CSRF token. */
export async function sendSignedIn(
  deps: AppDeps,
  reply: FastifyReply,
  session: StartedSession,
  status = 200,
): Promise<{ account: MeView; csrfToken: string }> {
  setSessionCookies(reply, session);
  reply.status(status);
  return { account: await getMe(deps, { accountId: session.accountId }), csrfToken: session.csrfToken };
}

/** The session's cookies, for a sign-in that answers with a redirect (single sign-on) or with JSON. */
export function setSessionCookies(reply: FastifyReply, session: StartedSession): FastifyReply {
  const cookieOptions = { path: '/', sameSite: 'lax', secure: 'auto', expires: session.expiresAt } as const;
  reply.setCookie(SESSION_COOKIE, session.sessionToken, { ...cookieOptions, httpOnly: true });
  // Readable by the web app, which echoes it in X-CSRF-Token.
  return reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): FastifyReply {
  return reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
}
