// What every way of signing in shares on the HTTP side (password, first-run set-up,
// invitation): the cookies and the answer. The attempt limits are in sign-in-limits.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/context.ts';
import type { StartedSession } from '../app/auth/session.ts';
import { getMe, type MeView } from '../app/me/get-me.ts';
import {
  CSRF_COOKIE,
  HOST_COOKIE_PREFIX,
  SESSION_COOKIE,
  sessionCookieNames,
  sessionCookieOf,
} from './plugins/auth.ts';

/** The session cookie the browser already has: it is ended when a new session starts. */
export const currentSessionToken = (request: FastifyRequest): string | undefined => sessionCookieOf(request);

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
  // Over HTTPS: Secure, and named __Host- (plugins/auth.ts); over plain HTTP (localhost) neither.
  const names = sessionCookieNames(reply.request);
  const secure = reply.request.protocol === 'https';
  const cookieOptions = { path: '/', sameSite: 'lax', secure, expires: session.expiresAt } as const;
  reply.setCookie(names.session, session.sessionToken, { ...cookieOptions, httpOnly: true });
  // Readable by the web app, which echoes it in X-CSRF-Token.
  return reply.setCookie(names.csrf, session.csrfToken, { ...cookieOptions, httpOnly: false });
}

/** Clears the cookies under both names, whichever scheme set them; a __Host- one only goes when cleared Secure. */
export function clearSessionCookies(reply: FastifyReply): FastifyReply {
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
    reply.clearCookie(name, { path: '/' });
    reply.clearCookie(`${HOST_COOKIE_PREFIX}${name}`, { path: '/', secure: true });
  }
  return reply;
}
