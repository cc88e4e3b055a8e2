// Serves the built web app: hashed assets with a long cache, and index.html for every
// other non-API path, so the app's own router handles deep links. Each file goes out as
// the .br or .gz beside it (made by scripts/compress-web.mjs) when the client accepts one.
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../../app/errors.ts';
import { sendProblem } from './problem.ts';

export const webPlugin = fp(async (app: FastifyInstance, { root }: { root: string }) => {
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ root }, 'web app not built; run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The compressed copies are variants of their file, not paths of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    // Our own cache rule below, not send's default max-age=0.
    cacheControl: false,
    setHeaders: (response, path) => {
      // The answer depends on Accept-Encoding, whether or not this one was compressed.
      response.setHeader('vary', 'accept-encoding');
      response.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(request, reply, new AppError('not_found', 'route_not_found'));
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  app.get('/', { schema: { hide: true }, config: { public: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
});
