// All API routes under /api/v1. Each resource has its own file of thin routes.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { authRoutes } from './auth.ts';
import { meRoutes } from './me.ts';

export const apiRoutes: FastifyPluginAsync<{ deps: AppDeps; loginRateLimit: number }> = async (app, { deps, loginRateLimit }) => {
  // Pass only our own options on: passing `prefix` again would nest it.
  const options = { deps, loginRateLimit };
  await app.register(authRoutes, options);
  await app.register(meRoutes, options);
};
