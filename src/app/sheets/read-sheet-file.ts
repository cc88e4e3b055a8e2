// A spreadsheet file as text: its header and rows, every cell a string (numbers as the file
// holds them, dates as YYYY-MM-DD). CSV in UTF-8 (with or without a byte order mark),
// UTF-16 with one, or Windows-1252, separated by commas, semicolons or tabs; XLSX through
// read-excel-file, after the archive has been looked through here: no macros, no formulas,
// no more unpacked than SHEET_LIMITS allows (a small zip can unpack to gigabytes). Anything
// refused is an AppError that names the place. docs/sheet-import.md has the rules.
import { parse } from 'csv-parse/sync';
import { unzipSync, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { SHEET_LIMITS } from '../../core/limits.ts';
import { columnLetter } from '../../core/sheet-values.ts';
import { isStorableText } from '../../core/storable-text.ts';
import { AppError } from '../errors.ts';

export interface SheetText {
  headers: string[];
  rows: string[][];
}

export const SHEET_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  /** An XLSX with macros (.xlsm): read only to be refused by name. */
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
} as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** Which reader a body goes to: by its content type, and by its first bytes when that says little. */
export function sheetKind(contentType: string, bytes: Uint8Array): 'csv' | 'xlsx' | 'xlsm' | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === SHEET_CONTENT_TYPES.xlsm.toLowerCase()) return 'xlsm';
  if (type === SHEET_CONTENT_TYPES.xlsx) return 'xlsx';
  if (
    ['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'].includes(
      type,
    )
  )
    return isZip(bytes) ? 'xlsx' : 'csv';
  if (type === 'application/octet-stream' || type === '') return isZip(bytes) ? 'xlsx' : 'csv';
  return null;
}

export async function readSheetFile(bytes: Uint8Array, contentType: string): Promise<SheetText> {
  const kind = sheetKind(contentType, bytes);
  if (kind === null) throw new AppError('unsupported_media_type', 'sheet_unsupported_type', { type: contentType });
  if (kind === 'xlsm') throw new AppError('unprocessable', 'sheet_has_macros', { where: '.xlsm' });
  const table = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  return tidy(table);
}

// --- CSV ---------------------------------------------------------------------------------

/** The text of a CSV file: by its byte order mark, else UTF-8 when it is valid, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * The separator of a CSV text: Excel's "sep=;" line when there is one, else the one of
 * ";", "," and tab that occurs most in the first line outside quotes (Swedish Excel writes
 * semicolons, as the comma is its decimal mark).
 */
export function detectDelimiter(text: string): { delimiter: string; skipFirstLine: boolean } {
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) return { delimiter: hint[1] as string, skipFirstLine: true };
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  // The first line with anything on it.
  const start = text.search(/[^\r\n]/);
  for (const char of text.slice(Math.max(start, 0), Math.max(start, 0) + 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  let most = 0;
  for (const [delimiter, count] of counts) {
    if (count > most) [best, most] = [delimiter, count];
  }
  return { delimiter: best, skipFirstLine: false };
}

/** Records read past the row limit before stopping: empty lines at the end are no rows. */
const CSV_SLACK = 1000;

function readCsv(bytes: Uint8Array): string[][] {
  let text = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new AppError('bad_request', 'sheet_not_csv');
  const { delimiter, skipFirstLine } = detectDelimiter(text);
  if (skipFirstLine) text = text.slice(text.indexOf('\n') + 1);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Stop well past the limit rather than hold millions of rows; the limit is checked after.
      to: SHEET_LIMITS.rows + CSV_SLACK,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('bad_request', 'sheet_csv_broken', { line: line ?? 0 });
  }
  if (records.length >= SHEET_LIMITS.rows + CSV_SLACK)
    throw new AppError('unprocessable', 'sheet_too_many_rows', { limit: SHEET_LIMITS.rows });
  return records;
}

// --- XLSX --------------------------------------------------------------------------------

