import { describe, expect, it } from 'vitest';
import { type SupportsGraph, wouldCreateLoop } from './alignment-graph.ts';

/** Builds a graph from "a>b" edges: a supports b. */
function graphOf(...edges: string[]): SupportsGraph {
  const graph = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = edge.split('>') as [string, string];
    graph.set(from, [...(graph.get(from) ?? []), to]);
  }
  return graph;
}

describe('wouldCreateLoop', () => {
  const diamond = graphOf('a>b', 'a>c', 'b>d', 'c>d'); // a supports b and c, both support d

  const rows: { case: string; graph: SupportsGraph; from: string; to: string; loop: boolean }[] = [
    // self links
    { case: 'self link in an empty graph', graph: graphOf(), from: 'a', to: 'a', loop: true },
    { case: 'self link on a node with edges', graph: graphOf('a>b'), from: 'a', to: 'a', loop: true },

    // direct back-edge
    { case: 'direct back-edge b -> a over a -> b', graph: graphOf('a>b'), from: 'b', to: 'a', loop: true },
    { case: 'the same edge again is no loop', graph: graphOf('a>b'), from: 'a', to: 'b', loop: false },

    // indirect loops over 3+ nodes
    { case: 'loop over 3 nodes', graph: graphOf('a>b', 'b>c'), from: 'c', to: 'a', loop: true },
    { case: 'loop over 4 nodes', graph: graphOf('a>b', 'b>c', 'c>d'), from: 'd', to: 'a', loop: true },
    { case: 'loop closing halfway up a chain', graph: graphOf('a>b', 'b>c', 'c>d'), from: 'c', to: 'b', loop: true },
    {
      case: 'loop through the second of several supported objectives',
      graph: graphOf('a>x', 'a>b', 'b>y', 'b>c'),
      from: 'c',
      to: 'a',
      loop: true,
    },
    { case: 'shortcut down a chain is no loop', graph: graphOf('a>b', 'b>c', 'c>d'), from: 'a', to: 'd', loop: false },

    // diamonds: several paths, no loop
    { case: 'diamond: top to bottom shortcut', graph: diamond, from: 'a', to: 'd', loop: false },
    { case: 'diamond: sideways between the middle nodes', graph: diamond, from: 'b', to: 'c', loop: false },
    { case: 'diamond: sideways the other way', graph: diamond, from: 'c', to: 'b', loop: false },
    { case: 'diamond: new node above the top', graph: diamond, from: 'e', to: 'a', loop: false },
    { case: 'diamond: bottom supports a new node', graph: diamond, from: 'd', to: 'e', loop: false },
    { case: 'diamond: bottom back to top is a loop', graph: diamond, from: 'd', to: 'a', loop: true },
    { case: 'diamond: bottom back to a middle node is a loop', graph: diamond, from: 'd', to: 'b', loop: true },
    { case: 'diamond: middle back to top is a loop', graph: diamond, from: 'c', to: 'a', loop: true },

    // unrelated nodes
    { case: 'two unknown nodes', graph: graphOf(), from: 'x', to: 'y', loop: false },
    { case: 'unknown nodes beside an existing graph', graph: graphOf('a>b', 'b>c'), from: 'x', to: 'y', loop: false },
    { case: 'link into a separate component', graph: graphOf('a>b', 'x>y'), from: 'b', to: 'x', loop: false },
    { case: 'joining two components the other way', graph: graphOf('a>b', 'x>y'), from: 'y', to: 'a', loop: false },
    { case: 'node with an empty edge list', graph: new Map([['a', []]]), from: 'b', to: 'a', loop: false },
  ];

  it.each(rows)('$case: $from -> $to gives loop = $loop', ({ graph, from, to, loop }) => {
    expect(wouldCreateLoop(graph, from, to)).toBe(loop);
  });

  describe('large graphs (iterative, no stack overflow)', () => {
    const size = 10_000;
    const chain = new Map<string, string[]>();
    for (let i = 0; i < size - 1; i++) chain.set(`n${i}`, [`n${i + 1}`]);

    it.each([
      { case: 'closing the whole chain', from: `n${size - 1}`, to: 'n0', loop: true },
      { case: 'closing from the middle', from: `n${size / 2}`, to: 'n0', loop: true },
      { case: 'shortcut along the chain', from: 'n0', to: `n${size - 1}`, loop: false },
      { case: 'new node above the whole chain', from: 'top', to: 'n0', loop: false },
    ])('chain of 10,000: $case', ({ from, to, loop }) => {
      expect(wouldCreateLoop(chain, from, to)).toBe(loop);
    });

    it('a ladder of 1,000 diamonds (2^1000 paths) is searched once per node', () => {
      const ladder = new Map<string, string[]>();
      for (let i = 0; i < 1000; i++) {
        ladder.set(`top${i}`, [`left${i}`, `right${i}`]);
        ladder.set(`left${i}`, [`top${i + 1}`]);
        ladder.set(`right${i}`, [`top${i + 1}`]);
      }
      expect(wouldCreateLoop(ladder, 'top1000', 'top0')).toBe(true);
      expect(wouldCreateLoop(ladder, 'elsewhere', 'top0')).toBe(false);
    });
  });
});
