// The map's graph and layouts, as pure functions: links point up, nothing overlaps, a
// large map keeps about the screen's proportions, folding gathers links without repeats,
// and grouped by strategy theme each theme's objectives make a band.
import { describe, expect, it } from 'vitest';
import type { MapObjective, MapUnit } from '../../api/types.ts';
import { buildGraph, pathOf } from './map-graph.ts';
import { BAND_HEADER, MARGIN, NODE_WIDTH, layoutInput, nodeHeight, type LayoutResult } from './layout-input.ts';
import { dagreLayout, layeredLayout, layout } from './map-layout.ts';

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

/**
 * organisation(total) with strategy themes A, B, C: the first organisation objective serves
 * A and C, the second B; the first team of the first division leaves its loose objective
 * (the third, which supports nothing) serving C; the other loose ones serve none.
 */
function themed(total: number) {
  const { objectives, units } = organisation(total);
  const [first, second] = objectives;
  const themedTeam = objectives.find((o) => o.level === 'unit' && o.supports.length === 0) as MapObjective;
  const themeIndexes = new Map([
    [first?.id, [0, 2]],
    [second?.id, [1]],
    [themedTeam.id, [2]],
  ]);
  return {
    objectives: objectives.map((o) => (themeIndexes.has(o.id) ? { ...o, themeIndexes: themeIndexes.get(o.id) } : o)),
    units,
    themedTeam,
  };
}

/** The bands' order, and what each node's band is and where it lies, by id. */
function bandsOf(graph: ReturnType<typeof buildGraph>, layout: LayoutResult) {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const at = (nodeId: string) => index.get(nodeId) ?? -1;
  return {
    order: layout.bands.map((b) => b.theme),
    band: (nodeId: string) => layout.band[at(nodeId)],
    y: (nodeId: string) => layout.y[at(nodeId)],
    /** The band whose columns the node lies in. */
    within: (nodeId: string) =>
      layout.bands.find((b) => {
        const x = layout.x[at(nodeId)] as number;
        return x >= b.x && x + NODE_WIDTH <= b.x + b.width;
      })?.theme,
  };
}

describe('the map grouped by strategy theme', () => {
  for (const [name, total, lay] of [
    ['dagre (small maps)', 120, dagreLayout],
    ['the layered layout', 3_000, layeredLayout],
  ] as const) {
    it(`puts the themes’ bands in order, each objective once under its first theme: ${name}`, () => {
      const { objectives, units, themedTeam } = themed(total);
      const graph = buildGraph(objectives, units, { folded: new Set() });
      const input = layoutInput(graph, units, 3);
      expect(input.themeCount).toBe(3);
      const grouped = layout(input);
      expectSound(graph, grouped);
      const bands = bandsOf(graph, grouped);
      // A, B, C in the themes' order, then those that serve none.
      expect(bands.order).toEqual([0, 1, 2, -1]);
      const [first, second] = objectives as [MapObjective, MapObjective];
      // The objective serving A and C is under A only; its supporters follow it.
      expect(bands.band(first.id)).toBe(0);
      expect(bands.within(first.id)).toBe(0);
      expect(bands.band(second.id)).toBe(1);
      for (const o of objectives.filter((x) => x.supports[0] === first.id || x.supports[0] === second.id)) {
        expect(bands.within(o.id)).toBe(bands.band(o.supports[0] as string));
      }
      for (let i = 0; i < graph.nodes.length; i++) {
        const node = graph.nodes[i] as (typeof graph.nodes)[number];
        expect(bands.within(node.id), node.title).toBe(grouped.band[i]);
      }
      // The team objective that supports no organisation objective but serves C is in C's band,
      // below the organisation's objectives: as far below as its team's other objectives in the
      // layers (ranked by level), a rank below in dagre's picture (ranked by links, its theme as
      // its parent); the other loose ones are among those of no theme.
      expect(bands.within(themedTeam.id)).toBe(2);
      const aligned = objectives.find((o) => o.unitId === themedTeam.unitId && o.supports.length > 0) as MapObjective;
      const division = objectives.find((o) => o.id === aligned.supports[0]) as MapObjective;
      expect(bands.y(themedTeam.id)).toBe(bands.y(lay === dagreLayout ? division.id : aligned.id));
      const loose = objectives.filter((o) => o.level === 'unit' && o.supports.length === 0 && o.id !== themedTeam.id);
      expect(loose.length).toBeGreaterThan(0);
      for (const o of loose) expect(bands.within(o.id)).toBe(-1);
      // The organisation's objectives on one row, below the bands' headings.
      expect(bands.y(first.id)).toBe(bands.y(second.id));
      expect(bands.y(first.id)).toBe(MARGIN + BAND_HEADER);

      // Not grouped, the same graph is laid out as if no objective served a theme.
      const plain = buildGraph(
        objectives.map(({ themeIndexes: _, ...o }) => o),
        units,
        { folded: new Set() },
      );
      const ungrouped = lay(layoutInput(graph, units, 0));
      expect(ungrouped).toEqual(lay(layoutInput(plain, units)));
      expect(layout(layoutInput(graph, units))).toEqual(ungrouped);
      expect(ungrouped.bands).toEqual([]);
      expect([...new Set(ungrouped.band)]).toEqual([-1]);
      // Themes that nothing on the map serves group nothing either.
      expect(layout(layoutInput(plain, units, 3))).toEqual(ungrouped);
    });
  }

  it('follows the organisation objective an objective supports, its own theme only where it supports none', () => {
    const unit = id(1, 0);
    const units: MapUnit[] = [{ id: unit, parentId: null, name: 'Marknad' }];
    const o = (n: number, level: MapObjective['level'], supports: number[], themeIndexes?: number[]): MapObjective => ({
      id: id(2, n),
      title: `Objective ${n}`,
      level,
      unitId: level === 'unit' ? unit : null,
      personId: level === 'person' ? id(3, n) : null,
      ownerName: 'Nordljus',
      status: 'on_track',
      progress: 0.5,
      supports: supports.map((s) => id(2, s)),
      ...(themeIndexes ? { themeIndexes } : {}),
    });
    const objectives = [
      o(0, 'organization', []), // serves no theme
      o(1, 'organization', [], [1]),
      o(2, 'unit', [0], [0]), // serves A, but supports the organisation's objective of no theme: follows it
      o(3, 'unit', [], [0]), // serves A and supports nothing: under A
      o(4, 'person', [3]), // follows the team objective it supports
      o(5, 'person', [2, 1]), // supports objectives in two bands: the first band of them (B), once
      o(6, 'unit', []), // loose
    ];
    const graph = buildGraph(objectives, units, { folded: new Set() });
    const grouped = layout(layoutInput(graph, units, 2));
    expectSound(graph, grouped);
    expect(grouped.bands.map((b) => b.theme)).toEqual([0, 1, -1]);
    expect([...grouped.band]).toEqual([-1, 1, -1, 0, 0, 1, -1]);
    const bands = bandsOf(graph, grouped);
    expect(objectives.map((x) => bands.within(x.id))).toEqual([-1, 1, -1, 0, 0, 1, -1]);
    // The team objective under A sits on the teams' row, below the organisation's.
    expect(bands.y(id(2, 3))).toBe(bands.y(id(2, 2)));
    expect(bands.y(id(2, 3))).toBeGreaterThan(bands.y(id(2, 1)) as number);
  });
});
