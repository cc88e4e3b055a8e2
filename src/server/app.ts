// Builds the HTTP server: plugins, then thin routes over the use cases.
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app/context.ts';
import { authPlugin } from './plugins/auth.ts';
import { databaseTurnPlugin } from './plugins/database-turn.ts';
import { readYourWritesPlugin } from './plugins/read-your-writes.ts';
import { problemPlugin, sendProblem } from './plugins/problem.ts';
import { answerClientError } from './plugins/client-error.ts';
import { installValidators } from './plugins/validation.ts';
import { ProblemSchema } from '../api/schemas/common.ts';
import { healthRoutes } from './routes/health.ts';
import { apiRoutes } from './routes/index.ts';
import { SCIM_PREFIX, scimRoutes } from './routes/scim.ts';
import type { RelyingParty } from '../app/sso/relying-party.ts';
import { webPlugin } from './plugins/web.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { lazySerializers } from './plugins/lazy-compile.ts';
import { docsPolicy, secureEarlyAnswer, securityHeadersPlugin } from './plugins/security-headers.ts';
import { metricsPlugin, type MetricsOptions } from './plugins/metrics.ts';
import { echoRequestId, requestIdOf } from './request-id.ts';
import { redactingLogger } from './log-redaction.ts';

export interface ServerOptions {
  deps: AppDeps;
  logger?: FastifyServerOptions['logger'];
  /** Reverse proxies, by address or range, whose X-Forwarded-* headers are believed (config.ts). */
  trustProxy?: string[];
  /**
   * Sign-in attempts per minute per address and e-mail (10); the per-e-mail and per-address
   * limits follow from it (sign-in-limits.ts).
   */
  loginRateLimit?: number;
  /** Each request's line in the log at info level (RIKTNING_ACCESS_LOG=1); otherwise at debug. */
  accessLog?: boolean;
  /** /metrics for Prometheus, behind its token (plugins/metrics.ts); no /metrics when unset. */
  metrics?: MetricsOptions;
  /** Directory of the built web app; not served when unset. */
  webRoot?: string;
  /** Single sign-on through an OpenID Connect provider (app/sso), when configured. */
  sso?: RelyingParty;
}

/** Never log secrets: credentials travel in these headers. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export async function buildServer(options: ServerOptions) {
  const app = Fastify({
    // Whatever a log line quotes of a request, its tokens are scrubbed (log-redaction.ts).
    logger: redactingLogger(options.logger),
    // A line per request only when asked for (LOG_LEVEL=debug or RIKTNING_ACCESS_LOG=1, below):
    // by default the log holds starts, stops and problems, not thousands of lines of clicking.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    // Errors met before a route is found are problems too: a broken %-escape in the path,
    // a path parameter longer than the router takes (414), a request that is not HTTP.
    frameworkErrors: (error, request, reply) => sendProblem(request, secureEarlyAnswer(reply), error),
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  installValidators(app);
  // First: every answer carries the security headers, even one a later hook refuses.
  await app.register(securityHeadersPlugin);
  app.addHook('onRequest', echoRequestId);
  const accessLevel = options.accessLog ? 'info' : 'debug';
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, not the address: addresses may carry tokens (invitations).
    request.log[accessLevel](
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown route',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
  app.addSchema(ProblemSchema);
  await app.register(cookie);
  await app.register(problemPlugin);
  await app.register(databaseTurnPlugin);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    // Routes that only read, though they take a body, say so in the document.
    transform: ({ schema, url, route }) => ({
      schema: route.config?.readOnly ? ({ ...schema, 'x-read-only': true } as typeof schema) : schema,
      url,
    }),
    // Shared schemas keep their own names (Problem) in the document.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Riktning API',
        version: '1',
        description: 'Objectives and key results for organisations, teams and people.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'riktning_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(metricsPlugin, { settings: options.metrics });
  await app.register(authPlugin, { deps: options.deps });
  // A write that has not yet moved the mark moves it before the database is closed.
  app.addHook('onClose', async () => options.deps.writeMark?.flush());
  await app.register(readYourWritesPlugin, { deps: options.deps });
  // The API, compressed as it answers. The web app's files are compressed once, at build
  // time, and sent as they are (plugins/web.ts), so they stay outside this context.
  await app.register(async (api) => {
    await api.register(compressionPlugin);
    await api.register(healthRoutes, { db: options.deps.db });
    await api.register(apiRoutes, {
      prefix: '/api/v1',
      deps: options.deps,
      loginRateLimit: options.loginRateLimit ?? 10,
      sso: options.sso,
    });
    // Provisioning by the organisation's identity provider (SCIM 2.0), outside the API's
    // authentication and out of its document.
    await api.register(scimRoutes, { prefix: SCIM_PREFIX, deps: options.deps });
    // The API's document holds no personal data: a cache may keep it, asking again each time.
    api.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').send(app.swagger()),
    );
    await api.register(swaggerUi, { routePrefix: '/api/docs', transformStaticCSP: docsPolicy });
  });
  if (options.webRoot) await app.register(webPlugin, { root: options.webRoot });
  return app;
}

export type Server = Awaited<ReturnType<typeof buildServer>>;
