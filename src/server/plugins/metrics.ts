// /metrics for Prometheus, on the server's own port, only when RIKTNING_METRICS_TOKEN is set
// (no token: no /metrics at all, a 404) and only for a scraper that sends that token: the
// figures (routes, failure counts, queue sizes) are for the operator, not for visitors.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../app/errors.ts';
import type { ServerMetrics } from '../server-metrics.ts';
import { bearerTokenOf } from './auth.ts';
import { sendProblem } from './problem.ts';

export interface MetricsOptions {
  /** What the scraper sends as `Authorization: Bearer …`. */
  token: string;
  collector: ServerMetrics;
}

/** Digests have one length whatever the token's, so the comparison takes the same time. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export const metricsPlugin = fp(
  async (app: FastifyInstance, { settings }: { settings: MetricsOptions | undefined }) => {
    if (!settings) {
      // Off: a plain 404, not the web app's page, which answers every other unknown path.
      app.get('/metrics', { schema: { hide: true } }, async (request, reply) =>
        sendProblem(request, reply, new AppError('not_found', 'route_not_found')),
      );
      return;
    }
    const { token, collector } = settings;
    const expected = digest(token);
    // Unmatched addresses share one label: a label per address would grow without bound.
    app.addHook('onResponse', (request, reply, done) => {
      collector.recordResponse(
        request.method,
        request.routeOptions.url ?? 'unmatched',
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const given = bearerTokenOf(request.headers.authorization);
      if (given === null || !timingSafeEqual(digest(given), expected)) {
        throw new AppError('unauthenticated', 'metrics_token');
      }
      await collector.refresh();
      return reply.type(collector.registry.contentType).send(await collector.registry.metrics());
    });
  },
);
