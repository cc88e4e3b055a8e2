// Serves the built web app: hashed assets with a long cache, and index.html for every
// other non-API path, so the app's own router handles deep links. Each file goes out as
// the .br or .gz beside it (made by scripts/compress-web.mjs) when the client accepts one;
// the page itself is filled in on every answer with that answer's nonce (page-nonce.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../../app/errors.ts';
import { sendProblem } from './problem.ts';
import { pageNonce } from './security-headers.ts';
import { pageWithNonce } from '../page-nonce.ts';

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
    // The compressed copies are variants of their file, not paths of their own; the page
    // is never sent as built (below), so /index.html is a deep link like any other.
    globIgnore: ['**/*.br', '**/*.gz', 'index.html'],
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
  // Read on every answer, as a static file would be: a new build is served without a restart.
  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const nonce = pageNonce(request);
    if (!nonce) throw new Error('The page is served without a nonce: its route lacks config.pageNonce.');
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(pageWithNonce(await readFile(`${root}/index.html`, 'utf8'), nonce));
  };
  const page = { schema: { hide: true }, config: { public: true, pageNonce: true } };
  app.get('/*', page, async (request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(request, reply, new AppError('not_found', 'route_not_found'));
    return sendPage(request, reply);
  });
  app.get('/', page, sendPage);
});
