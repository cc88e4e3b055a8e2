// Spreadsheets out (docs/export.md, "Sheets out"): the OKRs of a cycle, the organisation's or
// one unit's, as CSV or XLSX in the reader's language, with the columns the sheet import reads
// back. Written as it is read: rows come through a cursor a batch at a time inside one
// read-only snapshot (db/cursor.ts, as the organisation export), each batch is encoded and
// handed to the writer, which waits while the client is behind.
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../core/domain.ts';
import { SHEET_HEADERS } from '../../core/okr-sheet-columns.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import { suggestSlug } from '../../core/slug.ts';
import { forEachBatch, inSnapshot } from '../../db/cursor.ts';
import type { AppDeps, Caller } from '../context.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { loadOrgRow } from '../orgs/get-org.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { findUnit } from '../units/unit-tree.ts';
import {
  OKR_SHEET_COLUMNS,
  okrSheetCells,
  okrSheetQuery,
  unitPeople,
  type OkrSheetContext,
  type OkrSheetRecord,
} from './okr-sheet-rows.ts';
import { XLSX_CONTENT_TYPE, XlsxWriter, type XlsxCell } from './xlsx-writer.ts';

export type OkrSheetFormat = 'csv' | 'xlsx';
export const OKR_SHEET_FORMATS: readonly OkrSheetFormat[] = ['csv', 'xlsx'];

/** Rows read from the cursor at a time. */
export const OKR_SHEET_BATCH = 2000;

export const OKR_SHEET_CONTENT_TYPES: Record<OkrSheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_CONTENT_TYPE,
};

/** Receives the file's bytes in order; resolves when it may be given more. */
export type SheetSink = (chunk: string | Uint8Array) => Promise<void>;

/** What a sheet is of, checked before anything is sent. */
export interface OkrSheetTarget {
  actor: OrgActor;
  cycle: { id: string; name: string; startsOn: string; endsOn: string };
  unit: { id: string; name: string } | null;
  /** The file's name without its extension: organisation, unit and cycle, as short names. */
  fileStem: string;
}

/**
 * The caller's sheet of a cycle, of the whole organisation or of one unit: anyone in the
 * organisation may download one, of what they may read. Another organisation's cycle or
 * unit, or none, is not found.
 */
export async function prepareOkrSheet(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: { cycleId: string; unitId?: string },
): Promise<OkrSheetTarget> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const cycle = await findOrgCycle(deps, orgId, input.cycleId);
  const unit = input.unitId === undefined ? null : await findUnit(deps.db, orgId, input.unitId);
  const org = await loadOrgRow(deps, orgId);
  const fileStem = [org.slug, unit && suggestSlug(unit.name), suggestSlug(cycle.name)].filter(Boolean).join('-');
  return {
    actor,
    cycle: { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
    unit: unit && { id: unit.id, name: unit.name },
    fileStem,
  };
}

export interface OkrSheetOptions {
  format: OkrSheetFormat;
  locale: Locale;
  batchSize?: number;
}

/** Writes the whole file to `write`; resolves with the number of rows below the header. */
export async function writeOkrSheet(
  deps: AppDeps,
  target: OkrSheetTarget,
  options: OkrSheetOptions,
  write: SheetSink,
): Promise<{ rows: number }> {
  const now = deps.now();
  const { start, end } = cycleBounds(target.cycle);
  const context: OkrSheetContext = {
    cycleName: target.cycle.name,
    expected: expectedProgress(start, end, now),
    locale: options.locale,
  };
  const header = OKR_SHEET_COLUMNS.map((column) => SHEET_HEADERS[column][options.locale]);
  const encoder =
    options.format === 'csv'
      ? csvEncoder(header, options.locale)
      : xlsxEncoder(header, target.unit ? `${target.unit.name} ${target.cycle.name}` : target.cycle.name, now);
  const { orgId } = target.actor;
  let rows = 0;
  await writeAll(encoder.start(), write);
  await inSnapshot(deps.db, async (tx) => {
    const unit = target.unit && { id: target.unit.id, people: await unitPeople(tx, orgId, target.unit.id) };
    const query = okrSheetQuery(target.actor, { orgId, cycleId: target.cycle.id, unit });
    const batchSize = options.batchSize ?? OKR_SHEET_BATCH;
    await forEachBatch<OkrSheetRecord>(tx, 'okr_sheet_rows', query, batchSize, async (batch) => {
      rows += batch.length;
      await writeAll(encoder.rows(batch.map((record) => okrSheetCells(record, context))), write);
    });
  });
  await writeAll(encoder.end(), write);
  return { rows };
}

async function writeAll(chunks: readonly (string | Uint8Array)[], write: SheetSink): Promise<void> {
  for (const chunk of chunks) await write(chunk);
}

/** Turns rows of cells into a file's bytes, a batch at a time. */
interface SheetEncoder {
  start(): (string | Uint8Array)[];
  rows(rows: XlsxCell[][]): (string | Uint8Array)[];
  end(): (string | Uint8Array)[];
}

/**
 * CSV as Excel opens it in the reader's language, like the import's templates: UTF-8 with a
 * byte order mark; in Swedish separated by semicolons with decimal commas (Swedish Excel's
 * own choice), in English by commas with decimal points. Dates as YYYY-MM-DD.
 */
function csvEncoder(header: readonly string[], locale: Locale): SheetEncoder {
  const options = {
    delimiter: locale === 'sv' ? ';' : ',',
    record_delimiter: 'windows' as const,
    // The cells are defused already (okr-sheet-rows.ts): this is the second guard, and a no-op.
    escape_formulas: true,
    cast: { number: (value: number) => (locale === 'sv' ? String(value).replace('.', ',') : String(value)) },
  };
  const text = (cell: XlsxCell) => (cell !== null && typeof cell === 'object' ? cell.date : cell);
  return {
    start: () => [`\uFEFF${stringify([[...header]], options)}`],
    rows: (rows) => [
      stringify(
        rows.map((row) => row.map(text)),
        options,
      ),
    ],
    end: () => [],
  };
}

/** Column widths in characters, by column: long texts wide; the rest as wide as their header. */
const WIDTHS: Partial<Record<(typeof OKR_SHEET_COLUMNS)[number], number>> = {
  unit: 22,
  parentUnit: 22,
  cycle: 12,
  objectiveTitle: 44,
  objectiveDescription: 44,
  objectiveOwnerName: 22,
  objectiveOwnerEmail: 28,
  keyResultTitle: 44,
  keyResultOwnerName: 22,
  keyResultOwnerEmail: 28,
  unitOfMeasure: 14,
  objectiveLevel: 14,
  keyResultMetric: 18,
  status: 14,
  lastCheckIn: 16,
};

function xlsxEncoder(header: readonly string[], sheetName: string, now: Date): SheetEncoder {
  const writer = new XlsxWriter({
    sheetName,
    header,
    widths: OKR_SHEET_COLUMNS.map((column, i) => Math.max(WIDTHS[column] ?? 10, (header[i]?.length ?? 0) + 2)),
    modified: now,
  });
  return {
    start: () => writer.take(),
    rows: (rows) => {
      writer.addRows(rows);
      return writer.take();
    },
    end: () => {
      writer.finish();
      return writer.take();
    },
  };
}
