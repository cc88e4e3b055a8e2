// The map's graph and layouts, as pure functions: links point up, nothing overlaps, a
// large map keeps about the screen's proportions, folding gathers links without repeats.
import { describe, expect, it } from 'vitest';
import type { MapObjective, MapUnit } from '../../api/types.ts';
import { buildGraph, pathOf } from './map-graph.ts';
import { NODE_WIDTH, layoutInput, nodeHeight, type LayoutResult } from './layout-input.ts';
import { dagreLayout, layeredLayout } from './map-layout.ts';

const id = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

/** Divisions → teams (3 objectives each, supporting the organisation's) → people beneath. */
function organisation(total: number): { objectives: MapObjective[]; units: MapUnit[] } {
  const units: MapUnit[] = [];
  const objectives: MapObjective[] = [];
  const add = (level: MapObjective['level'], unitId: string | null, supports: string[]) => {
    const n = objectives.length;
    objectives.push({
      id: id(2, n),
      title: `Objective ${n}`,
      level,
      unitId,
      personId: level === 'person' ? id(3, n) : null,
      ownerName: unitId ?? 'Org',
      status: (['on_track', 'at_risk', 'off_track'] as const)[n % 3] ?? 'on_track',
      progress: (n % 10) / 10,
      supports,
    });
    return objectives[n] as MapObjective;
  };
  const top = [add('organization', null, []), add('organization', null, [])];
  const teams: MapObjective[] = [];
  for (let d = 0; d < 4; d++) {
    const division = { id: id(1, units.length), parentId: null, name: `Division ${d}` };
    units.push(division);
    const own = add('unit', division.id, [top[d % 2]?.id ?? '']);
    for (let t = 0; t < Math.max(1, Math.floor(total / 100)); t++) {
      const team = { id: id(1, units.length), parentId: division.id, name: `Team ${d}.${t}` };
      units.push(team);
      for (let o = 0; o < 3; o++) teams.push(add('unit', team.id, o === 2 ? [] : [own.id]));
    }
  }
  while (objectives.length < total) {
    const n = objectives.length;
    add('person', null, n % 10 === 0 ? [] : [teams[n % teams.length]?.id ?? '']);
  }
  return { objectives, units };
}

/**
 * Every fifth person supports one or two key results of the team objective it supports (the
 * team's rows grow with them), as links to key results make some nodes taller.
 */
function withKeyResultLinks(objectives: MapObjective[]): MapObjective[] {
  const byId = new Map(objectives.map((o) => [o.id, { ...o }]));
  const rowsOf = new Map<string, string[]>();
  let people = 0;
  for (const o of byId.values()) {
    const supported = o.supports[0];
    if (o.level !== 'person' || !supported || !byId.has(supported) || people++ % 5 !== 0) continue;
    const k = people % 4;
    const ids = k === 0 ? [`${supported}/kr0`, `${supported}/kr1`] : [`${supported}/kr${k}`];
    o.supportsKeyResultIds = ids;
    rowsOf.set(supported, [...new Set([...(rowsOf.get(supported) ?? []), ...ids])].sort());
  }
  for (const [id, rows] of rowsOf) {
    const o = byId.get(id) as MapObjective;
    o.keyResultsSupported = rows.map((kr) => ({ id: kr, title: `Key result ${kr}` }));
  }
  return [...byId.values()];
}

function expectSound(graph: ReturnType<typeof buildGraph>, layout: LayoutResult) {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const y = (nodeId: string) => layout.y[index.get(nodeId) ?? -1] as number;
  // A supporter sits below what it supports.
  for (const edge of graph.edges) expect(y(edge.from)).toBeGreaterThan(y(edge.to));
  // Each node as tall as its key-result rows make it, and all inside the picture.
  const boxes = graph.nodes.map((node, i) => {
    const box = { x: layout.x[i] as number, top: layout.y[i] as number, height: layout.heights[i] as number };
    expect(box.height).toBe(nodeHeight(node.keyResults.length));
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
    expect(box.top + box.height).toBeLessThanOrEqual(layout.height);
    return box;
  });
  // No two boxes overlap: compared with those that share some of their width (sorted by x).
  boxes.sort((a, b) => a.x - b.x);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i] as (typeof boxes)[number];
    for (let j = i + 1; j < boxes.length && (boxes[j]?.x ?? Infinity) < a.x + NODE_WIDTH; j++) {
      const b = boxes[j] as (typeof boxes)[number];
      if (b.top < a.top + a.height && a.top < b.top + b.height) overlaps++;
    }
  }
  expect(overlaps).toBe(0);
}

