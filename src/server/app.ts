// Builds the HTTP server: plugins, then thin routes over the use cases.
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app/context.ts';
import { authPlugin } from './plugins/auth.ts';
import { problemPlugin } from './plugins/problem.ts';
import { installValidators } from './plugins/validation.ts';
import { ProblemSchema } from '../api/schemas/common.ts';
import { healthRoutes } from './routes/health.ts';
import { apiRoutes } from './routes/index.ts';
import { SCIM_PREFIX, scimRoutes } from './routes/scim.ts';
import type { RelyingParty } from '../app/sso/relying-party.ts';
import { webPlugin } from './plugins/web.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { lazySerializers } from './plugins/lazy-compile.ts';
import { redactingLogger } from './log-redaction.ts';

export interface ServerOptions {
  deps: AppDeps;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  /** Sign-in attempts per minute per address and e-mail. */
  loginRateLimit?: number;
  ready?: () => Promise<boolean>;
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
    // A line per request only when asked for (LOG_LEVEL=debug, below): by default the log
    // holds starts, stops and problems, not thousands of lines of clicking.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installValidators(app);
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, not the address: addresses may carry tokens (invitations).
    request.log.debug(
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
  await app.register(authPlugin, { deps: options.deps });
  // The API, compressed as it answers. The web app's files are compressed once, at build
  // time, and sent as they are (plugins/web.ts), so they stay outside this context.
  await app.register(async (api) => {
    await api.register(compressionPlugin);
    await api.register(healthRoutes, { ready: options.ready ?? (async () => true) });
    await api.register(apiRoutes, {
      prefix: '/api/v1',
      deps: options.deps,
      loginRateLimit: options.loginRateLimit ?? 10,
      sso: options.sso,
    });
    // Provisioning by the organisation's identity provider (SCIM 2.0), outside the API's
    // authentication and out of its document.
    await api.register(scimRoutes, { prefix: SCIM_PREFIX, deps: options.deps });
    api.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
    await api.register(swaggerUi, { routePrefix: '/api/docs' });
  });
  if (options.webRoot) await app.register(webPlugin, { root: options.webRoot });
  return app;
}

export type Server = Awaited<ReturnType<typeof buildServer>>;
