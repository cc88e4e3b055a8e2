// Top-down layout of the alignment graph with dagre: an objective sits beneath the
// objectives it supports. Pure (no DOM), so the benchmark times it in Node.
import dagre from '@dagrejs/dagre';
import type { MapGraph } from './map-graph.ts';

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 104;

/**
 * Above this many nodes the layout trades some tidiness for speed: ranks by longest path
 * and no crossing-reduction sweeps (measured by `npm run bench:map`: at 2,000 objectives
 * about 0.75 s instead of 3 s in Node).
 */
export const FAST_LAYOUT_ABOVE = 600;

/** Top-left corner of each node, by id. */
export function layoutGraph(graph: MapGraph): Map<string, { x: number; y: number }> {
  const fast = graph.nodes.length > FAST_LAYOUT_ABOVE;
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({
    rankdir: 'TB',
    nodesep: 24,
    ranksep: 72,
    marginx: 16,
    marginy: 16,
    ranker: fast ? 'longest-path' : 'network-simplex',
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // The supported objective is the edge's tail, so it ranks above its supporters.
  for (const edge of graph.edges) g.setEdge(edge.to, edge.from);
  dagre.layout(g, { disableOptimalOrderHeuristic: fast });
  const positions = new Map<string, { x: number; y: number }>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    positions.set(id, { x: n.x - NODE_WIDTH / 2, y: n.y - NODE_HEIGHT / 2 });
  }
  return positions;
}
