// The organisation export (app/export): one JSON document, streamed as it is read, with
// its JSON Schema published beside the OpenAPI document.
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { authorizeExport, writeExport, type ExportSink } from '../../app/export/export-org.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { ExportDocument } from '../../api/schemas/export.ts';

/** Writes into the answer, waiting while the client is behind; fails once the client has gone. */
function sinkInto(body: PassThrough): ExportSink {
  return async (chunk) => {
    if (body.destroyed) throw new Error('the client left before the export was written');
    if (!body.write(chunk)) await Promise.race([once(body, 'drain'), once(body, 'close')]);
  };
}

export const exportRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/export',
    {
      schema: {
        tags: ['organisations'],
        operationId: 'exportOrg',
        summary: 'Everything the organisation owns as one JSON document, format "riktning/1" (admins)',
        description:
          'Streamed as it is read, in one consistent snapshot. The document’s JSON Schema is also at ' +
          '/api/v1/export-schema.json.',
        params: OrgParams,
        response: { 200: ExportDocument, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = await authorizeExport(deps, callerOf(request), request.params.orgId);
      const body = new PassThrough();
      writeExport(deps, actor, sinkInto(body)).then(
        () => body.end(),
        (error: unknown) => {
          request.log.error({ err: error }, 'organisation export failed');
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      const date = deps.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="riktning-export-${date}.json"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    '/export-schema.json',
    {
      config: { public: true },
      schema: {
        tags: ['organisations'],
        operationId: 'exportSchema',
        summary: 'The JSON Schema of the organisation export document',
        security: [],
      },
    },
    async (_request, reply) =>
      reply.header('content-type', 'application/schema+json').send(JSON.stringify(ExportDocument)),
  );
};