const decoder = new TextDecoder();

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const parts = unpackXlsx(bytes);
  const types = parts['[Content_Types].xml'];
  if (types && /macroEnabled/i.test(decoder.decode(types)))
    throw new AppError('unprocessable', 'sheet_has_macros', { where: '.xlsm' });
  const formula = firstFormula(parts);
  if (formula) throw new AppError('unprocessable', 'sheet_has_formulas', formula);
  // No part of a workbook declares a DTD; one that does may expand entities without end.
  if (Object.values(parts).some((part) => /<!(?:DOCTYPE|ENTITY)/i.test(decoder.decode(part))))
    throw new AppError('bad_request', 'sheet_not_xlsx');
  const first = worksheets(parts)[0];
  const firstSheet = first ? parts[first.path] : undefined;
  if (firstSheet) checkExtent(decoder.decode(firstSheet));
  let data: unknown[][];
  try {
    // Only the parts looked through above, stored without compression: nothing more to unpack.
    const checked = Buffer.from(zipSync(parts, { level: 0 }));
    data = await readSheet(checked, { parseNumber: (text: string) => text });
  } catch (error) {
    throw new AppError('bad_request', 'sheet_not_xlsx', {}, [], {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  return data.map((row) => row.map(cellText));
}

/** The XML parts of an XLSX, refused when it holds macros or unpacks to more than the limit. */
function unpackXlsx(bytes: Uint8Array): Record<string, Uint8Array> {
  let unpacked = 0;
  let macros = false;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (/vba[^/]*\.bin$/i.test(file.name)) macros = true;
        const wanted = file.name.endsWith('.xml') || file.name.endsWith('.rels');
        // The size the archive declares; fflate unpacks no more than that into its buffer.
        if (wanted) unpacked += file.originalSize;
        return wanted && unpacked <= SHEET_LIMITS.unpackedBytes;
      },
    });
  } catch {
    throw new AppError('bad_request', 'sheet_not_xlsx');
  }
  if (macros) throw new AppError('unprocessable', 'sheet_has_macros', { where: 'xl/vbaProject.bin' });
  if (unpacked > SHEET_LIMITS.unpackedBytes)
    throw new AppError('too_large', 'sheet_unpacks_too_large', {
      limit: `${SHEET_LIMITS.unpackedBytes / 1024 / 1024} MB`,
    });
  return parts;
}

/** The worksheets in the workbook's order, each with its name. */
function worksheets(parts: Record<string, Uint8Array>): { name: string; path: string }[] {
  const workbook = parts['xl/workbook.xml'] ? decoder.decode(parts['xl/workbook.xml']) : '';
  const rels = parts['xl/_rels/workbook.xml.rels'] ? decoder.decode(parts['xl/_rels/workbook.xml.rels']) : '';
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1] ?? '';
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(match[0]);
    const path = targets.get(id?.[1] ?? id?.[2] ?? '');
    if (path) sheets.push({ name, path });
  }
  // Worksheets the workbook does not list (a damaged file) are looked through too.
  for (const path of Object.keys(parts)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(path) && !sheets.some((s) => s.path === path))
      sheets.push({ name: path, path });
  }
  return sheets;
}

/**
 * The first cell holding a formula (`<f>` in a worksheet's cells), named as a spreadsheet
 * names it. Only the cells count: a list in a data validation also has an `<f>`, elsewhere.
 */
export function firstFormula(parts: Record<string, Uint8Array>): { cell: string; sheet: string } | null {
  for (const { name, path } of worksheets(parts)) {
    const bytes = parts[path];
    if (!bytes) continue;
    const xml = decoder.decode(bytes);
    const start = xml.search(/<(?:\w+:)?sheetData[\s>]/);
    if (start < 0) continue;
    const end = xml.search(/<\/(?:\w+:)?sheetData>/);
    const cells = xml.slice(start, end < 0 ? undefined : end);
    const formula = /<(?:\w+:)?f[\s>/]/.exec(cells);
    if (!formula) continue;
    const before = cells.slice(0, formula.index);
    const near = before.slice(-2000);
    const tags = [...near.matchAll(/<(?:\w+:)?c[\s>][^>]*>?/g)];
    const ref = /\br="([A-Z]+\d+)"/.exec(tags.at(-1)?.[0] ?? '')?.[1];
    return { cell: ref ?? cellByPosition(before), sheet: unescapeXml(name) };
  }
  return null;
}

