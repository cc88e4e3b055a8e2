// Suggestions from header names. The three tool-shaped sheets are built from what those
// tools document about their OKRs and exports (the headers are those documents' words; no
// real export file was at hand), so that an export of theirs needs only confirming:
//
// - Viva Goals: key result types "Reach / Increase from / Decrease from / Stay above / Stay
//   below" with a start and a target value, and a unit of measurement
//   (https://learn.microsoft.com/en-us/viva/goals/viva-goals-healthy-okr-program/kr-types);
//   an Explorer view is what Viva Goals exports to a spreadsheet
//   (https://learn.microsoft.com/en-us/graph/api/resources/goalsExportJob), with its columns
//   Objective, Owner, Team and Time period.
// - Perdoo: a goal's Owner is the company or a team and its Lead the person responsible,
//   goals belong to a Timeframe (https://support.perdoo.com/en/articles/4342501-organizing-your-goals-in-perdoo);
//   key results have a start, current and target value; objectives are exported from the
//   goal list (https://support.perdoo.com/en/collections/2512083-faq, "How can I export all
//   my Objectives?").
// - Weekdone: quarterly objectives of a team with key results, each with an owner and its
//   progress (https://blog.weekdone.com/faqs/weekdone-usage-flow/ and
//   https://blog.weekdone.com/faqs/tips-tricks/).
import { describe, expect, it } from 'vitest';
import { SHEET_FIELDS, SHEET_HEADERS } from './okr-sheet-columns.ts';
import { mappingToSave, suggestMapping } from './sheet-mapping.ts';
import { normaliseText } from './sheet-values.ts';

const suggested = (headers: string[]) => suggestMapping(headers).mapping;

describe('suggested mapping', () => {
  it('maps Riktning’s own headers in both languages', () => {
    for (const locale of ['sv', 'en'] as const) {
      const headers = SHEET_FIELDS.map((field) => SHEET_HEADERS[field][locale]);
      const { mapping, mappingSource } = suggestMapping(headers);
      expect(mapping).toEqual(Object.fromEntries(SHEET_FIELDS.map((field, i) => [field, i])));
      expect(new Set(Object.values(mappingSource))).toEqual(new Set(['suggested']));
    }
  });

  it('maps a Swedish sheet written by hand, whatever case, accents and punctuation', () => {
    const headers = [
      'TEAM',
      'Avdelning',
      'Kvartal',
      'Mål',
      'Ansvarig',
      'E-post',
      'Nyckelresultat',
      'Från',
      'Till',
      'Nuläge',
      'Mätenhet',
      'Kommentar från chefen',
    ];
    expect(suggested(headers)).toEqual({
      unit: 0,
      parentUnit: 1,
      cycle: 2,
      objectiveTitle: 3,
      objectiveOwnerName: 4,
      objectiveOwnerEmail: 5,
      keyResultTitle: 6,
      startValue: 7,
      targetValue: 8,
      currentValue: 9,
      unitOfMeasure: 10,
    });
  });

  it('maps a sheet shaped like a Viva Goals export', () => {
    const headers = [
      'Objective',
      'Objective Owner',
      'Owner Email',
      'Team',
      'Time Period',
      'Key Result',
      'Key Result Owner',
      'Key Result Owner Email',
      'Metric Type',
      'Start Value',
      'Target Value',
      'Current Value',
      'Unit of Measurement',
      'Progress',
      'Status',
    ];
    expect(suggested(headers)).toEqual({
      objectiveTitle: 0,
      objectiveOwnerName: 1,
      objectiveOwnerEmail: 2,
      unit: 3,
      cycle: 4,
      keyResultTitle: 5,
      keyResultOwnerName: 6,
      keyResultOwnerEmail: 7,
      keyResultMetric: 8,
      startValue: 9,
      targetValue: 10,
      currentValue: 11,
      unitOfMeasure: 12,
    });
  });

  it('maps a sheet shaped like a Perdoo export: the Owner is the team, the Lead the person', () => {
    const headers = [
      'Timeframe',
      'Owner',
      'Objective',
      'Objective Description',
      'Lead',
      'Key Result',
      'Key Result Lead',
      'Start Value',
      'Current Value',
      'Target Value',
      'Progress',
      'Status',
    ];
    expect(suggested(headers)).toEqual({
      cycle: 0,
      unit: 1,
      objectiveTitle: 2,
      objectiveDescription: 3,
      objectiveOwnerName: 4,
      keyResultTitle: 5,
      keyResultOwnerName: 6,
      startValue: 7,
      currentValue: 8,
      targetValue: 9,
    });
  });

  it('maps a sheet shaped like a Weekdone export', () => {
    const headers = [
      'Team',
      'Quarter',
      'Objective',
      'Key Result',
      'Owner',
      'Owner Email',
      'Start',
      'Target',
      'Current',
      'Progress %',
    ];
    expect(suggested(headers)).toEqual({
      unit: 0,
      cycle: 1,
      objectiveTitle: 2,
      keyResultTitle: 3,
      objectiveOwnerName: 4,
      objectiveOwnerEmail: 5,
      startValue: 6,
      targetValue: 7,
      currentValue: 8,
    });
  });

  it('gives each column one field and each field one column', () => {
    const { mapping } = suggestMapping(['Mål', 'Mål', 'Objective', 'Period']);
    expect(mapping).toEqual({ objectiveTitle: 0, cycle: 3 });
  });

  it('takes the organisation’s saved choices first, and leaves out what was left out', () => {
    const saved = new Map([
      [normaliseText('Ägare'), 'keyResultOwnerName' as const],
      [normaliseText('Kommentar'), null],
    ]);
    const { mapping, mappingSource } = suggestMapping(['Mål', 'Ägare', 'Kommentar', 'Period'], saved);
    expect(mapping).toEqual({ objectiveTitle: 0, keyResultOwnerName: 1, cycle: 3 });
    expect(mappingSource).toEqual({ objectiveTitle: 'suggested', keyResultOwnerName: 'saved', cycle: 'suggested' });
  });

  it('saves each header’s field, and null for a header no field took', () => {
    const saved = mappingToSave(['Mål', 'Ägare', 'Kommentar', ''], { objectiveTitle: 0, keyResultOwnerName: 1 });
    expect([...saved]).toEqual([
      ['mal', 'objectiveTitle'],
      ['agare', 'keyResultOwnerName'],
      ['kommentar', null],
    ]);
  });
});
