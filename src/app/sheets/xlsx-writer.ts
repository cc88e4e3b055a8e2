// An XLSX workbook of one worksheet, written as its rows come: the SpreadsheetML parts
// (ECMA-376) by hand, the worksheet deflated through fflate's streaming Zip, so a sheet of
// any length passes through holding one batch of rows. Text is written as inline strings
// (t="inlineStr": never a formula, no shared-string table to hold), numbers as numbers,
// dates as date-formatted serial numbers; the header row is bold, frozen and filterable.
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { columnLetter } from '../../core/sheet-values.ts';

/** A day as YYYY-MM-DD, written as a date cell. */
export interface XlsxDate {
  date: string;
}
export type XlsxCell = string | number | XlsxDate | null | undefined;

export interface XlsxOptions {
  /** The worksheet's tab name; characters a sheet name may not hold are dropped, and it is cut to 31. */
  sheetName: string;
  /** The header row, bold and frozen: one column per header. */
  header: readonly string[];
  /** Column widths in characters, by column; unset ones keep the default. */
  widths?: readonly (number | undefined)[];
  /** The time stamped on the archive's entries (now, if unset). */
  modified?: Date;
  /** DEFLATE level of the worksheet, 1–9 (6 if unset). */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The longest text a cell holds in Excel. */
export const XLSX_CELL_TEXT_LIMIT = 32_767;

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

/** Cell formats (cellXfs) by index: 0 plain, 1 bold (the header), 2 a date as YYYY-MM-DD. */
const STYLE = { plain: 0, header: 1, date: 2 } as const;
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// Characters XML 1.0 does not allow (control characters but tab, line feed and carriage
// return; lone surrogates; U+FFFE and U+FFFF): dropped, as no escape can write them.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value: forbidden characters dropped, markup escaped. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * A cell's text as SpreadsheetML stores it: Excel reads `_xHHHH_` in a string as the
 * character HHHH, so such a sequence written by a person gets its underscore escaped
 * (`_x005F_`), and then as XML. Cut to the longest text a cell holds.
 */
export function cellText(text: string): string {
  const cut = text.length > XLSX_CELL_TEXT_LIMIT ? text.slice(0, XLSX_CELL_TEXT_LIMIT) : text;
  return xmlText(cut.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** A sheet name as Excel takes one: none of []:*?/\, no apostrophe at either end, 1–31 characters. */
export function sheetName(name: string): string {
  const cleaned = name
    .replace(NOT_XML, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned || 'Sheet1';
}

const DAY_MS = 86_400_000;
/** Days since 1899-12-30: Excel's serial number of a day, in the 1900 date system. */
export function excelSerial(day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / DAY_MS;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function cellXml(ref: string, cell: XlsxCell, style: number): string {
  if (cell === null || cell === undefined) return '';
  const s = style === STYLE.plain ? '' : ` s="${style}"`;
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  if (typeof cell === 'string') {
    if (cell === '') return '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellText(cell)}</t></is></c>`;
  }
  if (!ISO_DAY.test(cell.date) || Number.isNaN(excelSerial(cell.date))) return '';
  return `<c r="${ref}" s="${STYLE.date}"><v>${excelSerial(cell.date)}</v></c>`;
}

/**
 * Writes one workbook. `addRows` as often as there are rows, then `finish`; the archive's
 * bytes so far are handed out by `take`, to be written on while the next rows are read.
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private readonly letters: string[];
  private readonly name: string;
  private readonly modified: Date;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private rowNumber = 0;
  private finished = false;

  constructor(options: XlsxOptions) {
    this.name = sheetName(options.sheetName);
    this.modified = options.modified ?? new Date();
    this.letters = options.header.map((_, i) => columnLetter(i));
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else if (chunk.length > 0) this.pending.push(chunk);
    });
    this.addWhole('[Content_Types].xml', CONTENT_TYPES);
    this.addWhole('_rels/.rels', ROOT_RELS);
    this.addWhole('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    this.addWhole('xl/styles.xml', STYLES);
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: options.level ?? 6 });
    this.sheet.mtime = this.modified;
    this.zip.add(this.sheet);
    const cols = (options.widths ?? [])
      .map((width, i) =>
        width === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`,
      )
      .join('');
    this.push(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        (cols ? `<cols>${cols}</cols>` : '') +
        '<sheetData>',
    );
    this.writeRow(options.header, STYLE.header);
  }

  /** Rows below the header: each as wide as the header at most (further cells are left out). */
  addRows(rows: readonly (readonly XlsxCell[])[]): void {
    if (this.finished) throw new Error('the workbook is finished');
    let xml = '';
    for (const row of rows) xml += this.rowXml(row, STYLE.plain);
    this.push(xml);
  }

  /** Closes the worksheet and writes the workbook around it. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const last = this.letters.at(-1) ?? 'A';
    const range = `A1:${last}${Math.max(this.rowNumber, 1)}`;
    this.sheet.push(strToU8(`</sheetData><autoFilter ref="${range}"/></worksheet>`), true);
    const quoted = `'${this.name.replaceAll("'", "''")}'`;
    const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    this.addWhole(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${xmlText(this.name)}" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(`${quoted}!${absolute}`)}</definedName></definedNames>` +
        '</workbook>',
    );
    this.zip.end();
    this.check();
  }

  /** The archive's bytes written since the last call. */
  take(): Uint8Array[] {
    this.check();
    const chunks = this.pending;
    this.pending = [];
    return chunks;
  }

  /** The rows written so far, the header's included. */
  get rows(): number {
    return this.rowNumber;
  }

  private writeRow(cells: readonly XlsxCell[], style: number): void {
    this.push(this.rowXml(cells, style));
  }

  private rowXml(cells: readonly XlsxCell[], style: number): string {
    const r = ++this.rowNumber;
    let xml = `<row r="${r}">`;
    const width = Math.min(cells.length, this.letters.length);
    for (let c = 0; c < width; c++) xml += cellXml(`${this.letters[c]}${r}`, cells[c], style);
    return `${xml}</row>`;
  }

  private push(xml: string): void {
    if (xml) this.sheet.push(strToU8(xml));
    this.check();
  }

  private addWhole(path: string, xml: string): void {
    const file = new ZipPassThrough(path);
    file.mtime = this.modified;
    this.zip.add(file);
    file.push(strToU8(xml), true);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** A whole workbook in memory, for small sheets (a template): the header, then the rows. */
export function xlsxBytes(options: XlsxOptions, rows: readonly (readonly XlsxCell[])[]): Uint8Array {
  const writer = new XlsxWriter(options);
  writer.addRows(rows);
  writer.finish();
  const chunks = writer.take();
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