/** Rows above the header that may be empty, beyond the row limit, before a sheet counts as too long. */
const ROW_SLACK = 1000;

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * The reader fills every gap up to the last row and the last column with a value, so a
 * single value in cell XFD1048576 would make it hold seventeen billion cells. The sheet's
 * rows (even empty ones) and its cells with a value must lie within the limits.
 */
function checkExtent(xml: string): void {
  let lastRow = 0;
  for (const match of xml.matchAll(/<(?:\w+:)?(?:row|c)\b[^>]*?\br="[A-Z]{0,3}(\d+)"/g))
    lastRow = Math.max(lastRow, Number(match[1]));
  if (lastRow > SHEET_LIMITS.rows + 1 + ROW_SLACK)
    throw new AppError('unprocessable', 'sheet_too_many_rows', { limit: SHEET_LIMITS.rows });
  for (const match of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})\d+"[^>]*?(\/?)>/g)) {
    if (match[2] === '/' || columnNumber(match[1] as string) <= SHEET_LIMITS.columns) continue;
    // A far cell only matters with a value in it (an empty one, formatted, is skipped by the reader).
    const start = (match.index ?? 0) + match[0].length;
    const close = /<\/(?:\w+:)?c>/g;
    close.lastIndex = start;
    const end = close.exec(xml)?.index ?? xml.length;
    if (/<(?:\w+:)?(?:v|t)\b[^>]*>[^<]/.test(xml.slice(start, end)))
      throw new AppError('unprocessable', 'sheet_too_many_columns', { limit: SHEET_LIMITS.columns });
  }
}

/** A cell's name from its place when the file leaves out its reference (r is optional in XLSX). */
function cellByPosition(before: string): string {
  const rowStart = before.lastIndexOf('<row');
  const row = /\br="(\d+)"/.exec(before.slice(rowStart))?.[1] ?? String(before.match(/<(?:\w+:)?row\b/g)?.length ?? 1);
  const cells = before.slice(rowStart).match(/<(?:\w+:)?c[\s>]/g)?.length ?? 1;
  return `${columnLetter(cells - 1)}${row}`;
}

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '',
  );

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

// --- Both --------------------------------------------------------------------------------

/**
 * The table as the import reads it: empty rows above the header and at the end dropped,
 * columns with nothing in them at the end dropped, every row as wide as the widest, within
 * the limits on rows, columns and a cell's length.
 */
function tidy(table: string[][]): SheetText {
  const filled = (row: string[]) => row.some((cell) => cell.trim() !== '');
  let first = 0;
  while (first < table.length && !filled(table[first] as string[])) first++;
  let last = table.length;
  while (last > first && !filled(table[last - 1] as string[])) last--;
  const kept = table.slice(first, last);
  if (kept.length === 0) throw new AppError('unprocessable', 'sheet_empty');
  if (kept.length - 1 > SHEET_LIMITS.rows)
    throw new AppError('unprocessable', 'sheet_too_many_rows', { limit: SHEET_LIMITS.rows });
  let width = 0;
  kept.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.trim() !== '') width = Math.max(width, c + 1);
      // An XLSX may spell U+0000 or half a surrogate pair as a character reference; the
      // database cannot keep either (a CSV with a NUL byte is not text: readCsv).
      if (!isStorableText(cell))
        throw new AppError('unprocessable', 'sheet_cell_unstorable', { cell: `${columnLetter(c)}${first + r + 1}` });
      if (cell.length > SHEET_LIMITS.cellLength)
        throw new AppError('unprocessable', 'sheet_cell_too_long', {
          cell: `${columnLetter(c)}${first + r + 1}`,
          limit: SHEET_LIMITS.cellLength,
        });
    }),
  );
  if (width > SHEET_LIMITS.columns)
    throw new AppError('unprocessable', 'sheet_too_many_columns', { limit: SHEET_LIMITS.columns });
  const widen = (row: string[]) => Array.from({ length: width }, (_, c) => row[c] ?? '');
  const [header = [], ...rows] = kept;
  return { headers: widen(header).map((cell) => cell.trim()), rows: rows.map(widen) };
}
