import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { getAlignmentHealth } from '../../app/health/alignment-health.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { AlignmentHealthQuery, AlignmentHealthSchema } from '../../api/schemas/coach.ts';

export const alignmentHealthRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/alignment-health',
    {
      schema: {
        tags: ['coach'],
        operationId: 'getAlignmentHealth',
        summary: 'How well a cycle’s objectives align, for the organisation or one unit and the units beneath it',
        params: OrgParams,
        querystring: AlignmentHealthQuery,
        response: { 200: AlignmentHealthSchema, ...problemResponses },
      },
    },
    async (request) => getAlignmentHealth(deps, callerOf(request), request.params.orgId, request.query),
  );
};
