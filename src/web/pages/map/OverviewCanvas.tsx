// A large map painted on one canvas beneath React Flow's nodes: each objective a box in its
// status's colour with its level's band, the selected objective's path with its links, and
// grouped by strategy theme the themes' bands (their labels are ThemeBands's, over the nodes).
// Redrawn as the view moves; tens of thousands of boxes take a few milliseconds.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStore } from '@xyflow/react';
import type { MapGraph, Path } from './map-graph.ts';
import { COLUMN_GAP, NODE_WIDTH, ROW_GAP, type LayoutResult } from './layout-input.ts';
import { bandsOnScreen, type ViewBox } from './theme-bands.ts';

/**
 * The index of the node at a point of the flow, or null. A point in the gap between two
 * boxes of a row counts for the nearer one: far out, the gaps are most of what is clicked.
 */
export function nodeAt(layout: LayoutResult, point: { x: number; y: number }): number | null {
  const dx = COLUMN_GAP / 2;
  const dy = ROW_GAP / 2;
  for (let i = 0; i < layout.x.length; i++) {
    const x = layout.x[i] as number;
    const y = layout.y[i] as number;
    const h = layout.heights[i] as number;
    if (point.x >= x - dx && point.x <= x + NODE_WIDTH + dx && point.y >= y - dy && point.y <= y + h + dy) {
      return i;
    }
  }
  return null;
}

/** Mantine's colours, read from its CSS variables (so light and dark schemes both work). */
function palette(element: Element) {
  const style = getComputedStyle(element);
  const color = (name: string, fallback: string) =>
    style.getPropertyValue(`--mantine-color-${name}`).trim() || fallback;
  return {
    status: {
      on_track: color('teal-6', '#12b886'),
      at_risk: color('yellow-6', '#fab005'),
      off_track: color('red-6', '#fa5252'),
    } as Record<string, string>,
    level: {
      organization: color('blue-8', '#1971c2'),
      unit: color('grape-8', '#9c36b5'),
      person: color('gray-8', '#343a40'),
    } as Record<string, string>,
    path: color('blue-7', '#1c7ed6'),
    selected: color('orange-7', '#f76707'),
    band: color('blue-light', 'rgba(34, 139, 230, 0.1)'),
    noThemeBand: color('gray-light', 'rgba(134, 142, 150, 0.1)'),
  };
}

export interface OverviewCanvasProps {
  graph: MapGraph;
  layout: LayoutResult;
  /** Nodes React Flow draws itself: not painted. */
  hidden: ReadonlySet<string>;
  selected: string | null;
  path: Path | null;
  /** Called with the view as it changes (the map draws the nodes in view). */
  onView: (view: ViewBox) => void;
  /** Whether the view has been fitted to the map: the first picture after it counts as drawn. */
  fitted: boolean;
  /** Called once the first fitted picture is painted. */
  onDrawn: () => void;
}

export function OverviewCanvas(props: OverviewCanvasProps) {
  const { graph, layout, hidden, selected, path, onView, fitted, onDrawn } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const drawnOnce = useRef(false);

  // Until the view is fitted to the map, what it shows is of no interest.
  useEffect(() => {
    if (fitted && width > 0 && height > 0) onView({ x, y, zoom, width, height });
  }, [fitted, x, y, zoom, width, height, onView]);

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!fitted || !element || !context || width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
    }
    const colors = palette(element);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, element.width, element.height);
    // The themes' bands beneath everything (faint, as ThemeBands draws them).
    const bands = bandsOnScreen(layout.bands, layout.height, { x, y, zoom, width, height });
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.globalAlpha = 0.6;
    for (const band of bands) {
      context.fillStyle = band.theme >= 0 ? colors.band : colors.noThemeBand;
      context.fillRect(band.left, band.top, band.width, band.height);
    }
    context.globalAlpha = 1;
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);

    // Only what is in view is painted.
    const left = -x / zoom;
    const top = -y / zoom;
    const right = left + width / zoom;
    const bottom = top + height / zoom;
    const band = Math.min(NODE_WIDTH / 8, Math.max(6, 3 / zoom));
    const onPath = (id: string) => id === selected || !!path?.up.has(id) || !!path?.down.has(id);
    const inView: number[] = [];
    for (let i = 0; i < graph.nodes.length; i++) {
      const nx = layout.x[i] as number;
      const ny = layout.y[i] as number;
      if (nx > right || ny > bottom || nx + NODE_WIDTH < left || ny + (layout.heights[i] as number) < top) continue;
      if (hidden.size === 0 || !hidden.has((graph.nodes[i] as { id: string }).id)) inView.push(i);
    }
    // Dimmed first when a path is selected, then the rest over them.
    for (const pass of selected ? ['dim', 'path'] : ['all']) {
      context.globalAlpha = pass === 'dim' ? 0.25 : 1;
      for (const i of inView) {
        const node = graph.nodes[i];
        if (!node) continue;
        if (pass !== 'all' && onPath(node.id) !== (pass === 'path')) continue;
        const nx = layout.x[i] as number;
        const ny = layout.y[i] as number;
        const nh = layout.heights[i] as number;
        context.fillStyle = colors.status[node.status] ?? colors.status.on_track ?? '#888';
        context.fillRect(nx, ny, NODE_WIDTH, nh);
        context.fillStyle = colors.level[node.level] ?? '#333';
        context.fillRect(nx, ny, band, nh);
      }
    }
    context.globalAlpha = 1;

    if (selected && path) {
      // The path's links, and a ring around the selected objective, visible at any zoom. A link
      // to a key result ends at its objective's box: the rows are drawn once zoomed in.
      const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
      context.strokeStyle = colors.path;
      context.lineWidth = Math.max(2.5, 2 / zoom);
      context.beginPath();
      for (const edge of graph.edges) {
        const fromOn = edge.from === selected || path.down.has(edge.from);
        const toOn = edge.to === selected || path.up.has(edge.to);
        if (!fromOn || !toOn) continue;
        const a = index.get(edge.to);
        const b = index.get(edge.from);
        if (a === undefined || b === undefined) continue;
        context.moveTo(
          (layout.x[a] as number) + NODE_WIDTH / 2,
          (layout.y[a] as number) + (layout.heights[a] as number),
        );
        context.lineTo((layout.x[b] as number) + NODE_WIDTH / 2, layout.y[b] as number);
      }
      context.stroke();
      const s = index.get(selected);
      if (s !== undefined) {
        const ring = Math.max(4, 6 / zoom);
        context.strokeStyle = colors.selected;
        context.lineWidth = Math.max(3, 4 / zoom);
        context.strokeRect(
          (layout.x[s] as number) - ring,
          (layout.y[s] as number) - ring,
          NODE_WIDTH + 2 * ring,
          (layout.heights[s] as number) + 2 * ring,
        );
      }
    }
    if (fitted && !drawnOnce.current) {
      drawnOnce.current = true;
      onDrawn();
    }
  }, [graph, layout, hidden, selected, path, x, y, zoom, width, height, fitted, onDrawn]);

  return <canvas ref={canvas} className="map-overview" aria-hidden style={{ width, height }} />;
}
