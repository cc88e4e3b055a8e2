// Which column of a spreadsheet feeds which field of the import, suggested from the header
// names: Riktning's own headers (SHEET_HEADERS, both languages), Swedish and English words
// people use, and the names other OKR tools give these things in their exports (see
// docs/sheet-import.md for the sources). Headers are compared without case, accents or
// punctuation. A saved mapping (the organisation's earlier choice for a header) comes first.
import { SHEET_FIELDS, SHEET_HEADERS, type SheetField } from './okr-sheet-columns.ts';
import { normaliseText } from './sheet-values.ts';

export type SheetMapping = Partial<Record<SheetField, number>>;
export type MappingSource = Partial<Record<SheetField, 'saved' | 'suggested'>>;

/**
 * Words for each field, strongest first: a header equal to a word of the first tier is the
 * surest suggestion. A word may stand for two fields in different tiers ("Owner" is the
 * objective's owner in Viva Goals and Weekdone, but the team in Perdoo, whose person is the
 * "Lead"); each column goes to one field, the strongest claim first, so a sheet with both
 * "Owner" and "Lead" gets the team and the person right.
 */
export const SHEET_SYNONYMS: Record<SheetField, readonly (readonly string[])[]> = {
  unit: [
    [
      'enhet',
      'team',
      'teamnamn',
      'enhetens namn',
      'unit',
      'unit name',
      'team name',
      'owning team',
      'team owner',
      'ägande team',
      'ägande enhet',
    ],
    ['avdelning', 'grupp', 'department', 'group', 'group name', 'teams', 'team s', 'owner team', 'sektion'],
    ['division', 'owner', 'ägare', 'owned by'],
  ],
  parentUnit: [
    [
      'överordnad enhet',
      'överordnat team',
      'moderenhet',
      'parent unit',
      'parent team',
      'parent group',
      'parent department',
      'ingår i',
      'belongs to',
    ],
    ['avdelning', 'department', 'division', 'parent'],
  ],
  cycle: [
    [
      'period',
      'periodnamn',
      'tidsperiod',
      'cykel',
      'okr period',
      'cycle',
      'time period',
      'timeframe',
      'time frame',
      'session',
      'okr cycle',
      'goal cycle',
    ],
    ['kvartal', 'quarter', 'tidsram', 'år', 'year', 'halvår', 'tertial'],
  ],
  objectiveTitle: [
    [
      'mål',
      'målets namn',
      'målets titel',
      'målsättning',
      'objective',
      'objective title',
      'objective name',
      'goal',
      'goal title',
      'goal name',
      'o',
    ],
    ['objectives', 'mål titel', 'okr'],
    ['titel', 'title', 'name', 'namn'],
  ],
  objectiveDescription: [
    ['beskrivning av målet', 'målbeskrivning', 'målets beskrivning', 'objective description', 'goal description'],
    ['beskrivning', 'description', 'details', 'detaljer'],
    ['notes', 'anteckningar', 'kommentar', 'comment'],
  ],
  objectiveOwnerName: [
    ['målets ägare', 'objective owner', 'goal owner', 'objective lead', 'goal lead', 'lead', 'ansvarig för målet'],
    ['ägare', 'owner', 'owner name', 'ansvarig', 'responsible', 'assignee', 'owners', 'owner s', 'ägarens namn'],
    ['person', 'namn på ägare'],
  ],
  objectiveOwnerEmail: [
    [
      'målets ägare e post',
      'målets ägare epost',
      'objective owner email',
      'objective owner e mail',
      'goal owner email',
      'lead email',
      'lead e mail',
      'objective lead email',
      'owner email',
      'owner e mail',
      'owner email address',
      'ägarens e post',
      'ägare e post',
    ],
    ['e post', 'epost', 'e postadress', 'email', 'e mail', 'email address', 'e mail address', 'mejl', 'mail'],
  ],
  keyResultTitle: [
    [
      'nyckelresultat',
      'nyckelresultatets namn',
      'nyckelresultatets titel',
      'key result',
      'key result title',
      'key result name',
      'kr',
      'kr title',
      'kr name',
      'nr',
    ],
    ['key results', 'krs', 'result', 'resultat', 'result title', 'results'],
  ],
  keyResultOwnerName: [
    [
      'nyckelresultatets ägare',
      'nr ägare',
      'ansvarig för nyckelresultatet',
      'key result owner',
      'kr owner',
      'key result lead',
      'kr lead',
      'kr assignee',
      'result owner',
      'result lead',
    ],
  ],
  keyResultOwnerEmail: [
    [
      'nyckelresultatets ägare e post',
      'nyckelresultatets ägare epost',
      'nr ägarens e post',
      'nr ägare e post',
      'key result owner email',
      'key result owner e mail',
      'kr owner email',
      'kr owner e mail',
      'kr lead email',
      'key result lead email',
      'result owner email',
      'result lead email',
    ],
  ],
  startValue: [
    ['startvärde', 'utgångsvärde', 'start value', 'starting value', 'initial value', 'baseline', 'start'],
    ['från', 'from', 'baslinje', 'startvarde'],
  ],
  targetValue: [
    ['målvärde', 'target value', 'target', 'goal value', 'desired value', 'mål värde'],
    ['till', 'to', 'målnivå', 'target metric'],
  ],
  currentValue: [
    [
      'nuvarande värde',
      'aktuellt värde',
      'current value',
      'current',
      'actual',
      'actual value',
      'latest value',
      'nuläge',
      'utfall',
    ],
    ['senaste värde', 'value', 'värde', 'current metric'],
  ],
  unitOfMeasure: [
    [
      'enhet för värdet',
      'måttenhet',
      'mätenhet',
      'unit of measure',
      'unit of measurement',
      'metric unit',
      'measure unit',
      'uom',
      'värdets enhet',
    ],
    ['format', 'units'],
  ],
  objectiveLevel: [
    ['nivå', 'målnivå typ', 'level', 'objective level', 'goal level', 'goal type', 'objective type', 'scope', 'måltyp'],
    ['owner type', 'ägartyp'],
  ],
  keyResultMetric: [
    [
      'typ av mätning',
      'mätning',
      'mättyp',
      'metric',
      'metric type',
      'measure type',
      'kr type',
      'key result type',
      'progress type',
      'tracking type',
      'measurement',
    ],
  ],
};

