import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { getReview } from '../../app/review/get-review.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { ReviewQuery, ReviewSchema } from '../../api/schemas/review.ts';

export const reviewRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/review',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'getReview',
        summary:
          'The quarterly review of a cycle, for the organisation or one unit: objectives with scores, bands, ' +
          'key results and reflections, what was carried over, alignment health (public objectives only)',
        params: OrgParams,
        querystring: ReviewQuery,
        response: { 200: ReviewSchema, ...problemResponses },
      },
    },
    async (request) => getReview(deps, callerOf(request), request.params.orgId, request.query),
  );
};
