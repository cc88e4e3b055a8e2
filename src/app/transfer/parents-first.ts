/**
 * The items ordered so that each comes after the item it names (its parent, or what it was
 * carried over from), keeping the given order otherwise: rows that refer to each other can
 * then be inserted in that order. Loops were refused before (core/import-check.ts); an item
 * whose parent is not in the list counts as a root.
 */
export function parentsFirst<T extends { id: string }>(items: T[], parentOf: (item: T) => string | null): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  for (const item of items) {
    // The chain of not yet placed ancestors, placed from the top down.
    const chain: T[] = [];
    for (let at: T | undefined = item; at && !placed.has(at.id);) {
      chain.push(at);
      placed.add(at.id);
      const parent = parentOf(at);
      at = parent === null ? undefined : byId.get(parent);
    }
    ordered.push(...chain.reverse());
  }
  return ordered;
}