describe('the layered layout', () => {
  it('puts supporters below, overlaps nothing, and keeps a large map about the screen’s proportions', () => {
    const { objectives, units } = organisation(30_000);
    const graph = buildGraph(objectives, units, { folded: new Set() });
    const input = layoutInput(graph, units);
    const layout = layeredLayout(input);
    expectSound(graph, layout);
    expect(layout.width / layout.height).toBeGreaterThan(1);
    expect(layout.width / layout.height).toBeLessThan(2.5);
    // The same input, the same picture.
    expect(layeredLayout(input)).toEqual(layout);
  });

  it('makes room for the key-result rows of taller nodes', () => {
    const { objectives, units } = organisation(3_000);
    const graph = buildGraph(withKeyResultLinks(objectives), units, { folded: new Set() });
    expect(graph.nodes.filter((n) => n.keyResults.length === 2).length).toBeGreaterThan(0);
    expectSound(graph, layeredLayout(layoutInput(graph, units)));
  });

  it('ranks by level and unit depth: organisation, divisions, teams, people', () => {
    const { objectives, units } = organisation(600);
    const graph = buildGraph(objectives, units, { folded: new Set() });
    const { minRank } = layoutInput(graph, units);
    const rankOf = (title: string) => minRank[graph.nodes.findIndex((n) => n.title === title)];
    expect(rankOf('Objective 0')).toBe(0);
    expect(rankOf('Objective 2')).toBe(1); // a division's
    expect(rankOf('Objective 3')).toBe(2); // a team's
    expect(rankOf('Objective 599')).toBe(3); // a person's
  });
});

describe('the dagre layout (small maps)', () => {
  it('puts supporters below and overlaps nothing', () => {
    const { objectives, units } = organisation(120);
    const graph = buildGraph(objectives, units, { folded: new Set() });
    expectSound(graph, dagreLayout(layoutInput(graph, units)));
    const linked = buildGraph(withKeyResultLinks(objectives), units, { folded: new Set() });
    expect(linked.nodes.some((n) => n.keyResults.length > 0)).toBe(true);
    const layout = dagreLayout(layoutInput(linked, units));
    expectSound(linked, layout);
    // A rank's nodes share their top, the taller ones hanging lower: nodes side by side
    // (their heights overlapping) start at the same height.
    const tops = [...layout.y];
    const sideBySide = tops.flatMap((top, i) =>
      tops
        .filter(
          (other, j) =>
            j > i && other < top + (layout.heights[i] as number) && top < other + (layout.heights[j] as number),
        )
        .map((other) => other - top),
    );
    expect(sideBySide.length).toBeGreaterThan(0);
    expect(new Set(sideBySide)).toEqual(new Set([0]));
  });
});

describe('the map graph', () => {
  it('folds a unit’s objectives into one node whose links are not repeated', () => {
    const { objectives, units } = organisation(300);
    const team = units[1] as MapUnit;
    const graph = buildGraph(objectives, units, { folded: new Set([team.id]) });
    const folded = graph.nodes.find((n) => n.id === `unit:${team.id}`);
    expect(folded).toMatchObject({ objectiveId: null, count: 3, title: team.name });
    const links = graph.edges.map((e) => `${e.from}>${e.to}`);
    expect(new Set(links).size).toBe(links.length);
    // Two of its three objectives support the division's: one link from the folded node.
    expect(graph.edges.filter((e) => e.from === folded?.id)).toHaveLength(1);
    // And the people supporting any of them now support the folded node.
    const supporters = objectives.filter(
      (o) =>
        o.level === 'person' &&
        o.supports.some((s) => s.length && objectives.find((x) => x.id === s)?.unitId === team.id),
    );
    expect(graph.edges.filter((e) => e.to === folded?.id)).toHaveLength(supporters.length);
    const path = pathOf(graph, folded?.id ?? '');
    expect(path.down.size).toBe(supporters.length);
    expect(path.up.size).toBe(2); // the division's objective and the organisation's
  });
});
