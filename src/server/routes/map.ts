// The alignment map: one request for the whole cycle (docs/alignment-map.md).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { getAlignmentMapJson } from '../../app/map/get-alignment-map.ts';
import { readMayLag } from '../lag-tolerant.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { AlignmentMapQuery, AlignmentMapSchema } from '../../api/schemas/map.ts';

export const mapRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/map',
    {
      schema: {
        tags: ['objectives'],
        operationId: 'getAlignmentMap',
        summary: 'A cycle’s alignment map: the objectives the caller may read, what they support, and the units',
        params: OrgParams,
        querystring: AlignmentMapQuery,
        response: { 200: AlignmentMapSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const json = await readMayLag(deps, request, (reader, caller) =>
        getAlignmentMapJson(reader, caller, request.params.orgId, request.query),
      );
      // A string with a JSON content type goes out as it is: Fastify calls the response
      // schema's serializer only for objects (map.test.ts holds the body to the database's text).
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
};
