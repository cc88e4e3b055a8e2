// The alignment map's graph, built in the browser from the map's answer (objectives and
// units): filtering, folding a unit's objectives into one node, the key results that links
// end at, the strategy themes each serves, and the path of a selection. Pure and framework-free, so the benchmark can run it in Node too; linear in
// the objectives and links, as a quarter may hold 30,000 objectives.
import type { MapKeyResult, MapObjective, MapUnit } from '../../api/types.ts';
import type { ObjectiveLevel, Status } from '../../../core/domain.ts';

export interface MapFilters {
  unitId?: string;
  level?: ObjectiveLevel;
  status?: Status;
  /** Units whose objectives are folded into one node each. */
  folded: ReadonlySet<string>;
}

export interface MapNode {
  id: string;
  /** The objective's id; for a folded unit, null. */
  objectiveId: string | null;
  title: string;
  owner: string;
  level: ObjectiveLevel;
  unitId: string | null;
  progress: number;
  status: Status;
  /** How many objectives the node stands for (1 unless folded). */
  count: number;
  /**
   * Its key results that a link of this graph ends at, in their order: drawn as rows inside
   * the node. None for a folded node, whose links end at the node.
   */
  keyResults: MapKeyResult[];
  /** The strategy themes it serves, as indexes into the map's themes, in their order; none when folded. */
  themes: readonly number[];
}

export interface MapEdge {
  /** The objective that supports … */
  from: string;
  /** … this one. */
  to: string;
  /** Between objectives of two different units. */
  crossTeam: boolean;
  /** The key result of `to` that `from` supports, whose row the link ends at; null: the node itself. */
  keyResultId: string | null;
}

export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** Appends to the list under `key`, creating it. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The unit and every unit beneath it. */
export function subtree(units: readonly MapUnit[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) if (unit.parentId) push(children, unit.parentId, unit.id);
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  return ids;
}

const WORST: Status[] = ['off_track', 'at_risk', 'on_track'];

/** A link's id (unique in a graph): made only for the links drawn, not for 30,000. */
export const edgeId = (edge: Pick<MapEdge, 'from' | 'to' | 'keyResultId'>): string =>
  edge.keyResultId ? `${edge.from}>${edge.to}#${edge.keyResultId}` : `${edge.from}>${edge.to}`;

const NO_KEY_RESULTS: readonly string[] = [];
/** Shared by the many objectives that serve no theme, so 30,000 nodes make no 30,000 lists. */
const NO_THEMES: readonly number[] = [];

/**
 * For each objective, the key results of each objective it supports that it supports: linear
 * in the links to key results (a few), not in the objectives.
 */
function keyResultLinks(objectives: readonly MapObjective[]): Map<string, Map<string, string[]>> {
  const objectiveOf = new Map<string, string>();
  for (const o of objectives) for (const kr of o.keyResultsSupported ?? []) objectiveOf.set(kr.id, o.id);
  const links = new Map<string, Map<string, string[]>>();
  for (const o of objectives) {
    for (const krId of o.supportsKeyResultIds ?? []) {
      const supported = objectiveOf.get(krId);
      if (!supported) continue;
      let bySupported = links.get(o.id);
      if (!bySupported) links.set(o.id, (bySupported = new Map()));
      push(bySupported, supported, krId);
    }
  }
  return links;
}

