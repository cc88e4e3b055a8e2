// What the cells of an OKR spreadsheet mean: numbers as people write them (Swedish decimal
// commas, spaces between thousands, a trailing "%" or "kr"), cycle names ("Q1 2027",
// "K1 2027", "2027 H1", "T2 2027", "2027/28"), objective levels and key result metrics in
// Swedish and English, and e-mail addresses. Pure; docs/sheet-import.md lists the rules.
import { LOCALES, type Metric, type ObjectiveLevel } from './domain.ts';
import { SHEET_VALUE_NAMES } from './okr-sheet-columns.ts';

/**
 * A text as headers and keywords are compared: lower case, accents and punctuation gone,
 * spaces collapsed ("Målets ägare (e-post)" → "malets agare e post").
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SheetNumber {
  value: number;
  /** A unit written with the number: "%", "kr", "$"… (empty when none). */
  unit: string;
}

const SPACES = /[\s\u00a0\u2007\u2009\u202f']/g;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * A number as a person or a spreadsheet writes it, or null when the text is not one (and
 * undefined when the cell is empty). A single comma is a decimal comma ("12,5"); with both a
 * comma and a point the last one is the decimal mark ("1,234.5", "1.234,5"); several of one
 * kind separate thousands ("1,234,567"). Spaces and apostrophes between digits are ignored.
 * A leading currency sign or a trailing "%" or short unit word ("kr", "st", "tkr") is kept as
 * the unit.
 */
