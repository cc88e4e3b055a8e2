import { describe, expect, it } from 'vitest';
import { planYear, proposeYear, yearGaps, type KnownCycle } from './year-plan.ts';

const q = (n: number, y: string) => `Q${n} ${y}`;
let next = 0;
/** A year as the dialog plans it, with the quarters given (1–4), named any way. */
function year(y: number, quarters: number[], startMonth = 1): KnownCycle[] {
  const plan = planYear(y, startMonth, q);
  const id = `y${++next}`;
  return [
    { id, parentId: null, ...plan.year },
    ...plan.quarters
      .filter((_, i) => quarters.includes(i + 1))
      .map((quarter, i) => ({ ...quarter, id: `${id}q${i}`, parentId: id, name: `Kvartal ${i}` })),
  ];
}

describe('the year the dialog proposes', () => {
  it('is the earliest year that lacks quarters, not the one after the latest', () => {
    const cycles = [...year(2026, [1, 2, 3, 4]), ...year(2027, [1]), ...year(2028, [])];
    expect(proposeYear(cycles, 1, '2026-12-04')).toBe(2027);
  });

  it('is the year after the latest when every year has its quarters', () => {
    const cycles = [...year(2026, [1, 2, 3, 4]), ...year(2027, [1, 2, 3, 4])];
    expect(proposeYear(cycles, 1, '2026-12-04')).toBe(2028);
  });

  it('passes over a year that is over, and is this year when there are none', () => {
    expect(proposeYear(year(2024, [4]), 1, '2026-12-04')).toBe(2026);
    expect(proposeYear([], 1, '2026-12-04')).toBe(2026);
  });

  it('matches quarters by dates, in a fiscal year that starts in July', () => {
    const cycles = [...year(2026, [1, 2, 3, 4], 7), ...year(2027, [1, 2], 7)];
    expect(proposeYear(cycles, 7, '2026-12-04')).toBe(2027);
    // A quarter with other dates is not one of the year's.
    const odd = year(2026, [1, 2, 3], 7);
    odd.push({ id: 'odd', parentId: odd[0]?.id ?? null, name: 'Q4', startsOn: '2027-04-02', endsOn: '2027-06-30' });
    expect(proposeYear(odd, 7, '2026-12-04')).toBe(2026);
  });
});

describe('what adding a year creates', () => {
  it('is the year and all four quarters when the year is new', () => {
    const plan = planYear(2029, 1, q);
    expect(yearGaps(year(2027, [1]), plan)).toEqual({ existing: undefined, missing: plan.quarters });
  });

  it('is only the quarters an existing year lacks, and nothing once it has them all', () => {
    const plan = planYear(2027, 1, q);
    const partial = year(2027, [1, 3]);
    const gaps = yearGaps(partial, plan);
    expect(gaps.existing?.id).toBe(partial[0]?.id);
    expect(gaps.missing.map((m) => m.name)).toEqual(['Q2 2027', 'Q4 2027']);
    expect(yearGaps(year(2027, [1, 2, 3, 4]), plan).missing).toEqual([]);
  });
});
