// Spreadsheets out (app/sheets/okr-sheet.ts): a cycle's OKRs, the organisation's or a unit's,
// as CSV or XLSX, streamed as they are read.
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { OKR_SHEET_CONTENT_TYPES, prepareOkrSheet, writeOkrSheet } from '../../app/sheets/okr-sheet.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { OkrSheetQuery } from '../../api/schemas/okr-sheet.ts';
import { readMayLag } from '../lag-tolerant.ts';
import { requestLocale } from '../locale.ts';
import { sinkInto } from '../stream-sink.ts';

export const okrSheetRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/okr-sheet',
    {
      schema: {
        tags: ['objectives'],
        operationId: 'downloadOkrSheet',
        summary: 'A cycle’s OKRs as a spreadsheet (CSV or XLSX), the organisation’s or one unit’s',
        description:
          'One row per key result, its objective’s columns repeated, and one row for an objective without key ' +
          'results; the headers are those the sheet import reads (so the file imports back), then progress (%), ' +
          'status, confidence, last check-in and score of the row’s key result (of the objective on a row without ' +
          'one). Only objectives the caller may read; archived ones are left out. Streamed as it is read, from one ' +
          'consistent snapshot. CSV: UTF-8 with a byte order mark, `;` and decimal commas in Swedish, `,` and ' +
          'decimal points in English. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab ' +
          'or carriage return) gets an apostrophe before it, in both formats.',
        params: OrgParams,
        querystring: OkrSheetQuery,
        produces: [OKR_SHEET_CONTENT_TYPES.csv, OKR_SHEET_CONTENT_TYPES.xlsx],
        response: {
          200: {
            description: 'The sheet, as an attachment',
            content: {
              'text/csv': { schema: { type: 'string' } },
              [OKR_SHEET_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { cycleId, unitId, format = 'csv', lang } = request.query;
      // Read where it was prepared: on the read replica when it may serve (as the export).
      const { reader, target } = await readMayLag(deps, request, async (reader, caller) => ({
        reader,
        target: await prepareOkrSheet(reader, caller, request.params.orgId, { cycleId, unitId }),
      }));
      const body = new PassThrough();
      writeOkrSheet(reader, target, { format, locale: lang ?? requestLocale(request) }, sinkInto(body)).then(
        () => body.end(),
        (error: unknown) => {
          request.log.error({ err: error }, 'OKR sheet download failed');
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return reply
        .header('content-type', OKR_SHEET_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${target.fileStem}.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