interface Claim {
  score: number;
  field: SheetField;
  column: number;
}

/** Each field's own headers and its words, compared as normalised text. */
const OWN_HEADERS = new Map(
  SHEET_FIELDS.map((field) => [field, Object.values(SHEET_HEADERS[field]).map(normaliseText)] as const),
);
const WORDS = new Map(
  SHEET_FIELDS.map((field) => [field, SHEET_SYNONYMS[field].map((tier) => tier.map(normaliseText))] as const),
);

/** How strongly `header` claims to be `field`: a whole-header match beats a header that only starts with the word. */
function claimScore(header: string, field: SheetField): number {
  if (header === '') return 0;
  if (OWN_HEADERS.get(field)?.includes(header)) return 20;
  let best = 0;
  WORDS.get(field)?.forEach((tier, i) => {
    for (const word of tier) {
      if (header === word) best = Math.max(best, 12 - i * 4);
      // "Målvärde (kr)": a header that begins with a strongest word, and says more.
      else if (i === 0 && word.length >= 3 && header.startsWith(`${word} `)) best = Math.max(best, 6);
    }
  });
  return best;
}

/**
 * The mapping for a sheet's headers. `saved` holds the organisation's earlier choices by
 * normalised header: a field (taken as it is, marked 'saved') or null (a column deliberately
 * left out, suggested for nothing). The other fields are suggested from the remaining
 * headers, the strongest claim first, one field per column and one column per field.
 */
export function suggestMapping(
  headers: readonly string[],
  saved: ReadonlyMap<string, SheetField | null> = new Map(),
): { mapping: SheetMapping; mappingSource: MappingSource } {
  const mapping: SheetMapping = {};
  const mappingSource: MappingSource = {};
  const taken = new Set<number>();
  const normalised = headers.map(normaliseText);
  normalised.forEach((header, column) => {
    if (!saved.has(header)) return;
    taken.add(column);
    const field = saved.get(header);
    if (field && mapping[field] === undefined) {
      mapping[field] = column;
      mappingSource[field] = 'saved';
    }
  });
  const claims: Claim[] = [];
  normalised.forEach((header, column) => {
    if (taken.has(column)) return;
    for (const field of SHEET_FIELDS) {
      const score = claimScore(header, field);
      if (score > 0) claims.push({ score, field, column });
    }
  });
  claims.sort(
    (a, b) => b.score - a.score || a.column - b.column || SHEET_FIELDS.indexOf(a.field) - SHEET_FIELDS.indexOf(b.field),
  );
  for (const { field, column } of claims) {
    if (mapping[field] !== undefined || taken.has(column)) continue;
    mapping[field] = column;
    mappingSource[field] = 'suggested';
    taken.add(column);
  }
  return { mapping, mappingSource };
}

/** What an import saves for next time: each header of the sheet → its field, or null when no field took it. */
export function mappingToSave(headers: readonly string[], mapping: SheetMapping): Map<string, SheetField | null> {
  const byColumn = new Map<number, SheetField>();
  for (const field of SHEET_FIELDS) {
    const column = mapping[field];
    if (column !== undefined && !byColumn.has(column)) byColumn.set(column, field);
  }
  const save = new Map<string, SheetField | null>();
  headers.forEach((raw, column) => {
    const header = normaliseText(raw);
    if (header === '' || save.get(header)) return;
    save.set(header, byColumn.get(column) ?? null);
  });
  return save;
}
