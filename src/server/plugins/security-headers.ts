// The headers every answer carries (API, the web app's files and page, the API's docs,
// errors and 404s), so a browser holds the app to what it is: a strict Content-Security-
// Policy (scripts and styles from this site only, no inline script or style except the
// page's own styles by nonce, no framing), no sniffing of types, no referrer beyond this
// site, no camera or microphone, HTTPS pinned when the request came over it, and no copy of
// the API's personal data kept in any cache. Registered first (app.ts), so that even an
// answer refused by a later hook (rate limit, sign-in) carries them.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { isBatchPart } from '../batch-part.ts';
import { newNonce } from '../page-nonce.ts';
import { SCIM_PREFIX } from '../routes/scim.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer is the web app's page: the styles the app adds need this answer's nonce. */
    pageNonce?: boolean;
  }
}

/** Browser features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** A year, for this host (and any below it): only sent on an answer that came over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Where answers hold personal data (objectives, people, check-ins): never stored by a cache. */
const PERSONAL_DATA_PREFIXES = ['/api/v1/', `${SCIM_PREFIX}/`];

const nonces = new WeakMap<IncomingMessage, string>();

/** This answer's nonce, when it is the web app's page (route config `pageNonce`). */
export function pageNonce(request: FastifyRequest): string | undefined {
  return nonces.get(request.raw);
}

const styleSources = (request: IncomingMessage): string => {
  const nonce = nonces.get(request);
  return nonce ? `'self' 'nonce-${nonce}'` : "'self'";
};

/**
 * The API's docs (Swagger UI) add one inline style of their own: the <style> inside the logo
 * they draw before ours replaces it. Let in by its hash, not by 'unsafe-inline'; a new version
 * of Swagger UI that changes it shows as a violation in the browser journey.
 */
const DOCS_LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';
const docsLogoStyleHash = `'sha256-${createHash('sha256').update(DOCS_LOGO_STYLE).digest('base64')}'`;

/** The policy of the API's docs: the app's, with the logo's style (@fastify/swagger-ui's transformStaticCSP). */
export const docsPolicy = (policy: string): string =>
  policy.replace(/(^|;)\s*style-src 'self'/, `$1style-src 'self' ${docsLogoStyleHash}`);

/**
 * Helmet's headers, its policy built once: the style sources are the one part that changes
 * per answer (the page's nonce), and helmet asks for them per answer.
 */
const helmetHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'none'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // A second line behind the Markdown rule (core/safe-link.ts): no image from elsewhere.
      imgSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: [styleSources],
    },
  },
  // Set below, and only over HTTPS.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
});

/**
 * Helmet's headers for an answer without a nonce (every answer but the web app's page):
 * the same every time, so worked out once by running helmet against a response that only
 * records them. Helmet's dozen middlewares per answer were 3 % of a check-in's time.
 */
function headersWithoutNonce(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => undefined,
  };
  let failed: unknown;
  // Helmet asks the request only for the style sources, and with no nonce kept for it, they are 'self'.
  helmetHeaders({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failed = error;
  });
  if (failed !== undefined) throw failed;
  return headers;
}

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  const constantHeaders = headersWithoutNonce();
  app.addHook('onRequest', (request, reply, done) => {
    // A part's headers are dropped; the batch's own answer carries these.
    if (isBatchPart(request)) return done();
    // Before helmet's headers: the policy names this answer's nonce.
    if (request.routeOptions.config.pageNonce) nonces.set(request.raw, newNonce());
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // request.protocol reads X-Forwarded-Proto only when the proxy is trusted (TRUST_PROXY):
    // a plain-HTTP installation is never told to insist on HTTPS it does not have.
    if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    // A route without personal data (the API's document, the example library) sets its own.
    if (PERSONAL_DATA_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      reply.header('cache-control', 'no-store');
    }
    if (!nonces.has(request.raw)) {
      reply.headers(constantHeaders);
      return done();
    }
    helmetHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
});

/**
 * The headers of an answer Fastify gives before any hook runs (a broken %-escape in the
 * address, a parameter too long for the router): a problem, so no content may load from
 * it, nor may it be framed, sniffed or stored.
 */
export function secureEarlyAnswer(reply: FastifyReply): FastifyReply {
  return reply.headers({
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cache-control': 'no-store',
  });
}
