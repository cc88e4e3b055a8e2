// The map graph's links to key results: a link through a key result ends at that key
// result's row in the supported objective's node (one link per key result supported), the
// node draws only the rows some link ends at, and a folded node takes its links whole.
import { describe, expect, it } from 'vitest';
import type { MapObjective } from '../../api/types.ts';
import { buildGraph, edgeId, pathOf, type MapFilters } from './map-graph.ts';

const MARKNAD = '00000000-0000-4000-8000-00000000000a';
const units = [{ id: MARKNAD, parentId: null, name: 'Marknad' }];

const objective = (id: string, overrides: Partial<MapObjective> = {}): MapObjective => ({
  id,
  title: `Objective ${id}`,
  level: 'person',
  unitId: null,
  personId: null,
  ownerName: 'Sara',
  status: 'on_track',
  progress: 0.5,
  supports: [],
  ...overrides,
});

/**
 * The organisation's objective; the marketing team's supports it, with two key results
 * people support: Sara supports "300 deltagare", Olle both, Lisa the objective only.
 */
function marketing(): MapObjective[] {
  return [
    objective('org', { level: 'organization', ownerName: 'Nordljus' }),
    objective('team', {
      level: 'unit',
      unitId: MARKNAD,
      ownerName: 'Marknad',
      supports: ['org'],
      keyResultsSupported: [
        { id: 'events', title: '300 deltagare på interna event' },
        { id: 'cases', title: 'Tio kundcase publicerade' },
      ],
    }),
    objective('sara', { supports: ['team'], supportsKeyResultIds: ['events'] }),
    objective('olle', { supports: ['team'], supportsKeyResultIds: ['cases', 'events'], status: 'at_risk' }),
    objective('lisa', { supports: ['team'] }),
  ];
}

const all: MapFilters = { folded: new Set() };
const linksOf = (graph: ReturnType<typeof buildGraph>) =>
  graph.edges.map((e) => `${e.from}>${e.to}${e.keyResultId ? `#${e.keyResultId}` : ''}`).sort();

describe('links to key results in the map graph', () => {
  it('ends a link through a key result at its row, one link per key result, and draws the rows linked', () => {
    const graph = buildGraph(marketing(), units, all);
    expect(linksOf(graph)).toEqual([
      'lisa>team',
      'olle>team#cases',
      'olle>team#events',
      'sara>team#events',
      'team>org',
    ]);
    // The rows in the key results' own order, whatever order the links were made in.
    expect(graph.nodes.find((n) => n.id === 'team')?.keyResults.map((kr) => kr.id)).toEqual(['events', 'cases']);
    expect(graph.nodes.filter((n) => n.keyResults.length > 0).map((n) => n.id)).toEqual(['team']);
    expect(graph.edges.every((e) => !e.crossTeam)).toBe(true);
    // Every link has its own id, and the path runs through the rows as through the node.
    expect(new Set(graph.edges.map(edgeId)).size).toBe(graph.edges.length);
    expect(pathOf(graph, 'sara')).toEqual({ up: new Set(['team', 'org']), down: new Set() });
    expect(pathOf(graph, 'team').down).toEqual(new Set(['sara', 'olle', 'lisa']));
  });

  it('draws only the rows a link of the filtered graph ends at', () => {
    const graph = buildGraph(marketing(), units, { ...all, status: 'on_track' });
    // Olle's objective is at risk: filtered out, and the row only he supports goes with it.
    expect(linksOf(graph)).toEqual(['lisa>team', 'sara>team#events', 'team>org']);
    expect(graph.nodes.find((n) => n.id === 'team')?.keyResults).toEqual([
      { id: 'events', title: '300 deltagare på interna event' },
    ]);
  });

  it('links to the node when the key result is not on the map, or its objective is folded', () => {
    const objectives = marketing().map((o) =>
      o.id === 'lisa' ? { ...o, supportsKeyResultIds: ['a-key-result-not-on-the-map'] } : o,
    );
    expect(linksOf(buildGraph(objectives, units, all))).toContain('lisa>team');

    const folded = buildGraph(objectives, units, { folded: new Set([MARKNAD]) });
    const unit = `unit:${MARKNAD}`;
    // One link per supporter, to the folded node, without rows.
    expect(linksOf(folded)).toEqual([`lisa>${unit}`, `olle>${unit}`, `sara>${unit}`, `${unit}>org`]);
    expect(folded.nodes.every((n) => n.keyResults.length === 0)).toBe(true);
  });

  it('gathers a folded unit’s links to the same key result into one, ending at its row', () => {
    const objectives: MapObjective[] = [
      objective('org', {
        level: 'organization',
        keyResultsSupported: [{ id: 'nps', title: 'NPS från 30 till 45' }],
      }),
      ...['t1', 't2'].map((id) =>
        objective(id, { level: 'unit', unitId: MARKNAD, supports: ['org'], supportsKeyResultIds: ['nps'] }),
      ),
    ];
    const graph = buildGraph(objectives, units, { folded: new Set([MARKNAD]) });
    expect(graph.edges).toEqual([{ from: `unit:${MARKNAD}`, to: 'org', crossTeam: false, keyResultId: 'nps' }]);
    expect(graph.nodes.find((n) => n.id === 'org')?.keyResults).toHaveLength(1);
  });
});

describe('strategy themes in the map graph', () => {
  it('carries the themes each objective serves to its node, and none to a folded unit', () => {
    const objectives = marketing().map((o) =>
      o.id === 'org' ? { ...o, themeIndexes: [0, 2] } : o.id === 'team' ? { ...o, themeIndexes: [1] } : o,
    );
    const themesOf = (graph: ReturnType<typeof buildGraph>) =>
      Object.fromEntries(graph.nodes.map((n) => [n.id, n.themes]));
    expect(themesOf(buildGraph(objectives, units, all))).toEqual({
      org: [0, 2],
      team: [1],
      sara: [],
      olle: [],
      lisa: [],
    });
    expect(themesOf(buildGraph(objectives, units, { folded: new Set([MARKNAD]) }))[`unit:${MARKNAD}`]).toEqual([]);
  });
});
