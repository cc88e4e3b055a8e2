// The sheet to fill in, in Swedish or English: the import's columns with headers in that
// language and three examples in the method's spirit — the organisation's own objective,
// a team's own objective with two key results, and a person's objective that supports the
// team's (the worked example of DESIGN.md). It imports as it is.
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../core/domain.ts';
import { SHEET_HEADERS, type SheetField } from '../../core/okr-sheet-columns.ts';
import { parseSheetNumber } from '../../core/sheet-values.ts';
import { xlsxBytes, type XlsxCell } from './xlsx-writer.ts';

/** The template's columns, in the order a person fills them in. */
export const TEMPLATE_FIELDS: readonly SheetField[] = [
  'unit',
  'parentUnit',
  'cycle',
  'objectiveLevel',
  'objectiveTitle',
  'objectiveDescription',
  'objectiveOwnerName',
  'objectiveOwnerEmail',
  'keyResultTitle',
  'keyResultMetric',
  'keyResultOwnerName',
  'keyResultOwnerEmail',
  'startValue',
  'targetValue',
  'currentValue',
  'unitOfMeasure',
];

type Example = Partial<Record<SheetField, string>>;

const EXAMPLES: Record<Locale, (year: string, quarter: string) => Example[]> = {
  sv: (year, quarter) => {
    const team = {
      unit: 'Marknad',
      parentUnit: 'Sälj och marknad',
      cycle: quarter,
      objectiveLevel: 'Enhet',
      objectiveTitle: 'Göra våra egna event till den bästa platsen att möta oss',
      objectiveDescription: 'Vi stöder organisationens mål om nöjda kunder där vi påverkar mest.',
    };
    const sara = {
      unit: 'Marknad',
      cycle: quarter,
      objectiveLevel: 'Person',
      objectiveTitle: 'Öka deltagandet på interna event jämfört med förra året',
      objectiveOwnerName: 'Sara Lind',
      objectiveOwnerEmail: 'sara.lind@example.com',
    };
    return [
      {
        cycle: year,
        objectiveLevel: 'Organisation',
        objectiveTitle: 'Kunderna väljer oss först',
        keyResultTitle: 'Kundnöjdhet (NKI) från 68 till 75',
        keyResultMetric: 'Öka till',
        startValue: '68',
        targetValue: '75',
      },
      {
        ...team,
        keyResultTitle: '300 deltagare på interna event',
        keyResultOwnerName: 'Sara Lind',
        keyResultOwnerEmail: 'sara.lind@example.com',
        startValue: '120',
        targetValue: '300',
        currentValue: '150',
        unitOfMeasure: 'deltagare',
      },
      {
        ...team,
        keyResultTitle: 'Betyg efter event minst 4,5 av 5',
        keyResultMetric: 'Hålla lägst',
        startValue: '4,1',
        targetValue: '4,5',
      },
      { ...sara, keyResultTitle: 'E-post ger 100 anmälningar', startValue: '0', targetValue: '100' },
      { ...sara, keyResultTitle: 'Varje säljare bjuder in minst 10 kunder', keyResultMetric: 'Milstolpe' },
    ];
  },
  en: (year, quarter) => {
    const team = {
      unit: 'Marketing',
      parentUnit: 'Sales and marketing',
      cycle: quarter,
      objectiveLevel: 'Unit',
      objectiveTitle: 'Make our own events the best place to meet us',
      objectiveDescription:
        'We support the organisation’s objective of happy customers where we make the most difference.',
    };
    const sara = {
      unit: 'Marketing',
      cycle: quarter,
      objectiveLevel: 'Person',
      objectiveTitle: 'Increase participation at internal events compared to last year',
      objectiveOwnerName: 'Sara Lind',
      objectiveOwnerEmail: 'sara.lind@example.com',
    };
    return [
      {
        cycle: year,
        objectiveLevel: 'Organisation',
        objectiveTitle: 'Customers choose us first',
        keyResultTitle: 'Customer satisfaction from 68 to 75',
        keyResultMetric: 'Increase to',
        startValue: '68',
        targetValue: '75',
      },
      {
        ...team,
        keyResultTitle: '300 participants at internal events',
        keyResultOwnerName: 'Sara Lind',
        keyResultOwnerEmail: 'sara.lind@example.com',
        startValue: '120',
        targetValue: '300',
        currentValue: '150',
        unitOfMeasure: 'participants',
      },
      {
        ...team,
        keyResultTitle: 'Rating after events at least 4.5 of 5',
        keyResultMetric: 'Stay at or above',
        startValue: '4.1',
        targetValue: '4.5',
      },
      { ...sara, keyResultTitle: 'E-mail generates 100 registrations', startValue: '0', targetValue: '100' },
      { ...sara, keyResultTitle: 'Every salesperson invites at least 10 customers', keyResultMetric: 'Milestone' },
    ];
  },
};

/**
 * The template as a table: headers in the language, then the examples, for the year and
 * quarter of `today` (so the examples name a cycle that is current when downloaded).
 */
export function sheetTemplate(locale: Locale, today: Date): { headers: string[]; rows: string[][] } {
  const year = String(today.getUTCFullYear());
  const quarter = `${locale === 'sv' ? 'K' : 'Q'}${Math.floor(today.getUTCMonth() / 3) + 1} ${year}`;
  return {
    headers: TEMPLATE_FIELDS.map((field) => SHEET_HEADERS[field][locale]),
    rows: EXAMPLES[locale](year, quarter).map((example) => TEMPLATE_FIELDS.map((field) => example[field] ?? '')),
  };
}

/**
 * The template as CSV: with a byte order mark so Excel reads it as UTF-8, separated by
 * semicolons in Swedish (Swedish Excel's own choice, as its decimal mark is the comma) and
 * commas in English.
 */
export function sheetTemplateCsv(locale: Locale, today: Date): string {
  const { headers, rows } = sheetTemplate(locale, today);
  return stringify([headers, ...rows], {
    bom: true,
    delimiter: locale === 'sv' ? ';' : ',',
    record_delimiter: 'windows',
  });
}

const NUMBER_FIELDS: ReadonlySet<SheetField> = new Set(['startValue', 'targetValue', 'currentValue']);

/**
 * The template as an Excel workbook, written by the sheet download's writer: the values as
 * number cells (so Excel shows them in the reader's own decimal mark), the rest as text.
 */
export function sheetTemplateXlsx(locale: Locale, today: Date): Uint8Array {
  const { headers, rows } = sheetTemplate(locale, today);
  const cells = rows.map((row) =>
    row.map((text, i): XlsxCell => {
      const number = NUMBER_FIELDS.has(TEMPLATE_FIELDS[i] as SheetField) ? parseSheetNumber(text) : undefined;
      return number && number.unit === '' ? number.value : text;
    }),
  );
  return xlsxBytes(
    {
      sheetName: locale === 'sv' ? 'Mall' : 'Template',
      header: headers,
      widths: headers.map((header) => Math.max(12, header.length + 2)),
      modified: today,
    },
    cells,
  );
}