export function buildGraph(
  objectives: readonly MapObjective[],
  units: readonly MapUnit[],
  filters: MapFilters,
): MapGraph {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  let kept = objectives;
  if (filters.unitId) {
    // A unit's objectives and those of its sub-units, with the individual objectives that support them.
    const inUnits = subtree(units, filters.unitId);
    const unitObjectives = new Set(
      objectives.filter((o) => o.unitId !== null && inUnits.has(o.unitId)).map((o) => o.id),
    );
    kept = objectives.filter(
      (o) => unitObjectives.has(o.id) || (o.level === 'person' && o.supports.some((s) => unitObjectives.has(s))),
    );
  }
  if (filters.level) kept = kept.filter((o) => o.level === filters.level);
  if (filters.status) kept = kept.filter((o) => o.status === filters.status);

  // Each objective's node: its own, or its unit's when the unit is folded.
  const nodeOf = new Map<string, string>();
  const nodes = new Map<string, MapNode>();
  const foldedMembers = new Map<string, MapObjective[]>();
  for (const o of kept) {
    if (o.level === 'unit' && o.unitId && filters.folded.has(o.unitId)) {
      const id = `unit:${o.unitId}`;
      nodeOf.set(o.id, id);
      push(foldedMembers, id, o);
      continue;
    }
    nodeOf.set(o.id, o.id);
    nodes.set(o.id, {
      id: o.id,
      objectiveId: o.id,
      title: o.title,
      owner: o.ownerName,
      level: o.level,
      unitId: o.unitId,
      progress: o.progress,
      status: o.status,
      count: 1,
      keyResults: [],
      themes: o.themeIndexes ?? NO_THEMES,
    });
  }
  for (const [id, members] of foldedMembers) {
    const unitId = members[0]?.unitId ?? null;
    nodes.set(id, {
      id,
      objectiveId: null,
      title: unitName.get(unitId ?? '') ?? members[0]?.ownerName ?? '',
      owner: members[0]?.ownerName ?? '',
      level: 'unit',
      unitId,
      progress: members.reduce((sum, o) => sum + o.progress, 0) / members.length,
      status: WORST.find((s) => members.some((o) => o.status === s)) ?? 'on_track',
      count: members.length,
      keyResults: [],
      themes: NO_THEMES,
    });
  }

  const edges: MapEdge[] = [];
  // Links are unique by objective; folded nodes may gather several into one.
  const seen = foldedMembers.size > 0 ? new Set<string>() : null;
  // A link to an objective through its key results ends at each of them (the objective link
  // they lie within is not drawn besides); to a folded node, at the node.
  const krLinks = keyResultLinks(kept);
  const rowsUsed = new Set<string>();
  for (const o of kept) {
    const from = nodeOf.get(o.id) as string;
    const viaKeyResults = krLinks.get(o.id);
    for (const supported of o.supports) {
      const to = nodeOf.get(supported);
      if (!to || to === from) continue;
      const a = nodes.get(from)?.unitId;
      const b = nodes.get(to)?.unitId;
      const crossTeam = !!a && !!b && a !== b;
      const krIds = to === supported ? (viaKeyResults?.get(supported) ?? NO_KEY_RESULTS) : NO_KEY_RESULTS;
      for (const keyResultId of krIds.length > 0 ? krIds : [null]) {
        const edge = { from, to, crossTeam, keyResultId };
        if (seen) {
          const key = edgeId(edge);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        if (keyResultId) rowsUsed.add(keyResultId);
        edges.push(edge);
      }
    }
  }
  if (rowsUsed.size > 0) {
    for (const o of kept) {
      const node = nodes.get(o.id);
      if (node) node.keyResults = (o.keyResultsSupported ?? []).filter((kr) => rowsUsed.has(kr.id));
    }
  }
  return { nodes: [...nodes.values()], edges };
}

export interface Path {
  /** What the node supports, transitively. */
  up: Set<string>;
  /** What supports the node, transitively. */
  down: Set<string>;
}

export function pathOf(graph: MapGraph, id: string): Path {
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const e of graph.edges) {
    push(out, e.from, e.to);
    push(into, e.to, e.from);
  }
  const walk = (next: Map<string, string[]>) => {
    const seen = new Set<string>();
    const stack = [...(next.get(id) ?? [])];
    while (stack.length > 0) {
      const n = stack.pop() as string;
      if (seen.has(n) || n === id) continue;
      seen.add(n);
      for (const m of next.get(n) ?? []) stack.push(m);
    }
    return seen;
  };
  return { up: walk(out), down: walk(into) };
}
