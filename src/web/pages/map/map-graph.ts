// The alignment map's graph, built in the browser from two lists (objectives, units):
// filtering, folding a unit's objectives into one node, and the path of a selection.
// Pure and framework-free, so the benchmark can run it in Node too.
import type { Objective, Unit } from '../../api/types.ts';
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
  id: string;
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

/** The unit and every unit beneath it. */
export function subtree(units: Unit[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

const WORST: Status[] = ['off_track', 'at_risk', 'on_track'];

export function buildGraph(objectives: Objective[], units: Unit[], filters: MapFilters): MapGraph {
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
  const foldedMembers = new Map<string, Objective[]>();
  for (const o of kept) {
    if (o.level === 'unit' && o.unitId && filters.folded.has(o.unitId)) {
      const id = `unit:${o.unitId}`;
      nodeOf.set(o.id, id);
      foldedMembers.set(id, [...(foldedMembers.get(id) ?? []), o]);
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

  const edges = new Map<string, MapEdge>();
  for (const o of kept) {
    const from = nodeOf.get(o.id) as string;
    for (const supported of o.supports) {
      const to = nodeOf.get(supported);
      if (!to || to === from) continue;
      const id = `${from}>${to}`;
      if (edges.has(id)) continue;
      const a = nodes.get(from)?.unitId;
      const b = nodes.get(to)?.unitId;
      edges.set(id, { id, from, to, crossTeam: !!a && !!b && a !== b });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
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
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  }
  const walk = (next: Map<string, string[]>) => {
    const seen = new Set<string>();
    const stack = [...(next.get(id) ?? [])];
    while (stack.length > 0) {
      const n = stack.pop() as string;
      if (seen.has(n) || n === id) continue;
      seen.add(n);
      stack.push(...(next.get(n) ?? []));
    }
    return seen;
  };
  return { up: walk(out), down: walk(into) };
}
