// The "supports" graph between objectives must never contain a loop. Pure functions.

/** Edges as objectiveId -> ids of the objectives it supports. */
export type SupportsGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Would linking `from` to support `to` close a loop? It would if `from` is already
 * reachable from `to` by following "supports" edges (or if it is the same objective).
 */
export function wouldCreateLoop(graph: SupportsGraph, from: string, to: string): boolean {
  if (from === to) return true;
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === from) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.get(id) ?? []) stack.push(next);
  }
  return false;
}
