// Authentication for /api: a session cookie (browser) or `Authorization: Bearer <token>`
// (scripts, CLI). Cookie-authenticated writes must echo the session's CSRF token in the
// X-CSRF-Token header; a cross-site page can send the cookie but cannot read the token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  authenticateApiToken,
  authenticateSession,
  NOT_SIGNED_IN,
  type Authenticated,
  type Authentication,
} from '../../app/auth/authenticate.ts';
import type { AppDeps } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { sendProblem } from './problem.ts';
import { scopesWrite } from '../../core/service-scopes.ts';

export const SESSION_COOKIE = 'riktning_session';
export const CSRF_COOKIE = 'riktning_csrf';
/**
 * Over HTTPS the cookies' names carry this prefix: a browser then takes them only when
 * Secure, for the whole site and from this very host (no Domain), so neither a sibling
 * subdomain nor a page over plain HTTP can plant or overwrite them.
 */
export const HOST_COOKIE_PREFIX = '__Host-';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** The route answers without sign-in. */
    public?: boolean;
    /**
     * A POST that only reads (its question is too big or too structured for a query
     * string). The OpenAPI document marks it `x-read-only`, so tools such as the
     * permission walk treat it as a read. It still needs the CSRF token, like any POST.
     */
    readOnly?: boolean;
    /**
     * The route acts on the caller's own account (profile, password, tokens, the bell) or
     * hands out access: people only, never a service account's token.
     */
    peopleOnly?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of an `Authorization: Bearer <token>` header, or null for any other. */
export const bearerTokenOf = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;

/**
 * The session and CSRF cookies' names for the request's scheme (request.protocol, which
 * honours X-Forwarded-Proto behind a trusted proxy): prefixed over HTTPS, plain over HTTP.
 */
export function sessionCookieNames(request: FastifyRequest): { session: string; csrf: string } {
  const prefix = request.protocol === 'https' ? HOST_COOKIE_PREFIX : '';
  return { session: `${prefix}${SESSION_COOKIE}`, csrf: `${prefix}${CSRF_COOKIE}` };
}

/** The session cookie of the request's scheme, if the browser sent one. */
export const sessionCookieOf = (request: FastifyRequest): string | undefined =>
  request.cookies[sessionCookieNames(request).session];

async function identify(deps: AppDeps, request: FastifyRequest): Promise<Authentication> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = bearerTokenOf(header);
    return token ? authenticateApiToken(deps, token) : NOT_SIGNED_IN;
  }
  const cookie = sessionCookieOf(request);
  return cookie ? authenticateSession(deps, cookie) : NOT_SIGNED_IN;
}

/** Why a caller is refused: an ended session or token says so, so a script's author knows what to renew. */
function refusalOf(request: FastifyRequest, identified: Authentication): string {
  if (!identified.expired) return 'unauthenticated';
  return request.headers.authorization === undefined ? 'session_expired' : 'token_expired';
}

export const authPlugin = fp(async (app: FastifyInstance, { deps }: { deps: AppDeps }) => {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const identified = await identify(deps, request);
    request.caller = identified.caller;
    if (request.routeOptions.config.public) return;
    if (!request.caller) {
      return sendProblem(request, reply, new AppError('unauthenticated', refusalOf(request, identified)));
    }
    if (!csrfHonoured(request)) return sendProblem(request, reply, new AppError('forbidden', 'csrf_failed'));
    const refusal = serviceRefusal(request);
    if (refusal) return sendProblem(request, reply, new AppError('forbidden', refusal));
  });
});

/** False for a cookie-authenticated POST (or other unsafe method) without the session's CSRF token. */
export function csrfHonoured(request: FastifyRequest): boolean {
  const csrf = request.caller?.csrfToken ?? null;
  return csrf === null || SAFE_METHODS.has(request.method) || request.headers[CSRF_HEADER] === csrf;
}

/**
 * What a service account may never call, whatever its scopes: the routes for people, and
 * any change when it only reads. The policy (core/service-scopes.ts) decides the rest.
 */
export function serviceRefusal(request: FastifyRequest): 'people_only' | 'scope_insufficient' | null {
  const service = request.caller?.service;
  if (!service) return null;
  const { config } = request.routeOptions;
  if (config.peopleOnly) return 'people_only';
  const writes = !SAFE_METHODS.has(request.method) && !config.readOnly;
  return writes && !scopesWrite(service.scopes) ? 'scope_insufficient' : null;
}

/** The signed-in caller; routes that are not public can rely on it. */
export function callerOf(request: FastifyRequest): Authenticated {
  if (!request.caller) throw new AppError('unauthenticated', 'unauthenticated');
  return request.caller;
}
