import type { FastifyPluginAsync } from 'fastify';

/** Liveness answers while the process runs; readiness also asks the database. */
export const healthRoutes: FastifyPluginAsync<{ ready: () => Promise<boolean> }> = async (app, { ready }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ok = await ready().catch(() => false);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable' });
  });
};
