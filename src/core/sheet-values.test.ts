import { describe, expect, it } from 'vitest';
import { SHEET_VALUE_NAMES } from './okr-sheet-columns.ts';
import {
  columnLetter,
  isEmailAddress,
  normaliseText,
  parseCycleName,
  parseDone,
  parseLevel,
  parseMetric,
  parseSheetNumber,
} from './sheet-values.ts';

describe('numbers as people write them', () => {
  it.each([
    ['12', 12, ''],
    ['12,5', 12.5, ''],
    ['0,75', 0.75, ''],
    ['1 234,5', 1234.5, ''],
    ['1\u00a0234\u00a0567', 1234567, ''],
    ['1.234,5', 1234.5, ''],
    ['1,234.5', 1234.5, ''],
    ['1,234,567', 1234567, ''],
    ['1.234.567', 1234567, ''],
    // A single comma is a decimal comma, as Swedish writes it.
    ['1,234', 1.234, ''],
    ['-3', -3, ''],
    ['\u22123,5', -3.5, ''],
    ['+4', 4, ''],
    ['.5', 0.5, ''],
    ['40%', 40, '%'],
    ['40 %', 40, '%'],
    ['12,5 %', 12.5, '%'],
    ['250 kr', 250, 'kr'],
    ['1 500 tkr', 1500, 'tkr'],
    ['$1,200.50', 1200.5, '$'],
    ['€ 30', 30, '€'],
    ['1E-3', 0.001, ''],
    ['0.30000000000000004', 0.30000000000000004, ''],
  ])('%s → %d %s', (text, value, unit) => {
    expect(parseSheetNumber(text)).toEqual({ value, unit });
  });

  it.each(['abc', '12 13', '1,2,3', '1.2.3,4,5', '--4', '%', 'kr', '12 kr 50', '$12 kr', '1,23,4'])(
    'refuses %s',
    (text) => expect(parseSheetNumber(text)).toBeNull(),
  );

  it('reads an empty cell as nothing', () => {
    expect(parseSheetNumber('')).toBeUndefined();
    expect(parseSheetNumber('   ')).toBeUndefined();
  });
});

describe('cycle names', () => {
  it.each([
    ['2027', '2027-01-01', '2027-12-31', 'year'],
    ['FY2027', '2027-01-01', '2027-12-31', 'year'],
    ['Q1 2027', '2027-01-01', '2027-03-31', 'quarter'],
    ['2027 Q2', '2027-04-01', '2027-06-30', 'quarter'],
    ['Q3-2027', '2027-07-01', '2027-09-30', 'quarter'],
    ['2027-Q4', '2027-10-01', '2027-12-31', 'quarter'],
    ['K1 2027', '2027-01-01', '2027-03-31', 'quarter'],
    ['Kvartal 2 2027', '2027-04-01', '2027-06-30', 'quarter'],
    ['kv3 2027', '2027-07-01', '2027-09-30', 'quarter'],
    ['Quarter 4 2027', '2027-10-01', '2027-12-31', 'quarter'],
    ['H1 2027', '2027-01-01', '2027-06-30', 'half'],
    ['2027 H2', '2027-07-01', '2027-12-31', 'half'],
    ['Halvår 2 2027', '2027-07-01', '2027-12-31', 'half'],
    ['T1 2027', '2027-01-01', '2027-04-30', 'tertial'],
    ['Tertial 3 2027', '2027-09-01', '2027-12-31', 'tertial'],
    ['Q1 FY27', '2027-01-01', '2027-03-31', 'quarter'],
  ])('%s', (name, startsOn, endsOn, kind) => {
    expect(parseCycleName(name)).toMatchObject({ startsOn, endsOn, kind });
  });

  it('counts from the fiscal year’s first month', () => {
    expect(parseCycleName('2026/27', 7)).toMatchObject({ startsOn: '2026-07-01', endsOn: '2027-06-30', kind: 'year' });
    expect(parseCycleName('Q1 2026/27', 7)).toMatchObject({ startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(parseCycleName('Q3 2026/27', 7)).toMatchObject({ startsOn: '2027-01-01', endsOn: '2027-03-31' });
    expect(parseCycleName('2026', 7)).toMatchObject({ startsOn: '2026-07-01', endsOn: '2027-06-30' });
    // A split year only where the fiscal year is split.
    expect(parseCycleName('2026/27', 1)).toBeNull();
    expect(parseCycleName('2026/28', 7)).toBeNull();
  });

  it.each(['Våren', 'Q5 2027', 'H3 2027', 'T4 2027', 'Sprint 4', 'Q1', 'Kvartal 1', ''])('does not read %s', (name) => {
    expect(parseCycleName(name)).toBeNull();
  });
});

describe('levels, metrics and done', () => {
  it.each([
    ['Organisation', 'organization'],
    ['Company', 'organization'],
    ['Företaget', 'organization'],
    ['Team', 'unit'],
    ['Enhet', 'unit'],
    ['Avdelning', 'unit'],
    ['Department', 'unit'],
    ['Person', 'person'],
    ['Individ', 'person'],
    ['Individual', 'person'],
    ['personlig', 'person'],
  ])('level %s', (text, level) => expect(parseLevel(text)).toBe(level));

  it.each([
    ['Öka till', 'increase_to'],
    ['Increase from', 'increase_to'],
    ['Reach', 'increase_to'],
    ['Minska till', 'decrease_to'],
    ['Decrease', 'decrease_to'],
    ['Hålla lägst', 'stay_at_or_above'],
    ['Stay above', 'stay_at_or_above'],
    ['Hålla högst', 'stay_at_or_below'],
    ['Stay at or below', 'stay_at_or_below'],
    ['Milstolpe (klar eller inte)', 'milestone'],
    ['Milestone', 'milestone'],
  ])('metric %s', (text, metric) => expect(parseMetric(text)).toBe(metric));

  it('reads back every word a downloaded sheet writes for a level or a metric', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const [level, word] of Object.entries(SHEET_VALUE_NAMES.level[locale])) expect(parseLevel(word)).toBe(level);
      for (const [metric, word] of Object.entries(SHEET_VALUE_NAMES.metric[locale]))
        expect(parseMetric(word)).toBe(metric);
    }
  });

  it('reads done and not done', () => {
    expect(parseDone('Klar')).toBe('done');
    expect(parseDone('Ja')).toBe('done');
    expect(parseDone('Inte klar')).toBe('open');
    expect(parseDone('Nej')).toBe('open');
    expect(parseDone('kanske')).toBeNull();
    expect(parseLevel('Galaxen')).toBeNull();
    expect(parseMetric('Gissa')).toBeNull();
  });
});

describe('the rest', () => {
  it('normalises text for comparison', () => {
    expect(normaliseText('  Målets ägare (e-post) ')).toBe('malets agare e post');
    expect(normaliseText('KEY RESULT – Owner')).toBe('key result owner');
  });

  it('knows an e-mail address', () => {
    expect(isEmailAddress('sara@example.com')).toBe(true);
    expect(isEmailAddress('sara.lind@sub.example.se')).toBe(true);
    expect(isEmailAddress('sara@example')).toBe(false);
    expect(isEmailAddress('sara example.com')).toBe(false);
    expect(isEmailAddress('Sara Lind <sara@example.com>')).toBe(false);
  });

  it('names columns with letters', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
