// The alignment map's graph, built in the browser from the map's answer (objectives and
// units): filtering, folding a unit's objectives into one node, and the path of a
// selection. Pure and framework-free, so the benchmark can run it in Node too; linear in
// the objectives and links, as a quarter may hold 30,000 objectives.
import type { MapObjective, MapUnit } from '../../api/types.ts';
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
}

export interface MapEdge {
  /** The objective that supports … */
  from: string;
  /** … this one. */
  to: string;
  /** Between objectives of two different units. */
  crossTeam: boolean;
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
export const edgeId = (edge: Pick<MapEdge, 'from' | 'to'>): string => `${edge.from}>${edge.to}`;

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
    });
  }

  const edges: MapEdge[] = [];
  // Links are unique by objective; folded nodes may gather several into one.
  const seen = foldedMembers.size > 0 ? new Set<string>() : null;
  for (const o of kept) {
    const from = nodeOf.get(o.id) as string;
    for (const supported of o.supports) {
      const to = nodeOf.get(supported);
      if (!to || to === from) continue;
      if (seen) {
        const key = edgeId({ from, to });
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const a = nodes.get(from)?.unitId;
      const b = nodes.get(to)?.unitId;
      edges.push({ from, to, crossTeam: !!a && !!b && a !== b });
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
