import { describe, expect, it } from 'vitest';
import { orderCycles } from './cycle-order.ts';

const cycle = (id: string, name: string, startsOn: string, endsOn: string, parentId: string | null = null) => ({
  id,
  name,
  startsOn,
  endsOn,
  parentId,
});

describe('orderCycles', () => {
  it('puts each year before its quarters, latest year first, whatever order they came in', () => {
    const cycles = [
      cycle('q1-26', 'Q1 2026', '2026-01-01', '2026-03-31', 'y26'),
      cycle('q2-27', 'Q2 2027', '2027-04-01', '2027-06-30', 'y27'),
      cycle('y26', '2026', '2026-01-01', '2026-12-31'),
      cycle('q1-27', 'Q1 2027', '2027-01-01', '2027-03-31', 'y27'),
      cycle('y27', '2027', '2027-01-01', '2027-12-31'),
    ];
    const expected = ['2027', 'Q1 2027', 'Q2 2027', '2026', 'Q1 2026'];
    expect(orderCycles(cycles).map((c) => c.name)).toEqual(expected);
    expect(orderCycles([...cycles].reverse()).map((c) => c.name)).toEqual(expected);
  });

  it('orders a year and a loose quarter that start on the same day the same way every time: the longer first', () => {
    const year = cycle('b', '2027', '2027-01-01', '2027-12-31');
    const quarter = cycle('a', 'Q1 2027 (loose)', '2027-01-01', '2027-03-31');
    expect(orderCycles([quarter, year]).map((c) => c.id)).toEqual(['b', 'a']);
    expect(orderCycles([year, quarter]).map((c) => c.id)).toEqual(['b', 'a']);
  });
});
