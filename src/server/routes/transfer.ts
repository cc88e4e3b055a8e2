// Moving an organisation (app/transfer): the export, one JSON document streamed as it is
// read, with its JSON Schema published beside the OpenAPI document; and its import.
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { authorizeExport, writeExport } from '../../app/transfer/export-org.ts';
import { importOrganization } from '../../app/transfer/import-org.ts';
import { callerOf } from '../plugins/auth.ts';
import { sinkInto } from '../stream-sink.ts';
import { readMayLag } from '../lag-tolerant.ts';
import { OrgParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { ExportDocument, ImportQuery, ImportResultSchema } from '../../api/schemas/export.ts';

/**
 * The largest export an import takes in one request: an organisation of 10,000 people and
 * 1,000,000 check-ins exports 410 MB; the body is one string, and V8's longest is 512 MB.
 */
const IMPORT_BODY_LIMIT = 512 * 1024 * 1024;

export const transferRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
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
      // The document is read where its authorisation was: on the replica when it may serve.
      // A replica that fails before that is stepped around; one that fails while the
      // document streams ends the download, as the primary failing would.
      const { reader, actor } = await readMayLag(deps, request, async (reader, caller) => ({
        reader,
        actor: await authorizeExport(reader, caller, request.params.orgId),
      }));
      const body = new PassThrough();
      writeExport(reader, actor, sinkInto(body)).then(
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

  app.post(
    '/orgs/:orgId/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['organisations'],
        operationId: 'importOrg',
        summary: 'Fills an organisation with no OKRs yet from an export document (admins)',
        description:
          'People are matched by e-mail: a known account is linked, a new address gets an account that signs in ' +
          'once invited. Everything is written in one transaction, or nothing is; every problem is named by its ' +
          'JSON pointer (422). With dryRun=true it checks and counts, and writes nothing (200).',
        params: OrgParams,
        querystring: ImportQuery,
        body: ExportDocument,
        response: { 200: ImportResultSchema, 201: ImportResultSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === true;
      const result = await importOrganization(deps, callerOf(request), request.params.orgId, request.body, {
        dryRun,
      });
      return reply.code(dryRun ? 200 : 201).send(result);
    },
  );
};
