// Spreadsheets in (docs/sheet-import.md): a CSV or XLSX file read into rows with proposed
// columns, the rows checked (dry run) or imported all or nothing, and the templates.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { importSheet } from '../../app/sheets/import-sheet.ts';
import { readSheetImport } from '../../app/sheets/read-sheet-import.ts';
import { SHEET_CONTENT_TYPES } from '../../app/sheets/read-sheet-file.ts';
import { sheetTemplateCsv, sheetTemplateXlsx } from '../../app/sheets/sheet-template.ts';
import type { Locale } from '../../core/domain.ts';
import { SHEET_LIMITS } from '../../core/limits.ts';
import { sheetProblemMessage, type SheetProblem } from '../../core/sheet-problems.ts';
import { OrgParams, checkedReadProblemResponses, problemResponses } from '../../api/schemas/common.ts';
import {
  SheetDryRunSchema,
  SheetImportBody,
  SheetImportInvalidSchema,
  SheetImportQuery,
  SheetImportedSchema,
  SheetReadSchema,
  SheetTemplateParams,
} from '../../api/schemas/sheet-imports.ts';
import { callerOf } from '../plugins/auth.ts';
import { requestLocale } from '../locale.ts';

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

const withMessages = (problems: readonly SheetProblem[], locale: Locale) =>
  problems.map((problem) => ({ ...problem, message: sheetProblemMessage(problem, locale) }));

const problemContent = (schema: object) => ({
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema } },
});

/** The sheet file itself as the request's body. */
const readFileRoute: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  // In this route's context only: every body arrives as bytes, the reader tells CSV from XLSX.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SHEET_LIMITS.bytes }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/orgs/:orgId/sheet-imports/read',
    {
      bodyLimit: SHEET_LIMITS.bytes,
      config: {
        readOnly: true,
        tooLarge: { key: 'sheet_too_large', params: { limit: megabytes(SHEET_LIMITS.bytes) } },
      },
      schema: {
        tags: ['organisations'],
        operationId: 'readSheetImport',
        summary: 'Reads a CSV or XLSX sheet into rows and proposes a column for each field (admins)',
        description:
          `The body is the file as it is: CSV (text/csv or text/plain; comma, semicolon or tab; UTF-8 with or ` +
          `without a byte order mark, else Windows-1252) or XLSX. At most ${megabytes(SHEET_LIMITS.bytes)} ` +
          `(413 sheet_too_large) and ${SHEET_LIMITS.rows} rows below the header (422 sheet_too_many_rows); an XLSX ` +
          `with a formula (422 sheet_has_formulas, naming the cell) or macros (422 sheet_has_macros) is refused. ` +
          `The proposed columns are the organisation's saved choices for these headers, else suggestions from their ` +
          `names. Nothing is written.`,
        params: OrgParams,
        body: {
          content: Object.fromEntries(
            [SHEET_CONTENT_TYPES.csv, SHEET_CONTENT_TYPES.xlsx].map((type) => [
              type,
              // No type: the body arrives as bytes, which the reader checks.
              { schema: { description: 'The file, as it is' } },
            ]),
          ),
        },
        response: {
          200: SheetReadSchema,
          ...checkedReadProblemResponses,
          413: problemContent({ $ref: 'Problem#' }),
          415: problemContent({ $ref: 'Problem#' }),
        },
      },
    },
    async (request) => {
      const type = request.headers['content-type'] ?? '';
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return readSheetImport(deps, callerOf(request), request.params.orgId, { bytes, contentType: type });
    },
  );
};

export const sheetImportRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(readFileRoute, { deps });

  app.post(
    '/orgs/:orgId/sheet-imports',
    {
      bodyLimit: SHEET_LIMITS.jsonBytes,
      config: { tooLarge: { key: 'sheet_too_large', params: { limit: megabytes(SHEET_LIMITS.jsonBytes) } } },
      schema: {
        tags: ['organisations'],
        operationId: 'importSheet',
        summary: 'Checks or imports the rows of a sheet with a mapping, all or nothing (admins)',
        description:
          'Creates the units, people (matched by e-mail; new ones sign in once invited), cycles, objectives and key ' +
          'results the rows describe, in one transaction. With dryRun=true: 200 with what would be created and every ' +
          'problem, nothing written. Without: 201, or 422 sheet_import_invalid naming every problem by row and column ' +
          'and nothing written. A successful import saves the mapping for the next sheet with these headers.',
        params: OrgParams,
        querystring: SheetImportQuery,
        body: SheetImportBody,
        response: {
          200: SheetDryRunSchema,
          201: SheetImportedSchema,
          ...problemResponses,
          409: problemContent({ $ref: 'Problem#' }),
          413: problemContent({ $ref: 'Problem#' }),
          422: problemContent(SheetImportInvalidSchema),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const locale = requestLocale(request);
      const { orgId } = request.params;
      const input = { headers: request.body.headers, rows: request.body.rows, mapping: request.body.mapping };
      if (request.query.dryRun === true) {
        const result = await importSheet(deps, caller, orgId, input, { dryRun: true });
        return reply.code(200).send({ ...result, problems: withMessages(result.problems, locale) });
      }
      try {
        return reply.code(201).send(await importSheet(deps, caller, orgId, input, { dryRun: false }));
      } catch (error) {
        if (error instanceof AppError && Array.isArray(error.extensions.problems)) {
          error.extensions.problems = withMessages(error.extensions.problems as SheetProblem[], locale);
        }
        throw error;
      }
    },
  );

  app.get(
    '/sheet-templates/:file',
    {
      config: { public: true },
      schema: {
        tags: ['organisations'],
        operationId: 'sheetTemplate',
        summary: 'A sheet to fill in for the sheet import, in Swedish or English, with examples',
        description:
          'The import’s columns with headers in the language and a few example rows (an organisation objective, a ' +
          'team’s objective with key results, a person’s objective), for the current year and quarter. The CSV is ' +
          'UTF-8 with a byte order mark, separated by semicolons in Swedish and commas in English.',
        security: [],
        params: SheetTemplateParams,
        produces: ['text/csv', SHEET_CONTENT_TYPES.xlsx],
        response: {
          200: {
            description: 'The template',
            content: {
              'text/csv': { schema: { type: 'string' } },
              [SHEET_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
            },
          },
          400: problemContent({ $ref: 'Problem#' }),
        },
      },
    },
    async (request, reply) => {
      const [language, format] = request.params.file.split('.') as [Locale, 'csv' | 'xlsx'];
      const name = language === 'sv' ? 'riktning-mall' : 'riktning-template';
      if (format === 'xlsx') {
        return reply
          .header('content-type', SHEET_CONTENT_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .header('cache-control', 'no-cache')
          .send(Buffer.from(sheetTemplateXlsx(language, deps.now())));
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .header('cache-control', 'no-cache')
        .send(sheetTemplateCsv(language, deps.now()));
    },
  );
};
