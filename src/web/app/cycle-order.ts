// One order for cycles wherever they are listed — the header's switcher, the forms, the
// administration page: the longest cycles latest first, each followed by the cycles within
// it in date order (2027, Q1 2027, …, 2026, Q1 2026, …). With one order a year and its
// first quarter, which start on the same day, never swap places between two lists.
import type { Cycle } from '../api/types.ts';

type Dated = Pick<Cycle, 'id' | 'parentId' | 'name' | 'startsOn' | 'endsOn'>;

/** Same start: the longer (the year) first, then by name, so the order never depends on the server's. */
const byStart = (direction: 1 | -1) => (a: Dated, b: Dated) =>
  direction * a.startsOn.localeCompare(b.startsOn) || b.endsOn.localeCompare(a.endsOn) || a.name.localeCompare(b.name);

export function cycleTree<C extends Dated>(cycles: readonly C[]): { cycle: C; depth: number }[] {
  const ids = new Set(cycles.map((c) => c.id));
  const childrenOf = new Map<string | null, C[]>();
  for (const cycle of cycles) {
    const parent = cycle.parentId && ids.has(cycle.parentId) ? cycle.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), cycle]);
  }
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number): { cycle: C; depth: number }[] =>
    (childrenOf.get(parent) ?? [])
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .sort(byStart(depth === 0 ? -1 : 1))
      .flatMap((cycle) => [{ cycle, depth }, ...walk(cycle.id, depth + 1)]);
  return walk(null, 0);
}

export const orderCycles = <C extends Dated>(cycles: readonly C[]): C[] => cycleTree(cycles).map((row) => row.cycle);
