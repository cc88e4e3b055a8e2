import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../app/errors.ts';
import type { Db } from '../../db/connect.ts';
import { pendingMigrations } from '../../db/migration-status.ts';

/**
 * Liveness answers while the process runs; readiness also asks the database, and whether it
 * has every migration this build carries (a load balancer sends no traffic until it has).
 */
export const healthRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request) => {
    const pending = await pendingMigrations(db).catch((error: unknown) => {
      request.log.warn({ err: error }, 'readiness: the database does not answer');
      throw new AppError('unavailable', 'database_unavailable', {}, [], {
        database: 'unavailable',
        migrations: 'unknown',
      });
    });
    if (pending > 0) {
      throw new AppError('unavailable', 'migrations_pending', { count: pending }, [], {
        database: 'ok',
        migrations: 'pending',
        pendingMigrations: pending,
      });
    }
    return { status: 'ready', database: 'ok', migrations: 'current' };
  });
};
