// What can be wrong in a sheet to import, named by where it is (the row as a person sees it:
// the header is row 1) and said in Swedish and English. The server sends each problem with
// its message in the caller's language; the web app may also say it from here.
import type { Locale } from './domain.ts';
import { SHEET_HEADERS, type SheetField } from './okr-sheet-columns.ts';

export interface SheetProblem {
  /** The sheet's row number: the header is row 1, the first data row 2. */
  row: number;
  /** The column's header text, and its index from 0; null for a problem of the whole row. */
  column: string | null;
  columnIndex: number | null;
  field: SheetField | null;
  code: SheetProblemCode;
  params?: Record<string, string | number>;
}

type Texts = Record<Locale, string>;

/** Every problem code with its message; `{name}` is replaced by the parameter of that name. */
export const SHEET_PROBLEM_MESSAGES = {
  field_not_mapped: {
    en: 'No column is chosen for “{field}”, which every sheet needs',
    sv: 'Ingen kolumn är vald för ”{field}”, som varje ark behöver',
  },
  column_missing: {
    en: '“{field}” is mapped to column {column}, which the sheet does not have',
    sv: '”{field}” är kopplad till kolumn {column}, som arket inte har',
  },
  cycle_missing: { en: 'Name the cycle (period) of this objective', sv: 'Ange målets period' },
  cycle_unknown: {
    en: '“{name}” is no cycle here and not a period we can create (write e.g. “Q1 2027”, “H2 2027” or “2027”)',
    sv: '”{name}” är ingen period här och inte en period vi kan skapa (skriv t.ex. ”K1 2027”, ”H2 2027” eller ”2027”)',
  },
  cycle_closed: {
    en: 'The cycle “{name}” is closed; its OKRs are the record and get nothing new',
    sv: 'Perioden ”{name}” är avslutad; dess OKR är facit och får inget nytt',
  },
  objective_title_missing: {
    en: 'This row has a key result or other values but no objective',
    sv: 'Raden har ett nyckelresultat eller andra värden men inget mål',
  },
  key_result_title_missing: {
    en: 'This row has key result values but no key result',
    sv: 'Raden har värden för ett nyckelresultat men inget nyckelresultat',
  },
  key_result_repeated: {
    en: 'The objective already has the key result “{title}” earlier in the sheet',
    sv: 'Målet har redan nyckelresultatet ”{title}” tidigare i arket',
  },
  text_too_long: { en: 'At most {limit} characters (this has {length})', sv: 'Högst {limit} tecken (här {length})' },
  parent_without_unit: {
    en: 'A parent unit is named but no unit',
    sv: 'En överordnad enhet anges men ingen enhet',
  },
  unit_ambiguous: {
    en: '{count} units are called “{name}”; name its parent unit to say which',
    sv: '{count} enheter heter ”{name}”; ange dess överordnade enhet för att säga vilken',
  },
  unit_parent_differs: {
    en: 'The unit “{name}” is already here under “{parent}”; the sheet does not move units',
    sv: 'Enheten ”{name}” finns redan här under ”{parent}”; arket flyttar inte enheter',
  },
  unit_parent_conflict: {
    en: 'An earlier row puts the unit “{name}” under “{parent}”',
    sv: 'En tidigare rad placerar enheten ”{name}” under ”{parent}”',
  },
  unit_loop: {
    en: 'The unit “{name}” would end up inside itself',
    sv: 'Enheten ”{name}” skulle hamna inuti sig själv',
  },
  level_unknown: {
    en: '“{value}” is not a level (organisation, unit or person)',
    sv: '”{value}” är ingen nivå (organisation, enhet eller person)',
  },
  level_needs_unit: { en: 'A unit objective needs a unit', sv: 'Ett enhetsmål behöver en enhet' },
  level_needs_person: {
    en: 'A person’s objective needs its owner (a name or an e-mail address)',
    sv: 'Ett personligt mål behöver sin ägare (ett namn eller en e-postadress)',
  },
  email_invalid: { en: '“{value}” is not an e-mail address', sv: '”{value}” är ingen e-postadress' },
  person_unknown: {
    en: 'Nobody here is called “{name}”; add their e-mail address so they can be invited',
    sv: 'Ingen här heter ”{name}”; lägg till e-postadressen så att personen kan bjudas in',
  },
  person_ambiguous: {
    en: '{count} people here are called “{name}”; give the e-mail address instead',
    sv: '{count} personer här heter ”{name}”; ange e-postadressen i stället',
  },
  number_invalid: {
    en: '“{value}” is not a number (write e.g. 1 234,5 or 40 %)',
    sv: '”{value}” är inget tal (skriv t.ex. 1 234,5 eller 40 %)',
  },
  metric_unknown: {
    en: '“{value}” is not a metric (increase to, decrease to, stay at or above, stay at or below, milestone)',
    sv: '”{value}” är ingen mätning (öka till, minska till, hålla lägst, hålla högst, milstolpe)',
  },
  target_missing: {
    en: 'The key result has a start but no target value',
    sv: 'Nyckelresultatet har ett startvärde men inget målvärde',
  },
  target_equals_start: {
    en: 'The target value is the start value: nothing to achieve',
    sv: 'Målvärdet är detsamma som startvärdet: inget att uppnå',
  },
  target_below_start: {
    en: 'The target is below the start, but the metric is “increase to”',
    sv: 'Målvärdet är under startvärdet, men mätningen är ”öka till”',
  },
  target_above_start: {
    en: 'The target is above the start, but the metric is “decrease to”',
    sv: 'Målvärdet är över startvärdet, men mätningen är ”minska till”',
  },
} satisfies Record<string, Texts>;

export type SheetProblemCode = keyof typeof SHEET_PROBLEM_MESSAGES;

/** A problem in words, in one language. A `field` parameter is said as that field's header. */
export function sheetProblemMessage(problem: Pick<SheetProblem, 'code' | 'params'>, locale: Locale): string {
  const text = SHEET_PROBLEM_MESSAGES[problem.code][locale];
  const params = { ...problem.params };
  const field = params.field;
  if (typeof field === 'string' && field in SHEET_HEADERS) params.field = SHEET_HEADERS[field as SheetField][locale];
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
