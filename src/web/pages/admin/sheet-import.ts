// The sheet import wizard's arithmetic, apart from its screen: which content type a chosen
// file is sent as, the cells edited in the preview laid over the sheet's rows, the
// server's problems grouped by row and cell, and which rows the preview shows.
import type { SheetField } from '../../../core/okr-sheet-columns.ts';
import type { SheetMapping } from '../../../core/sheet-mapping.ts';
import { columnLetter } from '../../../core/sheet-values.ts';
import type { SheetProblem } from '../../api/types.ts';

export type { SheetMapping };

export const SHEET_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** What the file chooser offers: the two kinds by extension and by type. */
export const SHEET_ACCEPT = `.csv,.xlsx,${SHEET_TYPES.csv},${SHEET_TYPES.xlsx}`;

/**
 * The content type a chosen file is uploaded as: its name decides (browsers report a CSV
 * as text/csv, application/vnd.ms-excel or nothing at all, depending on the system), then
 * its type. Null for anything else, which the wizard refuses before sending.
 */
export function sheetContentType(file: { name: string; type: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return SHEET_TYPES.csv;
  if (name.endsWith('.xlsx')) return SHEET_TYPES.xlsx;
  if (file.type === SHEET_TYPES.csv || file.type === SHEET_TYPES.xlsx) return file.type;
  return null;
}

/** The sheet's row number of a data row (the header is row 1), and back. */
export const rowNumberOf = (rowIndex: number): number => rowIndex + 2;
export const rowIndexOf = (rowNumber: number): number => rowNumber - 2;

/**
 * How the mapping's choices name the sheet's columns: by header, with the column's letter
 * where the header alone does not tell it apart (empty, or the same as another's).
 */
export function columnChoices(headers: readonly string[]): { index: number; header: string; letter: string | null }[] {
  const seen = new Map<string, number>();
  for (const header of headers) seen.set(header.trim(), (seen.get(header.trim()) ?? 0) + 1);
  return headers.map((raw, index) => {
    const header = raw.trim();
    return { index, header, letter: header && seen.get(header) === 1 ? null : columnLetter(index) };
  });
}

/** Cells typed into in the preview, by `row:column` (both indexes from 0 over the data rows). */
export type CellEdits = Readonly<Record<string, string>>;

export const cellKey = (rowIndex: number, columnIndex: number): string => `${rowIndex}:${columnIndex}`;

/** The cell as it stands: edited, or as read. */
export function cellValue(rows: readonly (readonly string[])[], edits: CellEdits, row: number, column: number): string {
  return edits[cellKey(row, column)] ?? rows[row]?.[column] ?? '';
}

/**
 * The rows with the edits in them, for the next check and the import. Rows not edited are
 * the same arrays as before; an edit past a short row's end pads it with empty cells.
 */
export function withEdits(rows: readonly string[][], edits: CellEdits): string[][] {
  const changed = new Map<number, string[]>();
  for (const [key, value] of Object.entries(edits)) {
    const [row, column] = key.split(':').map(Number) as [number, number];
    const original = rows[row];
    if (!original) continue;
    let copy = changed.get(row);
    if (!copy) {
      copy = [...original];
      changed.set(row, copy);
    }
    while (copy.length < column) copy.push('');
    copy[column] = value;
  }
  return changed.size === 0 ? [...rows] : rows.map((row, i) => changed.get(i) ?? row);
}

/** How many cells differ between two sets of edits (a cell typed back to its checked value counts as unchanged). */
export function changedCells(edits: CellEdits, checked: CellEdits): number {
  let changed = 0;
  for (const key of new Set([...Object.keys(edits), ...Object.keys(checked)]))
    if (edits[key] !== checked[key]) changed++;
  return changed;
}

export interface RowProblems {
  /** Problems of one cell, by column index. */
  cells: Map<number, SheetProblem[]>;
  /** Problems of the row as a whole. */
  row: SheetProblem[];
}

export interface GroupedProblems {
  /** By data row index, in the order of the sheet. */
  rows: Map<number, RowProblems>;
  /** Problems of no data row: the header, or the sheet as a whole. */
  sheet: SheetProblem[];
  /** The first problem of a cell in a data row, in reading order (row, then column). */
  firstCell: SheetProblem | null;
}

/** The server's problems by row and cell, for the preview's table and its summary. */
export function groupProblems(problems: readonly SheetProblem[], rowCount: number): GroupedProblems {
  const sorted = [...problems].sort((a, b) => a.row - b.row || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));
  const rows = new Map<number, RowProblems>();
  const sheet: SheetProblem[] = [];
  for (const problem of sorted) {
    const index = rowIndexOf(problem.row);
    if (index < 0 || index >= rowCount) {
      sheet.push(problem);
      continue;
    }
    let entry = rows.get(index);
    if (!entry) {
      entry = { cells: new Map(), row: [] };
      rows.set(index, entry);
    }
    if (problem.columnIndex === null) entry.row.push(problem);
    else entry.cells.set(problem.columnIndex, [...(entry.cells.get(problem.columnIndex) ?? []), problem]);
  }
  const firstCell = sorted.find((p) => p.columnIndex !== null && rows.has(rowIndexOf(p.row))) ?? null;
  return { rows, sheet, firstCell };
}

/** How many rows the preview shows before "show more", and how many more each time. */
export const PREVIEW_PAGE = 100;

/**
 * The data rows the preview lists, in sheet order: the first `PREVIEW_PAGE` rows and every
 * row with a problem, or only those with problems; at most `limit` of them.
 */
export function previewRows(
  rowCount: number,
  problemRows: Iterable<number>,
  onlyProblems: boolean,
  limit: number,
): { shown: number[]; total: number } {
  const withProblems = [...problemRows].sort((a, b) => a - b);
  let all: number[];
  if (onlyProblems) all = withProblems;
  else {
    const head = Math.min(rowCount, PREVIEW_PAGE);
    all = [...Array.from({ length: head }, (_, i) => i), ...withProblems.filter((i) => i >= head)];
  }
  return { shown: all.slice(0, limit), total: all.length };
}

/** The mapped columns in the sheet's order, each with the fields it feeds (one, as a rule). */
export function mappedColumns(mapping: SheetMapping): { columnIndex: number; fields: SheetField[] }[] {
  const byColumn = new Map<number, SheetField[]>();
  for (const [field, columnIndex] of Object.entries(mapping) as [SheetField, number][])
    if (Number.isInteger(columnIndex) && columnIndex >= 0)
      byColumn.set(columnIndex, [...(byColumn.get(columnIndex) ?? []), field]);
  return [...byColumn]
    .map(([columnIndex, fields]) => ({ columnIndex, fields }))
    .sort((a, b) => a.columnIndex - b.columnIndex);
}

/** A row's problems that no shown cell holds: the whole row's, and those of columns not shown. */
export function rowLevelProblems(entry: RowProblems, shownColumns: ReadonlySet<number>): SheetProblem[] {
  return [...entry.row, ...[...entry.cells].filter(([column]) => !shownColumns.has(column)).flatMap(([, p]) => p)];
}

/** The required fields the mapping leaves without a column. */
export function unmappedRequired(mapping: SheetMapping, required: readonly SheetField[]): SheetField[] {
  return required.filter((field) => mapping[field] === undefined);
}
