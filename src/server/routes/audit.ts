// The audit log (admins): a filtered, paged list, and the same filters as a CSV download.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify';
import type { Locale } from '../../core/domain.ts';
import type { AppDeps } from '../../app/context.ts';
import { listAuditEvents, type AuditEventView } from '../../app/audit/list-audit-events.ts';
import { exportAuditEvents } from '../../app/audit/export-audit-events.ts';
import { callerOf } from '../plugins/auth.ts';
import { requestLocale } from '../locale.ts';
import { OrgParams, Page, problemResponses } from '../../api/schemas/common.ts';
import { AuditEventSchema, AuditEventsQuery, AuditExportQuery } from '../../api/schemas/conversation.ts';

const COLUMNS: Record<Locale, string[]> = {
  en: [
    'Id',
    'Time',
    'Actor id',
    'Actor',
    'Action',
    'Entity type',
    'Entity id',
    'Objective id',
    'Unit id',
    'Before',
    'After',
  ],
  sv: [
    'Id',
    'Tid',
    'Aktörens id',
    'Aktör',
    'Händelse',
    'Objekttyp',
    'Objektets id',
    'Målets id',
    'Enhetens id',
    'Före',
    'Efter',
  ],
};

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

const csvRow = (e: AuditEventView) => [
  e.id,
  e.createdAt,
  e.actorId ?? '',
  e.actorName ?? '',
  e.action,
  e.entityType,
  e.entityId,
  e.objectiveId ?? '',
  e.unitId ?? '',
  json(e.before),
  json(e.after),
];

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/audit-events',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEvents',
        summary: 'The audit log: who changed what and when, with before and after (admins)',
        params: OrgParams,
        querystring: AuditEventsQuery,
        response: { 200: Page(AuditEventSchema), ...problemResponses },
      },
    },
    async (request) => listAuditEvents(deps, callerOf(request), request.params.orgId, request.query),
  );

  app.get(
    '/orgs/:orgId/audit-events.csv',
    {
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditEvents',
        summary: 'The audit log as CSV, with the same filters as the list (admins)',
        description:
          'Streamed newest first, with a header row in the caller’s language and a byte order mark for ' +
          'spreadsheets. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or ' +
          'carriage return) are prefixed with an apostrophe.',
        params: OrgParams,
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: {
          200: { description: 'CSV (RFC 4180)', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const events = await exportAuditEvents(deps, callerOf(request), request.params.orgId, request.query);
      const csv = stringify({
        bom: true,
        header: true,
        columns: COLUMNS[requestLocale(request)],
        escape_formulas: true,
        record_delimiter: 'windows',
      });
      const rows = Readable.from(
        (async function* () {
          for await (const event of events) yield csvRow(event);
        })(),
      );
      rows.on('error', (error) => csv.destroy(error));
      const date = deps.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${date}.csv"`)
        .header('cache-control', 'no-store')
        .send(rows.pipe(csv));
    },
  );
};
