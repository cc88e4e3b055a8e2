import { describe, expect, it } from 'vitest';
import { parentsFirst } from './parents-first.ts';

const item = (id: string, parent: string | null) => ({ id, parent });

describe('parentsFirst', () => {
  it('puts each item after the one it names, keeping the order otherwise', () => {
    const items = [item('c', 'b'), item('x', null), item('b', 'a'), item('a', null), item('y', 'gone')];
    expect(parentsFirst(items, (i) => i.parent).map((i) => i.id)).toEqual(['a', 'b', 'c', 'x', 'y']);
  });

  it('leaves an ordered list as it is', () => {
    const items = [item('a', null), item('b', 'a'), item('c', 'a')];
    expect(parentsFirst(items, (i) => i.parent)).toEqual(items);
  });
});
