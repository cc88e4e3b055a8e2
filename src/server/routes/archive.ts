// The organisation's archive (admins): what is archived, newest first, to restore with each
// kind's own POST …/restore.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { listArchived } from '../../app/archive/list-archived.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, Page, problemResponses } from '../../api/schemas/common.ts';
import { ArchivedItemSchema, ListArchivedQuery } from '../../api/schemas/archive.ts';

export const archiveRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/archive',
    {
      schema: {
        tags: ['archive'],
        operationId: 'listArchived',
        summary: 'Archived objectives, key results, activities and units, newest archived first (admins)',
        description:
          'Restore one with POST /objectives/{id}/restore, /key-results/{id}/restore, /activities/{id}/restore ' +
          'or /units/{id}/restore and its version in If-Match. A unit archived with the unit above it is not ' +
          'listed: it comes back with that one.',
        params: OrgParams,
        querystring: ListArchivedQuery,
        response: { 200: Page(ArchivedItemSchema), ...problemResponses },
      },
    },
    async (request) => listArchived(deps, callerOf(request), request.params.orgId, request.query),
  );
};
