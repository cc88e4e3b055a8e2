// Top-down layout of the alignment graph: an objective sits beneath the objectives it
// supports. Pure (no DOM, no React): the page runs it in a Web Worker (layout.worker.ts),
// the benchmark times it in Node. Nodes are addressed by their index in the graph, so the
// worker gets and gives typed arrays only (layout-input.ts).
//
// Up to DAGRE_MAX nodes dagre draws it (tidy: few crossings, parents centred over their
// supporters). dagre grows much faster than linearly (bench:map: about 1.6 s for 2,000
// nodes even in its fast mode), so a larger graph gets a layered layout, linear but for
// one sort: ranks by level and by the longest path of "supports" links, each rank ordered
// under what its nodes support and wrapped into rows, so that 30,000 objectives make a
// picture of about the screen's proportions.
//
// Grouped by strategy theme (docs/alignment-map.md), each theme's objectives make a band of
// their own, side by side in the themes' order, then those that serve none: each band is
// laid out as above on its own and the bands' ranks lined up, so the organisation's
// objectives stay one row across all bands.
import dagre from '@dagrejs/dagre';
import {
  ASPECT,
  BAND_GAP,
  BAND_HEADER,
  COLUMN_GAP,
  DAGRE_MAX,
  FAST_DAGRE_ABOVE,
  MARGIN,
  NODE_HEIGHT,
  NODE_WIDTH,
  RANK_GAP,
  ROW_GAP,
  type LayoutInput,
  type LayoutResult,
  type ThemeBand,
} from './layout-input.ts';

/** The layout for a graph of this size, in bands by theme when the input asks for them. */
export function layout(input: LayoutInput): LayoutResult {
  if (input.themeCount > 0 && input.minRank.length > 0) return bandedLayout(input);
  return input.minRank.length <= DAGRE_MAX ? dagreLayout(input) : layeredLayout(input);
}

/** The result's fields for a layout that is not grouped by theme. */
const noBands = (n: number) => ({ band: new Int32Array(n).fill(-1), bands: [] as ThemeBand[] });

