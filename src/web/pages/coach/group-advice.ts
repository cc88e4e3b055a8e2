// Pieces of advice that say the same thing (the same rule, the same words) about several
// owners are one piece about all of them: six "Only 1 objective in this cycle" in a row
// read like a fault of the page, one with six names reads like advice.
import type { Advice } from '../../api/types.ts';

/** In the order the first of each appears; each group's pieces in their order. */
export function groupAdvice(items: readonly Advice[]): Advice[][] {
  const groups = new Map<string, Advice[]>();
  for (const advice of items) {
    const key = `${advice.ruleId}\u0000${advice.severity}\u0000${advice.title}`;
    const group = groups.get(key);
    if (group) group.push(advice);
    else groups.set(key, [advice]);
  }
  return [...groups.values()];
}
