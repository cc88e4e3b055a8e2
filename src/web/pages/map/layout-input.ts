// What the map's layout works on and gives back, the sizes it lays out, and the graph turned
// into its input. Light on purpose: the page and the canvas import this; dagre and the
// layouts themselves (map-layout.ts) load with the Web Worker only.
import type { MapGraph } from './map-graph.ts';
import type { MapUnit } from '../../api/types.ts';

export const NODE_WIDTH = 240;
/** A node's height without key-result rows (map.css draws its box to these sizes). */
export const NODE_HEIGHT = 104;
/** The heading of a node's key-result rows, and each row beneath it (up to two lines of title). */
export const KEY_RESULTS_HEADING = 22;
export const KEY_RESULT_ROW = 36;

/** The height of a node with this many key-result rows (as map.css draws them). */
export const nodeHeight = (rows: number): number =>
  rows === 0 ? NODE_HEIGHT : NODE_HEIGHT + KEY_RESULTS_HEADING + rows * KEY_RESULT_ROW;
/** Gaps between nodes side by side, between the rows of one rank, and between ranks. */
export const COLUMN_GAP = 24;
export const ROW_GAP = 24;
export const RANK_GAP = 72;
export const MARGIN = 16;
/**
 * Grouped by strategy theme, each theme's objectives make a band of their own: bands stand
 * this far apart, under a heading this tall (the label, drawn by the canvases).
 */
export const BAND_GAP = 48;
export const BAND_HEADER = 40;
/** Width to height of the layered layout's picture, about a wide screen's. */
export const ASPECT = 1.6;

/** The largest graph dagre lays out; above it, map-layout.ts's layeredLayout. */
export const DAGRE_MAX = 600;
/**
 * Above this many nodes dagre trades some tidiness for speed: ranks by longest path and no
 * crossing-reduction sweeps (bench:map: at 600 nodes about 0.2 s instead of 0.5 s).
 */
export const FAST_DAGRE_ABOVE = 300;

export interface LayoutInput {
  /** The lowest rank each node may take: organisation 0, a unit's 1 + the unit's depth, people below all units. */
  minRank: Int32Array;
  /** A group per node (its unit's index, or -1), so a rank's unaligned nodes stay together. */
  group: Int32Array;
  /** Each node's height: taller with the key results links end at (nodeHeight). */
  height: Float64Array;
  /** Links, as node indexes: `from[i]` supports `to[i]`. */
  from: Int32Array;
  to: Int32Array;
  /** The first strategy theme each node serves (an index into the map's themes), or -1. */
  theme: Int32Array;
  /**
   * How many themes the organisation has when the map is grouped by theme (map-layout.ts's
   * themeBands); 0: not grouped, the layout ignores `theme`.
   */
  themeCount: number;
}

/** A theme's band of a grouped layout: its objectives lie between x and x + width. */
export interface ThemeBand {
  /** The theme's index in the map's themes; -1 for the objectives that serve none. */
  theme: number;
  x: number;
  width: number;
}

export interface LayoutResult {
  /** Top-left corner of each node, by index. */
  x: Float64Array;
  y: Float64Array;
  /** Each node's height, as the input gave it (the width is NODE_WIDTH for all). */
  heights: Float64Array;
  /** The whole picture's size. */
  width: number;
  height: number;
  /** The theme whose band each node lies in (an index into the map's themes), or -1: none, or not grouped. */
  band: Int32Array;
  /** The bands left to right, their headings at the picture's top (BAND_HEADER); none when not grouped. */
  bands: ThemeBand[];
}

/**
 * The graph as the layout needs it: ranks and groups from the levels and the unit tree, and
 * each node's first theme, grouped by theme when `themeCount` (the organisation's themes) is
 * more than 0.
 */
export function layoutInput(graph: MapGraph, units: readonly MapUnit[], themeCount = 0): LayoutInput {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const depthOf = new Map<string, number>();
  const depth = (id: string): number => {
    const known = depthOf.get(id);
    if (known !== undefined) return known;
    // Iterative, and safe against a loop in a bad answer.
    const chain: string[] = [];
    let current: string | null | undefined = id;
    let base = -1;
    while (current && parentOf.has(current) && !chain.includes(current)) {
      const cached = depthOf.get(current);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      chain.push(current);
      current = parentOf.get(current);
    }
    for (let i = chain.length - 1; i >= 0; i--) depthOf.set(chain[i] as string, ++base);
    return depthOf.get(id) ?? 0;
  };
  let deepest = 0;
  for (const unit of units) deepest = Math.max(deepest, depth(unit.id));
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const n = graph.nodes.length;
  const minRank = new Int32Array(n);
  const group = new Int32Array(n);
  const height = new Float64Array(n);
  const theme = new Int32Array(n);
  graph.nodes.forEach((node, i) => {
    theme[i] = node.themes[0] ?? -1;
    minRank[i] = node.level === 'organization' ? 0 : node.level === 'unit' ? 1 + depth(node.unitId ?? '') : deepest + 2;
    group[i] = node.unitId ? (unitIndex.get(node.unitId) ?? -1) : -1;
    height[i] = nodeHeight(node.keyResults.length);
  });
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  graph.edges.forEach((edge, i) => {
    from[i] = index.get(edge.from) ?? 0;
    to[i] = index.get(edge.to) ?? 0;
  });
  // With no node serving a theme there is nothing to group: one band of them all would only move the map.
  return { minRank, group, height, from, to, theme, themeCount: theme.some((t) => t >= 0) ? themeCount : 0 };
}
