import { describe, expect, it } from 'vitest';
import { SHEET_FIELDS, SHEET_HEADERS, type SheetField } from './okr-sheet-columns.ts';
import { planSheetImport, sheetEmails, sheetObjectiveTitles, type SheetContext } from './sheet-plan.ts';
import { sheetProblemMessage } from './sheet-problems.ts';

const HEADERS = SHEET_FIELDS.map((field) => SHEET_HEADERS[field].sv);
const MAPPING = Object.fromEntries(SHEET_FIELDS.map((field, i) => [field, i]));

/** A data row from the cells it names; the rest are empty. */
const row = (cells: Partial<Record<SheetField, string>>) => SHEET_FIELDS.map((field) => cells[field] ?? '');

function context(overrides: Partial<SheetContext> = {}): SheetContext {
  let n = 0;
  return {
    orgName: 'Exempelbolaget',
    fiscalYearStartMonth: 1,
    today: '2027-02-01',
    units: [
      { id: 'u-sales', name: 'Sälj', parentId: null },
      { id: 'u-north', name: 'Nord', parentId: 'u-sales' },
      { id: 'u-south', name: 'Team A', parentId: 'u-sales' },
      { id: 'u-other', name: 'Team A', parentId: null },
    ],
    cycles: [
      { id: 'c-2027', name: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31', status: 'active', parentId: null },
      { id: 'c-old', name: 'Q4 2026', startsOn: '2026-10-01', endsOn: '2026-12-31', status: 'closed', parentId: null },
    ],
    members: [
      { id: 'p-sara', name: 'Sara Lind', email: 'sara@example.com' },
      { id: 'p-ali', name: 'Ali Berg', email: 'ali@example.com' },
      { id: 'p-ali2', name: 'Ali Berg', email: 'ali.berg@example.com' },
    ],
    accounts: new Map([['kim@elsewhere.test', { id: 'p-kim', name: 'Kim' }]]),
    objectives: [],
    newId: () => `new-${++n}`,
    ...overrides,
  };
}

const check = (rows: Partial<Record<SheetField, string>>[], ctx = context()) =>
  planSheetImport({ headers: HEADERS, rows: rows.map(row), mapping: MAPPING }, ctx);

describe('a good sheet', () => {
  const result = check([
    // The organisation's objective: no unit.
    { cycle: '2027', objectiveTitle: 'Nöjda kunder', keyResultTitle: 'NPS 40', startValue: '25', targetValue: '40' },
    // A new team under a new department, two key results of one objective.
    {
      unit: 'Marknad',
      parentUnit: 'Kommersiellt',
      cycle: 'K1 2027',
      objectiveTitle: 'Fler deltagare på våra event',
      objectiveOwnerName: 'Sara Lind',
      keyResultTitle: '300 deltagare',
      startValue: '120',
      targetValue: '300',
      currentValue: '150',
      keyResultOwnerEmail: 'kim@elsewhere.test',
    },
    {
      unit: 'marknad',
      cycle: 'Q1 2027',
      objectiveTitle: 'Fler deltagare på våra event',
      keyResultTitle: 'Nöjdhet 4,5 av 5',
      startValue: '3,9',
      targetValue: '4,5',
    },
    // A person's own objective, a new person by e-mail, in an existing team.
    {
      unit: 'Nord',
      objectiveLevel: 'Person',
      cycle: 'Q1 2027',
      objectiveTitle: 'Lära mig kampanjverktyget',
      objectiveOwnerName: 'Nora Ny',
      objectiveOwnerEmail: 'Nora@Example.com',
      keyResultTitle: 'Certifierad',
      keyResultMetric: 'Milstolpe',
    },
    // Fewer errors: decreasing without a metric, and a kronor figure.
    {
      unit: 'Sälj',
      cycle: 'Q1 2027',
      objectiveTitle: 'Lönsamma affärer',
      keyResultTitle: 'Rabatt',
      startValue: '12 %',
      targetValue: '8 %',
    },
    {
      unit: 'Sälj',
      cycle: 'Q1 2027',
      objectiveTitle: 'Lönsamma affärer',
      keyResultTitle: 'Snittorder',
      startValue: '1 200 kr',
      targetValue: '1 500 kr',
    },
    // An empty row is skipped.
    {},
  ]);

  it('has no problems', () => expect(result.problems).toEqual([]));

  it('counts what it creates', () => {
    expect(result.counts).toEqual({ units: 2, people: 2, cycles: 1, objectives: 4, keyResults: 6 });
  });

  it('draws the unit tree, parents first', () => {
    expect(result.plan.units).toEqual([
      { id: expect.any(String), name: 'Kommersiellt', parentId: null, kind: 'department' },
      { id: expect.any(String), name: 'Marknad', parentId: result.plan.units[0]?.id, kind: 'team' },
    ]);
  });

  it('creates the quarter inside its year', () => {
    expect(result.plan.cycles).toEqual([
      {
        id: expect.any(String),
        name: 'K1 2027',
        startsOn: '2027-01-01',
        endsOn: '2027-03-31',
        status: 'active',
        parentId: 'c-2027',
      },
    ]);
  });

  it('brings people in by e-mail address: a new account, and one known elsewhere', () => {
    expect(result.plan.accounts).toEqual([{ id: expect.any(String), email: 'nora@example.com', name: 'Nora Ny' }]);
    expect(result.plan.memberships).toEqual(['p-kim', result.plan.accounts[0]?.id]);
  });

  it('makes one objective of rows repeating it, at the right level', () => {
    const [org, team, person, sales] = result.plan.objectives;
    expect(org).toMatchObject({ level: 'organization', unitId: null, personId: null, cycleId: 'c-2027' });
    expect(team).toMatchObject({
      level: 'unit',
      unitId: result.plan.units[1]?.id,
      title: 'Fler deltagare på våra event',
    });
    expect(person).toMatchObject({ level: 'person', personId: result.plan.accounts[0]?.id, unitId: null });
    expect(sales).toMatchObject({ level: 'unit', unitId: 'u-sales' });
    expect(result.plan.unitMembers).toEqual([{ unitId: 'u-north', accountId: result.plan.accounts[0]?.id }]);
  });

  it('reads key results: metric, values, unit, owner and position', () => {
    const byTitle = Object.fromEntries(result.plan.keyResults.map((kr) => [kr.title, kr]));
    expect(byTitle['NPS 40']).toMatchObject({
      metric: 'increase_to',
      startValue: 25,
      targetValue: 40,
      currentValue: 25,
      ownerId: null,
    });
    expect(byTitle['300 deltagare']).toMatchObject({ currentValue: 150, ownerId: 'p-kim', position: 0 });
    // The objective's owner owns a key result that names none.
    expect(byTitle['Nöjdhet 4,5 av 5']).toMatchObject({
      startValue: 3.9,
      targetValue: 4.5,
      position: 1,
      ownerId: null,
    });
    expect(byTitle['Certifierad']).toMatchObject({ metric: 'milestone', startValue: 0, targetValue: 1 });
    expect(byTitle['Rabatt']).toMatchObject({ metric: 'decrease_to', startValue: 12, targetValue: 8, unit: '%' });
    expect(byTitle['Snittorder']).toMatchObject({ startValue: 1200, targetValue: 1500, unit: 'kr' });
  });

  it('names the e-mail addresses and titles to look up', () => {
    const input = {
      headers: HEADERS,
      rows: [row({ objectiveOwnerEmail: 'A@x.se', keyResultOwnerName: 'b@y.se', objectiveTitle: ' Mål  Ett ' })],
      mapping: MAPPING,
    };
    expect(sheetEmails(input)).toEqual(['a@x.se', 'b@y.se']);
    expect(sheetObjectiveTitles(input)).toEqual(['mål ett']);
  });
});

describe('the objective owner of a team objective', () => {
  it('owns the key results that name no owner', () => {
    const { plan, problems } = check([
      {
        unit: 'Sälj',
        cycle: '2027',
        objectiveTitle: 'Mål',
        objectiveOwnerName: 'Sara Lind',
        keyResultTitle: 'KR',
        targetValue: '10',
      },
    ]);
    expect(problems).toEqual([]);
    expect(plan.keyResults[0]?.ownerId).toBe('p-sara');
  });
});

describe('problems', () => {
  const result = check([
    /* 2 */ { cycle: 'Våren', objectiveTitle: 'A', keyResultTitle: 'x', targetValue: '1' },
    /* 3 */ { cycle: 'Q4 2026', objectiveTitle: 'B', keyResultTitle: 'x', targetValue: '1' },
    /* 4 */ {
      cycle: '2027',
      objectiveTitle: 'C',
      objectiveOwnerEmail: 'inte-en-adress',
      keyResultTitle: 'x',
      targetValue: 'tio',
    },
    /* 5 */ { cycle: '2027', objectiveTitle: 'D', keyResultTitle: 'x', startValue: '5', targetValue: '5' },
    /* 6 */ { cycle: '2027', keyResultTitle: 'Utan mål', targetValue: '3' },
    /* 7 */ {
      unit: 'Ett',
      parentUnit: 'Två',
      cycle: '2027',
      objectiveTitle: 'E',
      keyResultTitle: 'x',
      targetValue: '1',
    },
    /* 8 */ {
      unit: 'Två',
      parentUnit: 'Ett',
      cycle: '2027',
      objectiveTitle: 'F',
      keyResultTitle: 'x',
      targetValue: '1',
    },
    /* 9 */ { unit: 'Team A', cycle: '2027', objectiveTitle: 'G', keyResultTitle: 'x', targetValue: '1' },
    /* 10 */ { cycle: '2027', objectiveTitle: 'H', objectiveOwnerName: 'Okänd Person', objectiveLevel: 'Person' },
    /* 11 */ {
      cycle: '2027',
      objectiveTitle: 'I',
      objectiveOwnerName: 'Ali Berg',
      keyResultTitle: 'x',
      targetValue: '1',
    },
    /* 12 */ {
      cycle: '',
      objectiveTitle: 'J',
      objectiveLevel: 'Galax',
      keyResultTitle: 'y',
      keyResultMetric: 'gissa',
      startValue: '3',
    },
    /* 13 */ { unit: 'Nord', parentUnit: 'Kommersiellt', cycle: '2027', objectiveTitle: 'K' },
    /* 14 */ { cycle: '2027', objectiveTitle: 'L', keyResultTitle: 'Samma', targetValue: '2' },
    /* 15 */ { cycle: '2027', objectiveTitle: 'l', keyResultTitle: 'samma', targetValue: '3' },
    /* 16 */ {
      cycle: '2027',
      objectiveTitle: 'M',
      keyResultTitle: 'Öka men ner',
      keyResultMetric: 'Öka till',
      startValue: '5',
      targetValue: '2',
    },
  ]);
  const at = (code: string) => result.problems.filter((p) => p.code === code).map((p) => [p.row, p.column]);

  it('names each by row, column and code, all of them, in sheet order', () => {
    expect(at('cycle_unknown')).toEqual([[2, 'Period']]);
    expect(at('cycle_closed')).toEqual([[3, 'Period']]);
    expect(at('email_invalid')).toEqual([[4, 'Målets ägare (e-post)']]);
    expect(at('number_invalid')).toEqual([[4, 'Målvärde']]);
    expect(at('target_equals_start')).toEqual([[5, 'Målvärde']]);
    expect(at('objective_title_missing')).toEqual([[6, 'Mål']]);
    expect(at('unit_loop')).toEqual([
      [7, 'Överordnad enhet'],
      [8, 'Överordnad enhet'],
    ]);
    expect(at('unit_ambiguous')).toEqual([[9, 'Enhet']]);
    expect(at('person_unknown')).toEqual([[10, 'Målets ägare']]);
    expect(at('person_ambiguous')).toEqual([[11, 'Målets ägare']]);
    expect(at('cycle_missing')).toEqual([[12, 'Period']]);
    expect(at('level_unknown')).toEqual([[12, 'Nivå']]);
    expect(at('metric_unknown')).toEqual([[12, 'Typ av mätning']]);
    expect(at('unit_parent_differs')).toEqual([[13, 'Överordnad enhet']]);
    expect(at('key_result_repeated')).toEqual([[15, 'Nyckelresultat']]);
    expect(at('target_below_start')).toEqual([[16, 'Målvärde']]);
    const rows = result.problems.map((p) => p.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(result.problemCount).toBe(result.problems.length);
  });

  it('says each in Swedish and English', () => {
    const closed = result.problems.find((p) => p.code === 'cycle_closed');
    expect(closed && sheetProblemMessage(closed, 'sv')).toBe(
      'Perioden ”Q4 2026” är avslutad; dess OKR är facit och får inget nytt',
    );
    expect(closed && sheetProblemMessage(closed, 'en')).toBe(
      'The cycle “Q4 2026” is closed; its OKRs are the record and get nothing new',
    );
    const differs = result.problems.find((p) => p.code === 'unit_parent_differs');
    expect(differs?.params).toEqual({ name: 'Nord', parent: 'Sälj' });
  });

  it('names a required field without a column on the header row, and reads no further', () => {
    const { problems } = planSheetImport(
      { headers: ['Mål', 'Kommentar'], rows: [['A', 'x']], mapping: { objectiveTitle: 0, unitOfMeasure: 7 } },
      context(),
    );
    expect(problems).toEqual([
      {
        row: 1,
        column: null,
        columnIndex: null,
        field: 'unitOfMeasure',
        code: 'column_missing',
        params: { field: 'unitOfMeasure', column: 'H' },
      },
      { row: 1, column: null, columnIndex: null, field: 'cycle', code: 'field_not_mapped', params: { field: 'cycle' } },
    ]);
    expect(sheetProblemMessage(problems[1] as (typeof problems)[number], 'sv')).toBe(
      'Ingen kolumn är vald för ”Period”, som varje ark behöver',
    );
  });

  it('shows at most 500 and counts them all', () => {
    const rows = Array.from({ length: 600 }, () => ({ cycle: 'Aldrig', objectiveTitle: 'X' }));
    const { problems, problemCount } = check(rows);
    expect(problems).toHaveLength(500);
    expect(problemCount).toBe(600);
  });
});

describe('what is already here', () => {
  it('adds key results to an objective that is here, skipping those it has', () => {
    const ctx = context({
      objectives: [
        {
          id: 'o-here',
          cycleId: 'c-2027',
          level: 'unit',
          unitId: 'u-sales',
          personId: null,
          title: 'Lönsamma affärer',
          keyResultTitles: ['Rabatt'],
          nextPosition: 3,
        },
      ],
    });
    const { plan, problems } = check(
      [
        {
          unit: 'Sälj',
          cycle: '2027',
          objectiveTitle: 'lönsamma affärer',
          keyResultTitle: 'rabatt',
          targetValue: '5',
          startValue: '8',
        },
        {
          unit: 'Sälj',
          cycle: '2027',
          objectiveTitle: 'Lönsamma affärer',
          keyResultTitle: 'Marginal',
          targetValue: '30 %',
        },
      ],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(plan.objectives).toEqual([]);
    expect(plan.keyResults).toEqual([
      expect.objectContaining({ objectiveId: 'o-here', title: 'Marginal', position: 3 }),
    ]);
  });

  it('takes a cycle by another name with the same dates, and the organisation’s name as no unit', () => {
    const { plan, problems } = check([
      {
        unit: 'exempelbolaget',
        cycle: 'FY2027',
        objectiveTitle: 'Växa',
        keyResultTitle: 'Intäkter',
        targetValue: '10',
      },
    ]);
    expect(problems).toEqual([]);
    expect(plan.cycles).toEqual([]);
    expect(plan.units).toEqual([]);
    expect(plan.objectives[0]).toMatchObject({ cycleId: 'c-2027', level: 'organization' });
  });

  it('creates a year with the quarters that need it, and a later cycle as planning', () => {
    const { plan } = check([
      { cycle: '2028 Q2', objectiveTitle: 'Nästa år' },
      { cycle: '2028', objectiveTitle: 'Året' },
    ]);
    expect(plan.cycles.map((c) => [c.name, c.status, c.parentId === null])).toEqual([
      ['2028', 'planning', true],
      ['2028 Q2', 'planning', false],
    ]);
    expect(plan.cycles[1]?.parentId).toBe(plan.cycles[0]?.id);
  });
});