/** `fast`: by default for a graph of more than FAST_DAGRE_ABOVE nodes (a band: the whole map's size decides). */
export function dagreLayout(
  { minRank, height, from, to }: LayoutInput,
  fast = minRank.length > FAST_DAGRE_ABOVE,
): LayoutResult {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({
    rankdir: 'TB',
    nodesep: COLUMN_GAP,
    ranksep: RANK_GAP,
    marginx: MARGIN,
    marginy: MARGIN,
    ranker: fast ? 'longest-path' : 'network-simplex',
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (let i = 0; i < minRank.length; i++) g.setNode(String(i), { width: NODE_WIDTH, height: at(height, i) });
  // The supported objective is the edge's tail, so it ranks above its supporters.
  for (let i = 0; i < from.length; i++) g.setEdge(String(to[i]), String(from[i]));
  dagre.layout(g, { disableOptimalOrderHeuristic: fast });
  const x = new Float64Array(minRank.length);
  const y = new Float64Array(minRank.length);
  // dagre centres a rank's nodes on one line; a node with key-result rows would stick out above
  // its neighbours. Their tops are aligned instead (the rank's tallest node is where it was),
  // so the rows hang below like the rest of the node.
  const tallest = new Map<number, number>();
  for (let i = 0; i < minRank.length; i++) {
    const centre = g.node(String(i)).y;
    tallest.set(centre, Math.max(tallest.get(centre) ?? 0, at(height, i)));
  }
  for (let i = 0; i < minRank.length; i++) {
    const node = g.node(String(i));
    x[i] = node.x - NODE_WIDTH / 2;
    y[i] = node.y - (tallest.get(node.y) ?? at(height, i)) / 2;
  }
  const picture = g.graph();
  return { x, y, heights: height, width: picture.width ?? 0, height: picture.height ?? 0, ...noBands(minRank.length) };
}

/** An element of a typed array at an index known to be in range (noUncheckedIndexedAccess). */
const at = (array: ArrayLike<number>, i: number): number => array[i] as number;

/** Compressed sparse rows: the neighbours of node i are list[start[i]] … list[start[i + 1] - 1]. */
interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

function adjacency(n: number, keys: Int32Array, values: Int32Array): Adjacency {
  const start = new Int32Array(n + 1);
  for (const k of keys) start[k + 1] = at(start, k + 1) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = at(start, i + 1) + at(start, i);
  const next = start.slice(0, n);
  const list = new Int32Array(keys.length);
  keys.forEach((k, e) => {
    list[at(next, k)] = at(values, e);
    next[k] = at(next, k) + 1;
  });
  return { start, list };
}

/**
 * Ranks: at least the level's (minRank), and below everything the node supports. A node is
 * taken once all it supports is ranked (Kahn's order, which `order` keeps: what a node
 * supports comes before it); a loop (the server allows none) would keep its nodes at their
 * level's rank and out of `order`.
 */
function rankNodes(minRank: Int32Array, supports: Adjacency, supporters: Adjacency) {
  const n = minRank.length;
  const rank = Int32Array.from(minRank);
  const waiting = new Int32Array(n);
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    waiting[v] = at(supports.start, v + 1) - at(supports.start, v);
    if (waiting[v] === 0) order.push(v);
  }
  for (let head = 0; head < order.length; head++) {
    const v = at(order, head);
    for (let e = at(supporters.start, v); e < at(supporters.start, v + 1); e++) {
      const w = at(supporters.list, e);
      rank[w] = Math.max(at(rank, w), at(rank, v) + 1);
      waiting[w] = at(waiting, w) - 1;
      if (waiting[w] === 0) order.push(w);
    }
  }
  return { rank, order };
}

/**
 * The band of each node when grouped by theme: a theme's index, or `themeCount` for the band
 * of those that serve none. An organisation objective goes under its first theme (without
 * one, it follows what it supports, if anything); an objective that leads up to an
 * organisation objective follows it (the first band among those it supports); one that
 * leads up to none follows what it supports if that is in a theme's band, else goes under
 * its own first theme: a team objective that serves a theme but supports no organisation
 * objective sits in its theme's band, not among the loose ones.
 */
function themeBands(input: LayoutInput, supports: Adjacency, order: readonly number[]): Int32Array {
  const { minRank, theme, themeCount } = input;
  const none = themeCount;
  const n = minRank.length;
  const own = (v: number) => {
    const t = at(theme, v);
    return t >= 0 && t < themeCount ? t : none;
  };
  const band = new Int32Array(n);
  const reachesTop = new Uint8Array(n);
  const placed = new Uint8Array(n);
  for (const v of order) {
    let up = none;
    let upFromTop = none;
    for (let e = at(supports.start, v); e < at(supports.start, v + 1); e++) {
      const w = at(supports.list, e);
      up = Math.min(up, at(band, w));
      if (reachesTop[w]) {
        reachesTop[v] = 1;
        upFromTop = Math.min(upFromTop, at(band, w));
      }
    }
    if (at(minRank, v) === 0) {
      reachesTop[v] = 1;
      band[v] = own(v) < none ? own(v) : up;
    } else band[v] = reachesTop[v] ? upFromTop : up < none ? up : own(v);
    placed[v] = 1;
  }
  for (let v = 0; v < n; v++) if (!placed[v]) band[v] = own(v);
  return band;
}

export function layeredLayout(input: LayoutInput): LayoutResult {
  const n = input.minRank.length;
  const supports = adjacency(n, input.from, input.to);
  const { rank } = rankNodes(input.minRank, supports, adjacency(n, input.to, input.from));
  return stackedLayers(input, supports, rank, null);
}

/**
 * Grouped by theme: each band laid out on its own (dagre for a small map, layers for a
 * large one), side by side in the themes' order under their headings, ranks lined up.
 */
function bandedLayout(input: LayoutInput): LayoutResult {
  const n = input.minRank.length;
  const supports = adjacency(n, input.from, input.to);
  const { rank, order } = rankNodes(input.minRank, supports, adjacency(n, input.to, input.from));
  const band = themeBands(input, supports, order);
  return n <= DAGRE_MAX ? dagreBands(input, rank, band) : stackedLayers(input, supports, rank, band);
}

/** The bands in use, left to right (the band of no theme, `themeCount`, last), and each one's members. */
function bandMembers(band: Int32Array): [number, number[]][] {
  const members = new Map<number, number[]>();
  band.forEach((b, v) => {
    const list = members.get(b);
    if (list) list.push(v);
    else members.set(b, [v]);
  });
  return [...members.entries()].sort((a, b) => a[0] - b[0]);
}

/** The result's band of each node: the theme it stands for, -1 for none. */
const themeOfBands = (input: LayoutInput, band: Int32Array) =>
  Int32Array.from(band, (b) => (b < input.themeCount ? b : -1));

/** A band's entry in the result: the theme it stands for, -1 for none. */
const bandOf = (input: LayoutInput, b: number, x: number, width: number): ThemeBand => ({
  theme: b < input.themeCount ? b : -1,
  x,
  width,
});

/**
 * The connected pieces of each band (by the links within it): for each node, the first node
 * of its piece. Union-find, linear but for its near-constant factor.
 */
function bandPieces(input: LayoutInput, band: Int32Array): Int32Array {
  const parent = Int32Array.from({ length: band.length }, (_, v) => v);
  const find = (v: number): number => {
    let root = v;
    while (at(parent, root) !== root) root = at(parent, root);
    while (at(parent, v) !== root) {
      const next = at(parent, v);
      parent[v] = root;
      v = next;
    }
    return root;
  };
  input.from.forEach((f, e) => {
    const t = at(input.to, e);
    if (at(band, f) !== at(band, t)) return;
    const [a, b] = [find(f), find(t)];
    // The smaller index stays the root: a piece is known by its first node.
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  return Int32Array.from(parent, (_, v) => find(v));
}

/** One piece of a band laid out by dagre (a lone objective needs no dagre), its own ranks from 0. */
function pieceLayout(input: LayoutInput, members: number[], fast: boolean) {
  if (members.length === 1) {
    return { x: [MARGIN], rankOf: [0], ranks: 1, width: NODE_WIDTH + 2 * MARGIN };
  }
  const local = new Map(members.map((v, i) => [v, i]));
  const from: number[] = [];
  const to: number[] = [];
  input.from.forEach((f, e) => {
    const a = local.get(f);
    const b = local.get(at(input.to, e));
    if (a !== undefined && b !== undefined) {
      from.push(a);
      to.push(b);
    }
  });
  const sub = dagreLayout(
    {
      minRank: Int32Array.from(members, (v) => at(input.minRank, v)),
      group: Int32Array.from(members, (v) => at(input.group, v)),
      height: Float64Array.from(members, (v) => at(input.height, v)),
      from: Int32Array.from(from),
      to: Int32Array.from(to),
      theme: new Int32Array(members.length).fill(-1),
      themeCount: 0,
    },
    fast,
  );
  // dagre aligns a rank's tops (dagreLayout): its ranks are the distinct tops.
  const tops = [...new Set(sub.y)].sort((p, q) => p - q);
  const rankOfTop = new Map(tops.map((top, r) => [top, r]));
  return {
    x: [...sub.x],
    rankOf: [...sub.y].map((top) => rankOfTop.get(top) ?? 0),
    ranks: tops.length,
    width: sub.width,
  };
}

/**
 * Small maps by theme: dagre lays out each connected piece of a band (tidier than layers, and
 * small graphs cost dagre less than one large one), side by side in the band: those that
 * start at the organisation's objectives first. A piece that starts below them (a team
 * objective serving a theme, with what supports it) starts a rank lower, so the ranks of all
 * pieces and bands line up.
 */
function dagreBands(input: LayoutInput, rank: Int32Array, band: Int32Array): LayoutResult {
  const n = input.minRank.length;
  const fast = n > FAST_DAGRE_ABOVE;
  const x = new Float64Array(n);
  /** Each node's rank in its piece's layout and its piece; where each piece's ranks go in the picture. */
  const pieceRank = new Int32Array(n);
  const pieceOf = new Int32Array(n);
  const rowOf: Int32Array[] = [];
  const firstOf = bandPieces(input, band);
  const bands: ThemeBand[] = [];
  let left = MARGIN;
  for (const [b, members] of bandMembers(band)) {
    const byFirst = new Map<number, number[]>();
    for (const v of members) {
      const list = byFirst.get(at(firstOf, v));
      if (list) list.push(v);
      else byFirst.set(at(firstOf, v), [v]);
    }
    const pieces = [...byFirst.values()].map((piece) => {
      const laid = pieceLayout(input, piece, fast);
      let offset = Infinity;
      piece.forEach((v, i) => (offset = Math.min(offset, at(rank, v) - (laid.rankOf[i] ?? 0))));
      // dagre ranks by links, not by level: what supports an organisation objective is one rank
      // below it whatever its unit's depth. So is a piece that starts below them: its theme is
      // as good as its parent.
      return { piece, laid, offset: Math.min(1, Math.max(0, offset)) };
    });
    pieces.sort((p, q) => p.offset - q.offset || (p.piece[0] ?? 0) - (q.piece[0] ?? 0));
    const bandLeft = left;
    for (const { piece, laid, offset } of pieces) {
      piece.forEach((v, i) => {
        x[v] = left + (laid.x[i] ?? 0) - MARGIN;
        pieceRank[v] = laid.rankOf[i] ?? 0;
        pieceOf[v] = rowOf.length;
      });
      rowOf.push(Int32Array.from({ length: laid.ranks }, (_, r) => r + offset));
      left += laid.width - 2 * MARGIN + COLUMN_GAP;
    }
    bands.push(bandOf(input, b, bandLeft, left - COLUMN_GAP - bandLeft));
    left += BAND_GAP - COLUMN_GAP;
  }
  // A link between bands (an objective supporting objectives of two bands) may end on its
  // supporter's row or below it: the supporter's piece moves down from that rank on, until
  // every link points up (a few passes; bounded, should pieces keep pushing each other).
  const rows = (v: number) => rowOf[at(pieceOf, v)] as Int32Array;
  for (let pass = 0; pass < 4 * bands.length; pass++) {
    let moved = false;
    input.from.forEach((f, e) => {
      const t = at(input.to, e);
      const gap = at(rows(t), at(pieceRank, t)) + 1 - at(rows(f), at(pieceRank, f));
      if (gap <= 0) return;
      const shifted = rows(f);
      for (let r = at(pieceRank, f); r < shifted.length; r++) shifted[r] = at(shifted, r) + gap;
      moved = true;
    });
    if (!moved) break;
  }
  const key = Int32Array.from(pieceRank, (r, v) => at(rows(v), r));
  // Each rank as tall as its tallest node in any band, the nodes' tops aligned.
  const tallest = new Map<number, number>();
  key.forEach((k, v) => tallest.set(k, Math.max(tallest.get(k) ?? 0, at(input.height, v))));
  const topOf = new Map<number, number>();
  let top = MARGIN + BAND_HEADER;
  for (const k of [...tallest.keys()].sort((p, q) => p - q)) {
    topOf.set(k, top);
    top += (tallest.get(k) ?? 0) + RANK_GAP;
  }
  const y = Float64Array.from(key, (k) => topOf.get(k) ?? 0);
  return {
    x,
    y,
    heights: input.height,
    width: left - BAND_GAP + MARGIN,
    height: top - RANK_GAP + MARGIN,
    band: themeOfBands(input, band),
    bands,
  };
}

/**
 * The layered layout: each rank's nodes ordered under what they support and wrapped into
 * rows. Grouped by theme (`band`), each band gets its share of the columns (as many as keep
 * the bands about as tall as each other) and a rank is as tall as it is in its tallest band.
 */
function stackedLayers(
  input: LayoutInput,
  supports: Adjacency,
  rank: Int32Array,
  band: Int32Array | null,
): LayoutResult {
  const { minRank, group, height } = input;
  const n = minRank.length;
  const ideal = Math.round(Math.sqrt((ASPECT * n * (NODE_HEIGHT + ROW_GAP)) / (NODE_WIDTH + COLUMN_GAP)));
  // Each band's members by rank, and as many columns as give the picture ASPECT.
  const layers = (band ? bandMembers(band) : [[0, Array.from({ length: n }, (_, v) => v)] as [number, number[]]]).map(
    ([b, members]) => {
      const byRank = new Map<number, number[]>();
      for (const v of members) {
        const list = byRank.get(at(rank, v));
        if (list) list.push(v);
        else byRank.set(at(rank, v), [v]);
      }
      const widest = Math.max(1, ...[...byRank.values()].map((list) => list.length));
      const share = band ? Math.round((ideal * members.length) / n) : ideal;
      return { b, byRank, columns: Math.max(1, Math.min(widest, share)), left: 0 };
    },
  );
  let left = MARGIN;
  for (const layer of layers) {
    layer.left = left;
    left += layer.columns * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP + BAND_GAP;
  }
  const ranks = [...new Set(layers.flatMap((layer) => [...layer.byRank.keys()]))].sort((a, b) => a - b);

  // Within a rank, nodes follow the places of what they support (their mean: one
  // barycentre sweep from the top; in their own band); those that support nothing above
  // come last, by unit.
  const place = new Float64Array(n).fill(-1);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let top = MARGIN + (band ? BAND_HEADER : 0);
  for (const r of ranks) {
    let extent = 0;
    for (const { b, byRank, columns, left: bandLeft } of layers) {
      const members = byRank.get(r);
      if (!members) continue;
      const key = members.map((v) => {
        let sum = 0;
        let count = 0;
        for (let e = at(supports.start, v); e < at(supports.start, v + 1); e++) {
          const w = at(supports.list, e);
          const p = at(place, w);
          if (p >= 0 && (!band || at(band, w) === b)) {
            sum += p;
            count++;
          }
        }
        return count ? sum / count : Infinity;
      });
      const order = members.map((_, i) => i);
      // Infinity − Infinity is NaN, which || passes on like 0.
      order.sort(
        (a, c) =>
          at(key, a) - at(key, c) ||
          at(group, at(members, a)) - at(group, at(members, c)) ||
          at(members, a) - at(members, c),
      );
      const rows = Math.ceil(members.length / columns);
      // A row is as tall as its tallest node (one with key-result rows); most are NODE_HEIGHT.
      const rowTop = new Float64Array(rows + 1);
      order.forEach((i, k) => {
        const row = Math.floor(k / columns);
        rowTop[row + 1] = Math.max(at(rowTop, row + 1), at(height, at(members, i)) + ROW_GAP);
      });
      for (let row = 0; row < rows; row++) rowTop[row + 1] = at(rowTop, row + 1) + at(rowTop, row);
      order.forEach((i, k) => {
        const v = at(members, i);
        place[v] = members.length > 1 ? k / (members.length - 1) : 0.5;
        const row = Math.floor(k / columns);
        const inRow = row === rows - 1 ? members.length - row * columns : columns;
        // Each row centred under the widest.
        const offset = ((columns - inRow) * (NODE_WIDTH + COLUMN_GAP)) / 2;
        x[v] = bandLeft + offset + (k % columns) * (NODE_WIDTH + COLUMN_GAP);
        y[v] = top + at(rowTop, row);
      });
      extent = Math.max(extent, at(rowTop, rows));
    }
    top += extent - ROW_GAP + RANK_GAP;
  }
  const width = left - BAND_GAP + MARGIN;
  const picture = { x, y, heights: height, width, height: Math.max(top - RANK_GAP + MARGIN, 2 * MARGIN) };
  if (!band) return { ...picture, ...noBands(n) };
  return {
    ...picture,
    band: themeOfBands(input, band),
    bands: layers.map((layer) =>
      bandOf(input, layer.b, layer.left, layer.columns * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP),
    ),
  };
}