export function parseSheetNumber(text: string): SheetNumber | null | undefined {
  let rest = text.trim().replace(/\u2212/g, '-');
  if (rest === '') return undefined;
  let unit = '';
  const currency = /^([+-]?)\s*([$€£])\s*/.exec(rest);
  if (currency) {
    unit = currency[2] as string;
    rest = (currency[1] as string) + rest.slice(currency[0].length);
  }
  const suffix = /\s*(%|[\p{L}$€£][\p{L}.]{0,5})$/u.exec(rest);
  if (suffix && !SCIENTIFIC.test(rest)) {
    if (unit) return null;
    unit = suffix[1] as string;
    rest = rest.slice(0, suffix.index);
  }
  rest = rest.trim();
  if (SCIENTIFIC.test(rest)) return finite(Number(rest), unit);
  if (!/^[+-]?[\d\s\u00a0\u2007\u2009\u202f'.,]+$/.test(rest) || !/\d/.test(rest)) return null;
  // Spaces (or apostrophes) only between groups of three digits: "1 234 567", not "12 13".
  if (/\d[\s\u00a0\u2007\u2009\u202f']+\d/.test(rest)) {
    if (!/^[+-]?\d{1,3}(?:[\s\u00a0\u2007\u2009\u202f']\d{3})+(?:[.,]\d+)?$/.test(rest)) return null;
  }
  rest = rest.replace(SPACES, '');
  const commas = rest.split(',').length - 1;
  const points = rest.split('.').length - 1;
  if (commas > 0 && points > 0) {
    const decimal = rest.lastIndexOf(',') > rest.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if (rest.split(decimal).length - 1 > 1) return null;
    rest = rest.replaceAll(thousands, '').replace(decimal, '.');
  } else if (commas > 1 || points > 1) {
    const mark = commas > 1 ? ',' : '.';
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${mark}\\d{3})+$`).test(rest)) return null;
    rest = rest.replaceAll(mark, '');
  } else if (commas === 1) rest = rest.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(rest)) return null;
  return finite(Number(rest), unit);
}

const finite = (value: number, unit: string) => (Number.isFinite(value) ? { value, unit } : null);

export interface CycleSpan {
  startsOn: string;
  endsOn: string;
  kind: 'year' | 'half' | 'tertial' | 'quarter';
  /** The first calendar year of the (fiscal) year the span lies in. */
  year: number;
}

const isoDay = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

const PERIODS: { kind: Exclude<CycleSpan['kind'], 'year'>; words: string[]; count: number; months: number }[] = [
  { kind: 'quarter', words: ['q', 'k', 'kv', 'kvartal', 'quarter', 'qtr'], count: 4, months: 3 },
  { kind: 'half', words: ['h', 'halvar', 'half', 'hy'], count: 2, months: 6 },
  { kind: 'tertial', words: ['t', 'tertial'], count: 3, months: 4 },
];

/**
 * The dates a cycle's name stands for, or null when the name is not one of the forms read:
 * a year ("2027", "FY2027", "2027/28" when the fiscal year starts after January), or a
 * quarter, half or tertial of one in either order ("Q1 2027", "2027 Q1", "K1 2027",
 * "Kvartal 1 2027", "H2 2027", "Halvår 2 2027", "T3 2027"). A year starts in the
 * organisation's fiscal month, and its parts follow from there.
 */
export function parseCycleName(name: string, fiscalYearStartMonth = 1): CycleSpan | null {
  const text = normaliseText(name).replace(/\b([a-z]+)(\d)\b/g, '$1 $2');
  const yearMatch = /\b(?:fy ?)?((?:19|20)\d\d)(?: ((?:19|20)?\d\d))?\b|\bfy ?(\d\d)\b/.exec(text);
  if (!yearMatch) return null;
  const year = yearMatch[1] ? Number(yearMatch[1]) : 2000 + Number(yearMatch[3]);
  const second = yearMatch[2];
  const first = fiscalYearStartMonth - 1;
  if (second !== undefined) {
    if (first === 0 || Number(second) % 100 !== (year + 1) % 100) return null;
  }
  const rest = (text.slice(0, yearMatch.index) + ' ' + text.slice(yearMatch.index + yearMatch[0].length))
    .replace(/\s+/g, ' ')
    .trim();
  const span = (fromMonth: number, months: number) => ({
    startsOn: isoDay(year, first + fromMonth, 1),
    endsOn: isoDay(year, first + fromMonth + months, 0),
  });
  if (rest === '') return { ...span(0, 12), kind: 'year', year };
  for (const period of PERIODS) {
    const match = new RegExp(`^(?:${period.words.join('|')}) (\\d)$`).exec(rest);
    const n = match ? Number(match[1]) : NaN;
    if (n >= 1 && n <= period.count)
      return { ...span((n - 1) * period.months, period.months), kind: period.kind, year };
  }
  return null;
}

/** The words a downloaded sheet writes for each meaning (SHEET_VALUE_NAMES), in both languages. */
function ownWords<T extends string>(names: Record<(typeof LOCALES)[number], Record<T, string>>): Record<T, string[]> {
  const words = {} as Record<T, string[]>;
  for (const locale of LOCALES)
    for (const [meaning, word] of Object.entries(names[locale]) as [T, string][])
      words[meaning] = [...(words[meaning] ?? []), word];
  return words;
}

/** Keywords by meaning; a value means the first whose keyword it equals or starts with. */
function keywordMatcher<T extends string>(
  table: Record<T, string[]>,
  own?: Record<T, string[]>,
): (text: string) => T | null {
  const all = Object.fromEntries(
    (Object.keys(table) as T[]).map((meaning) => [meaning, [...(own?.[meaning] ?? []), ...table[meaning]]]),
  ) as Record<T, string[]>;
  const entries = (Object.entries(all) as [T, string[]][])
    .flatMap(([meaning, words]) => words.map((word) => [normaliseText(word), meaning] as const))
    .sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    const value = normaliseText(text);
    if (value === '') return null;
    for (const [word, meaning] of entries) if (value === word || value.startsWith(`${word} `)) return meaning;
    return null;
  };
}

/** An objective's level as written ("Organisation", "Team", "Enhet", "Individ", "Personal"…). */
export const parseLevel = keywordMatcher<ObjectiveLevel>(
  {
    organization: [
      'organisation',
      'organization',
      'org',
      'company',
      'företag',
      'företaget',
      'bolag',
      'koncern',
      'corporate',
    ],
    unit: ['unit', 'enhet', 'team', 'avdelning', 'department', 'division', 'group', 'grupp', 'sektion', 'section'],
    person: [
      'person',
      'individual',
      'individ',
      'individuell',
      'personlig',
      'personal',
      'medarbetare',
      'employee',
      'user',
    ],
  },
  ownWords(SHEET_VALUE_NAMES.level),
);

/** A key result's metric as written, in the app's words ("Öka till", "Stay at or below") or other tools'. */
export const parseMetric = keywordMatcher<Metric>(
  {
    increase_to: [
      'increase to',
      'increase',
      'increase from',
      'öka till',
      'öka',
      'ökning',
      'reach',
      'nå',
      'higher is better',
      'more is better',
      'grow',
    ],
    decrease_to: [
      'decrease to',
      'decrease',
      'decrease from',
      'minska till',
      'minska',
      'minskning',
      'reduce',
      'lower is better',
      'less is better',
    ],
    stay_at_or_above: [
      'stay at or above',
      'stay above',
      'keep above',
      'at least',
      'minimum',
      'hålla lägst',
      'lägst',
      'minst',
      'control above',
    ],
    stay_at_or_below: [
      'stay at or below',
      'stay below',
      'keep below',
      'at most',
      'maximum',
      'hålla högst',
      'högst',
      'max',
      'control below',
    ],
    milestone: [
      'milestone',
      'milstolpe',
      'binary',
      'done or not',
      'yes no',
      'ja nej',
      'klar eller inte',
      'boolean',
      'complete or not',
    ],
  },
  ownWords(SHEET_VALUE_NAMES.metric),
);

/** A milestone's current value written as words: done (true) or not (false). */
export const parseDone = keywordMatcher<'done' | 'open'>({
  done: ['done', 'klar', 'ja', 'yes', 'true', 'sant', 'x', 'complete', 'completed', 'achieved', 'uppnått', 'avklarad'],
  open: ['not done', 'inte klar', 'ej klar', 'nej', 'no', 'false', 'falskt', 'open', 'pågår', 'in progress'],
});

/** An e-mail address as the sheet import accepts one: something@domain.tld, no spaces. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/.test(text);
}

/** A column's letter as spreadsheets name it: A … Z, AA, AB … (from an index from 0). */
export function columnLetter(columnIndex: number): string {
  let letters = '';
  for (let n = columnIndex + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
