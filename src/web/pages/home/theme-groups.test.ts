import { describe, expect, it } from 'vitest';
import { groupByTheme } from './theme-groups.ts';

const service = { id: 't1', name: 'Belysning som tjänst', description: '' };
const close = { id: 't2', name: 'Nära kunden', description: '' };
const objective = (id: string, themeIds: string[]) => ({ id, themeIds });
const ids = (list: { id: string }[]) => list.map((o) => o.id);

describe('groupByTheme', () => {
  it('puts each objective once, under its first theme in the themes’ order, names it under the others, and the rest last', () => {
    const groups = groupByTheme(
      [objective('a', ['t2']), objective('b', ['t2', 't1']), objective('c', [])],
      [service, close],
    );
    expect(groups.map((g) => [g.theme?.name ?? null, ids(g.objectives), ids(g.alsoServing)])).toEqual([
      ['Belysning som tjänst', ['b'], []],
      ['Nära kunden', ['a'], ['b']],
      [null, ['c'], []],
    ]);
  });

  it('keeps a theme nothing serves, and leaves out the loose group when every objective has a theme', () => {
    const groups = groupByTheme([objective('a', ['t2'])], [service, close]);
    expect(groups.map((g) => [g.theme?.id, g.objectives.length, g.alsoServing.length])).toEqual([
      ['t1', 0, 0],
      ['t2', 1, 0],
    ]);
  });

  it('counts an objective whose only theme was removed as serving none', () => {
    expect(groupByTheme([objective('a', ['gone'])], [service])).toEqual([
      { theme: service, objectives: [], alsoServing: [] },
      { theme: null, objectives: [objective('a', ['gone'])], alsoServing: [] },
    ]);
  });
});
