// Quick search across an organisation (the web app's Ctrl+K dialog).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { searchOrg } from '../../app/search/search-org.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, checkedReadProblemResponses } from '../../api/schemas/common.ts';
import { SearchHitsSchema, SearchQuery } from '../../api/schemas/search.ts';

export const searchRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'searchOrg',
        summary:
          'Find objectives, key results, units and people by part of their title, name or e-mail address, grouped',
        params: OrgParams,
        querystring: SearchQuery,
        response: { 200: SearchHitsSchema, ...checkedReadProblemResponses },
      },
    },
    async (request) => searchOrg(deps, callerOf(request), request.params.orgId, request.query),
  );
};
