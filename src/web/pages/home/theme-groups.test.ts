import { describe, expect, it } from 'vitest';
import { groupByTheme } from './theme-groups.ts';

const service = { id: 't1', name: 'Belysning som tjänst', description: '' };
const close = { id: 't2', name: 'Nära kunden', description: '' };
const objective = (id: string, themeIds: string[]) => ({ id, themeIds });

describe('groupByTheme', () => {
  it('puts each objective under every theme it serves, in the themes’ order, and the rest last', () => {
    const groups = groupByTheme(
      [objective('a', ['t2']), objective('b', ['t1', 't2']), objective('c', [])],
      [service, close],
    );
    expect(groups.map((g) => [g.theme?.name ?? null, g.objectives.map((o) => o.id)])).toEqual([
      ['Belysning som tjänst', ['b']],
      ['Nära kunden', ['a', 'b']],
      [null, ['c']],
    ]);
  });

  it('keeps a theme nothing serves, and leaves out the loose group when every objective has a theme', () => {
    const groups = groupByTheme([objective('a', ['t2'])], [service, close]);
    expect(groups.map((g) => [g.theme?.id, g.objectives.length])).toEqual([
      ['t1', 0],
      ['t2', 1],
    ]);
  });

  it('counts an objective whose only theme was removed as serving none', () => {
    expect(groupByTheme([objective('a', ['gone'])], [service])).toEqual([
      { theme: service, objectives: [] },
      { theme: null, objectives: [objective('a', ['gone'])] },
    ]);
  });
});
