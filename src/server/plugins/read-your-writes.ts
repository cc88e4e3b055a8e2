// Read-your-writes with a read replica (docs/scaling.md, "Read replica"): after a request
// that wrote, the caller's last write is remembered as the primary's WAL position, and a
// later read that may lag is served by the replica only once it has replayed that far
// (server/lag-tolerant.ts). Without a replica nothing here runs: no statement, no cookie.
//
// Where the position is kept. Several server processes may stand behind one load balancer,
// so a browser's next request may reach another process: the position travels with the
// browser, in a small HttpOnly cookie, and any process can read it. It is not signed: all
// it decides is which copy of the database serves that caller's own reads, so a forged
// value can only make them staler (a low one) or put them on the primary (a high one),
// never show anything the caller may not read. A script with a bearer token keeps no
// cookies, so its position is kept in this process's memory for a minute: behind a load
// balancer its read may reach a process that does not know of its write (docs say so).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppDeps } from '../../app/context.ts';
import { hashSecret } from '../../app/auth/secrets.ts';
import type { Db } from '../../db/connect.ts';
import { parseWalPosition, primaryWalPosition, type ReadReplica } from '../../db/read-replica.ts';
import { bearerTokenOf, HOST_COOKIE_PREFIX } from './auth.ts';

export const WROTE_COOKIE = 'riktning_wrote';
/** Long past any lag a healthy standby has; a caller that wrote longer ago reads as anyone does. */
const WROTE_COOKIE_SECONDS = 600;
/** How long a token's last write is remembered in the process, and for how many tokens at most. */
const TOKEN_MEMORY_MS = 60_000;
const TOKEN_MEMORY_MAX = 10_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const wroteCookieName = (request: FastifyRequest): string =>
  `${request.protocol === 'https' ? HOST_COOKIE_PREFIX : ''}${WROTE_COOKIE}`;

type TokenWrites = Map<string, { position: bigint; expires: number }>;

/**
 * Per replica handle (one per server process; tests run several servers in one process):
 * bearer tokens (by hash) → the WAL position after their last write, until `expires` (ms).
 */
const tokenWritesOf = new WeakMap<ReadReplica, TokenWrites>();

function tokenWrites(replica: ReadReplica): TokenWrites {
  let writes = tokenWritesOf.get(replica);
  if (!writes) tokenWritesOf.set(replica, (writes = new Map()));
  return writes;
}

const tokenKey = (request: FastifyRequest): string | null => {
  const token = bearerTokenOf(request.headers.authorization);
  return token ? hashSecret(token) : null;
};

/** The WAL position after the caller's last write, if it wrote lately (cookie or token memory). */
export function lastWriteOf(replica: ReadReplica, request: FastifyRequest): bigint | null {
  const key = tokenKey(request);
  if (key) {
    const remembered = tokenWrites(replica).get(key);
    if (!remembered || remembered.expires <= performance.now()) return null;
    return remembered.position;
  }
  const cookie = request.cookies[wroteCookieName(request)];
  return cookie ? parseWalPosition(cookie) : null;
}

/** A request that changed something: an unsafe method, not a read-only POST, answered with success. */
const wrote = (request: FastifyRequest, reply: FastifyReply): boolean =>
  !SAFE_METHODS.has(request.method) && !request.routeOptions.config.readOnly && reply.statusCode < 400;

async function remember(db: Db, replica: ReadReplica, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  // Asked once the use case's transaction has committed (the handler has returned).
  const text = await primaryWalPosition(db);
  const position = parseWalPosition(text);
  if (position === null) return;
  // Answers to two writes may come back in either order: the later position stays.
  const earlier = lastWriteOf(replica, request);
  if (earlier !== null && earlier >= position) return;
  const key = tokenKey(request);
  if (key) {
    const writes = tokenWrites(replica);
    if (writes.size >= TOKEN_MEMORY_MAX) {
      const oldest = writes.keys().next();
      if (!oldest.done) writes.delete(oldest.value);
    }
    writes.delete(key);
    writes.set(key, { position, expires: performance.now() + TOKEN_MEMORY_MS });
    return;
  }
  reply.setCookie(wroteCookieName(request), text, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: WROTE_COOKIE_SECONDS,
  });
}

export const readYourWritesPlugin = fp(async (app: FastifyInstance, { deps }: { deps: AppDeps }) => {
  const { db, replica } = deps;
  if (!replica) return;
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || !wrote(request, reply)) return;
    try {
      await remember(db, replica, request, reply);
    } catch (error) {
      // The write has happened; without its position the caller's reads may lag a moment.
      request.log.warn({ err: error }, 'could not read the primary’s WAL position after a write');
    }
  });
});
