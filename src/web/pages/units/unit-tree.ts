// The API sends units flat with parentId; the tree is built here, in the browser, so one
// request serves a tree of any depth.
import type { Unit } from '../../api/types.ts';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

/** Roots first, children by name. A unit whose parent is not in the list is shown at the top. */
export function buildUnitTree(units: Unit[], compare: (a: string, b: string) => number): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(unit);
    childrenOf.set(parent, siblings);
  }
  // The server never lets the tree loop; `seen` keeps a bad answer from hanging the page.
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((unit) => !seen.has(unit.id) && seen.add(unit.id))
      .sort((a, b) => compare(a.name, b.name))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

export interface FilteredTree {
  nodes: UnitNode[];
  /** Units whose name contains the text. */
  matches: number;
  /** Units with a match beneath them: opened so every match shows. */
  openIds: Set<string>;
}

/**
 * The units whose name contains `text`, with the units above them (so each match keeps
 * its place in the tree) and the units beneath them (a match's whole subtree stays).
 */
export function filterUnitTree(nodes: UnitNode[], text: string, locale: string): FilteredTree {
  const needle = text.trim().toLocaleLowerCase(locale);
  const openIds = new Set<string>();
  let matches = 0;
  const prune = (node: UnitNode, aboveMatches: boolean): { node: UnitNode; containsMatch: boolean } | null => {
    const self = node.unit.name.toLocaleLowerCase(locale).includes(needle);
    if (self) matches += 1;
    const kept = node.children.map((child) => prune(child, aboveMatches || self)).filter((c) => c !== null);
    const matchBeneath = kept.some((c) => c.containsMatch);
    if (matchBeneath) openIds.add(node.unit.id);
    if (!self && !aboveMatches && !matchBeneath) return null;
    return { node: { ...node, children: kept.map((c) => c.node) }, containsMatch: self || matchBeneath };
  };
  const kept = nodes.map((node) => prune(node, false)).filter((c) => c !== null);
  return { nodes: kept.map((c) => c.node), matches, openIds };
}

/** Every unit in the tree that has units beneath it. */
export function parentIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? [node.unit.id, ...parentIds(node.children)] : []));
}
