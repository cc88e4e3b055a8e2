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
import dagre from '@dagrejs/dagre';
import {
  ASPECT,
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
} from './layout-input.ts';

/** The layout for a graph of this size. */
export function layout(input: LayoutInput): LayoutResult {
  return input.minRank.length <= DAGRE_MAX ? dagreLayout(input) : layeredLayout(input);
}

export function dagreLayout({ minRank, height, from, to }: LayoutInput): LayoutResult {
  const fast = minRank.length > FAST_DAGRE_ABOVE;
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
  return { x, y, heights: height, width: picture.width ?? 0, height: picture.height ?? 0 };
}

/** An element of a typed array at an index known to be in range (noUncheckedIndexedAccess). */
const at = (array: ArrayLike<number>, i: number): number => array[i] as number;

/** Compressed sparse rows: the neighbours of node i are list[start[i]] … list[start[i + 1] - 1]. */
function adjacency(n: number, keys: Int32Array, values: Int32Array): { start: Int32Array; list: Int32Array } {
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

export function layeredLayout({ minRank, group, height, from, to }: LayoutInput): LayoutResult {
  const n = minRank.length;
  const supports = adjacency(n, from, to);
  const supporters = adjacency(n, to, from);

  // Rank: at least the level's, and below everything the node supports. A node is taken
  // once all it supports is ranked (Kahn's order); a loop (the server allows none) would
  // keep its nodes at their level's rank.
  const rank = Int32Array.from(minRank);
  const waiting = new Int32Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    waiting[v] = at(supports.start, v + 1) - at(supports.start, v);
    if (waiting[v] === 0) queue.push(v);
  }
  for (let head = 0; head < queue.length; head++) {
    const v = at(queue, head);
    for (let e = at(supporters.start, v); e < at(supporters.start, v + 1); e++) {
      const w = at(supporters.list, e);
      rank[w] = Math.max(at(rank, w), at(rank, v) + 1);
      waiting[w] = at(waiting, w) - 1;
      if (waiting[w] === 0) queue.push(w);
    }
  }

  // The ranks in use, top to bottom, and as many columns as give the picture ASPECT.
  const byRank = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const members = byRank.get(at(rank, v));
    if (members) members.push(v);
    else byRank.set(at(rank, v), [v]);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b).map((r) => byRank.get(r) ?? []);
  const widest = Math.max(1, ...ranks.map((members) => members.length));
  const ideal = Math.round(Math.sqrt((ASPECT * n * (NODE_HEIGHT + ROW_GAP)) / (NODE_WIDTH + COLUMN_GAP)));
  const columns = Math.max(1, Math.min(widest, ideal));

  // Within a rank, nodes follow the places of what they support (their mean: one
  // barycentre sweep from the top); those that support nothing above come last, by unit.
  const place = new Float64Array(n).fill(-1);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let top = MARGIN;
  for (const members of ranks) {
    const key = members.map((v) => {
      let sum = 0;
      let count = 0;
      for (let e = at(supports.start, v); e < at(supports.start, v + 1); e++) {
        const p = at(place, at(supports.list, e));
        if (p >= 0) {
          sum += p;
          count++;
        }
      }
      return count ? sum / count : Infinity;
    });
    const order = members.map((_, i) => i);
    // Infinity − Infinity is NaN, which || passes on like 0.
    order.sort(
      (a, b) =>
        at(key, a) - at(key, b) ||
        at(group, at(members, a)) - at(group, at(members, b)) ||
        at(members, a) - at(members, b),
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
      x[v] = MARGIN + offset + (k % columns) * (NODE_WIDTH + COLUMN_GAP);
      y[v] = top + at(rowTop, row);
    });
    top += at(rowTop, rows) - ROW_GAP + RANK_GAP;
  }
  const width = columns * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP + 2 * MARGIN;
  return { x, y, heights: height, width, height: Math.max(top - RANK_GAP + MARGIN, 2 * MARGIN) };
}
