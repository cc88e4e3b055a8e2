// XLSX files made in the test, from rows, with fflate: the XML is written here in plain
// sight, so no binary fixture needs trusting. Enough of the format for read-excel-file:
// content types, the workbook and its relations, styles (for a date format), one or more
// worksheets. Options add what the import must refuse: a formula, macros.
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * A cell: text, a number, a date (written as a date-formatted serial number), a formula, or
 * text as XML spells it, written unescaped (character references, Excel's _xHHHH_ escapes).
 */
export type XlsxCell = string | number | Date | null | { formula: string; value?: number } | { xml: string };

export interface XlsxOptions {
  /** More sheets after the first, by name. */
  moreSheets?: Record<string, XlsxCell[][]>;
  firstSheetName?: string;
  /** Put a VBA project in the archive, as a macro-enabled workbook has. */
  vbaProject?: boolean;
  /** Declare the workbook macro-enabled in [Content_Types].xml (an .xlsm). */
  macroEnabledType?: boolean;
  /** Leave out each cell's reference (r="B7"), which the format allows. */
  noCellRefs?: boolean;
  /** Declare a DTD in the worksheet, as an entity-expansion attack would. */
  doctype?: boolean;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, Excel's epoch for the 1900 date system. */
const serial = (date: Date) => (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

function sheetXml(rows: XlsxCell[][], options: XlsxOptions): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          if (cell === null) return '';
          const ref = options.noCellRefs ? '' : ` r="${columnName(c)}${r + 1}"`;
          if (typeof cell === 'string')
            return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
          if (typeof cell === 'number') return `<c${ref}><v>${cell}</v></c>`;
          if (cell instanceof Date) return `<c${ref} s="1"><v>${serial(cell)}</v></c>`;
          if ('xml' in cell) return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${cell.xml}</t></is></c>`;
          return `<c${ref}><f>${escapeXml(cell.formula)}</f><v>${cell.value ?? 0}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const doctype = options.doctype ? '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>\n' : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
${doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

export function buildXlsx(rows: XlsxCell[][], options: XlsxOptions = {}): Buffer {
  const sheets: [string, XlsxCell[][]][] = [
    [options.firstSheetName ?? 'Blad1', rows],
    ...Object.entries(options.moreSheets ?? {}),
  ];
  const mainType = options.macroEnabledType
    ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('\n')}
</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map(([name], i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach(([, sheetRows], i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheetRows, options));
  });
  // A VBA project is binary; its bytes matter not, its name does.
  if (options.vbaProject) files['xl/vbaProject.bin'] = strToU8('not really VBA');
  return Buffer.from(zipSync(files));
}
