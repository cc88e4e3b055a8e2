// What "Add a year with quarters" would create, worked out the way the server matches
// (src/app/cycles/create-year.ts): the year is a top-level cycle with the same dates, and
// a quarter is a cycle within it with the same dates. Names play no part.
import type { Cycle } from '../../api/types.ts';

export interface Planned {
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The fields of a cycle this needs. */
export type KnownCycle = Pick<Cycle, 'id' | 'parentId' | 'name' | 'startsOn' | 'endsOn'>;

const isoDay = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/**
 * A year that starts in the fiscal month, and its four quarters. A year that does not
 * start in January spans two calendar years and is named for both ("2026/27").
 */
export function planYear(
  year: number,
  startMonth: number,
  quarterName: (n: number, year: string) => string,
): { year: Planned; quarters: Planned[] } {
  const first = startMonth - 1;
  const name = first === 0 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  const span = (fromMonth: number, months: number): Omit<Planned, 'name'> => ({
    startsOn: isoDay(year, first + fromMonth, 1),
    // Day 0 of the next month is the last day of this one.
    endsOn: isoDay(year, first + fromMonth + months, 0),
  });
  return {
    year: { name, ...span(0, 12) },
    quarters: [0, 1, 2, 3].map((q) => ({ name: quarterName(q + 1, name), ...span(q * 3, 3) })),
  };
}

const sameDates = (a: Omit<Planned, 'name'>, b: Omit<Planned, 'name'>) =>
  a.startsOn === b.startsOn && a.endsOn === b.endsOn;

/** The year as it stands: the cycle that is it (if any), and the quarters it lacks. */
export function yearGaps(
  cycles: readonly KnownCycle[],
  plan: { year: Planned; quarters: Planned[] },
): { existing: KnownCycle | undefined; missing: Planned[] } {
  const existing = cycles.find((c) => c.parentId === null && sameDates(c, plan.year));
  const within = existing ? cycles.filter((c) => c.parentId === existing.id) : [];
  return { existing, missing: plan.quarters.filter((q) => !within.some((c) => sameDates(c, q))) };
}

/**
 * The year to propose: the earliest year not yet over that exists but lacks quarters,
 * else the year after the latest year (and never one already over).
 */
export function proposeYear(cycles: readonly KnownCycle[], startMonth: number, today: string): number {
  const plan = (year: number) => planYear(year, startMonth, (n, y) => `Q${n} ${y}`);
  const years = cycles
    .filter((c) => c.parentId === null)
    .map((c) => Number(c.startsOn.slice(0, 4)))
    // Only the cycles that are a year as this dialog plans it.
    .filter((year) => cycles.some((c) => c.parentId === null && sameDates(c, plan(year).year)))
    .sort((a, b) => a - b);
  const lacking = years.find((year) => plan(year).year.endsOn >= today && yearGaps(cycles, plan(year)).missing.length);
  if (lacking !== undefined) return lacking;
  // The year holding today when no year holds it yet; otherwise the one after the latest.
  const current = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < startMonth ? 1 : 0);
  return (
    Math.max(current - 1, ...cycles.filter((c) => c.parentId === null).map((c) => Number(c.startsOn.slice(0, 4)))) + 1
  );
}
