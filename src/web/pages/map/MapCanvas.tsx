// The drawn map: React Flow over a layout made in a Web Worker (use-map-layout.ts). Its own
// lazy chunk (with its CSS), so neither the first page nor the map's list view waits for it.
//
// A map of up to DOM_NODES_MAX objectives is all React Flow nodes, as ever. A larger one
// (a whole quarter of a large organisation: 30,000 objectives) would be as many elements,
// far too many to draw or move: every objective is painted on one canvas instead
// (OverviewCanvas), and React Flow gets only the nodes in view once they are few enough
// to read (VISIBLE_MAX), so zooming in turns the canvas's boxes into the usual nodes.
// Grouped by strategy theme, the themes' bands are drawn beneath the nodes (or painted with
// the boxes) and their labels over them (ThemeBands).
import '@xyflow/react/dist/style.css';
import './map.css';
import { memo, useCallback, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Panel,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useComputedColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';
import { edgeId, type MapEdge, type MapGraph, type MapNode, type Path } from './map-graph.ts';
import { NODE_WIDTH, type LayoutResult } from './layout-input.ts';
import type { MapTheme } from '../../api/types.ts';
import { ThemeBands } from './ThemeBands.tsx';
import { OverviewCanvas, nodeAt } from './OverviewCanvas.tsx';
import type { ViewBox } from './theme-bands.ts';

type NodeState = 'selected' | 'path' | 'dim' | 'none';
interface NodeData extends Record<string, unknown> {
  node: MapNode;
  state: NodeState;
  progress: string;
  status: string;
  owner: string;
  height: number;
  /** The heading of its key-result rows, in the reader's language. */
  keyResultsHeading: string;
  /** Its key-result rows that a link on the selected path ends at. */
  rowsOnPath: ReadonlySet<string>;
  /** The names of the themes it serves besides the one whose band it lies in. */
  themes: string[];
}
type ObjectiveFlowNode = Node<NodeData, 'objective'>;

/**
 * The handles a link leaves a node by (links are drawn from the supported objective down to
 * its supporter): the node's bottom, or a key-result row's side, the one nearer the supporter.
 */
const NODE_HANDLE = 'objective';
const rowHandle = (keyResultId: string, side: 'left' | 'right') => `kr:${keyResultId}:${side}`;

const ObjectiveNode = memo(function ObjectiveNode({ data }: NodeProps<ObjectiveFlowNode>) {
  const { node } = data;
  return (
    <div
      className="map-node"
      data-level={node.level}
      data-state={data.state}
      data-selected={data.state === 'selected' ? 'true' : undefined}
      data-folded={node.objectiveId === null ? 'true' : undefined}
      data-testid="map-node"
      style={{ height: data.height }}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="map-node__head">
        <div className="map-node__title">{node.title}</div>
        <div className="map-node__owner">{data.owner}</div>
        <div className="map-node__row">
          <div className="map-node__bar" aria-hidden>
            <div
              className="map-node__fill"
              data-status={node.status}
              style={{ width: `${Math.round(node.progress * 100)}%` }}
            />
          </div>
          <span>{data.progress}</span>
        </div>
        <div className="map-node__status">
          <span>{data.status}</span>
          {data.themes.length > 0 && (
            // The node's aria-label names them already.
            <span className="map-node__themes" aria-hidden>
              {data.themes.map((name) => (
                <span key={name} className="map-node__theme" title={name} data-testid="map-node-theme">
                  {name}
                </span>
              ))}
            </span>
          )}
        </div>
      </div>
      {node.keyResults.length > 0 && (
        // The node's aria-label names them already; this is what the eye reads.
        <div className="map-node__krs" aria-hidden>
          <div className="map-node__krs-heading">{data.keyResultsHeading}</div>
          {node.keyResults.map((kr) => (
            <div
              key={kr.id}
              className="map-node__kr"
              title={kr.title}
              data-testid="map-key-result"
              data-key-result-id={kr.id}
              data-on-path={data.rowsOnPath.has(kr.id) ? 'true' : undefined}
            >
              <span className="map-node__kr-title">{kr.title}</span>
              <Handle type="source" id={rowHandle(kr.id, 'left')} position={Position.Left} isConnectable={false} />
              <Handle type="source" id={rowHandle(kr.id, 'right')} position={Position.Right} isConnectable={false} />
            </div>
          ))}
        </div>
      )}
      <Handle id={NODE_HANDLE} type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { objective: ObjectiveNode };
const FAR_ZOOM = 0.35;
/** The most objectives drawn as React Flow nodes; above, the map is painted (see the top). */
export const DOM_NODES_MAX = 1500;
/** In a painted map, the most nodes in view that React Flow draws as nodes. */
const VISIBLE_MAX = 300;

export interface MapCanvasProps {
  /** The graph the layout was made for (use-map-layout.ts). */
  graph: MapGraph;
  layout: LayoutResult;
  selected: string | null;
  path: Path | null;
  onSelect: (id: string | null) => void;
  /** The organisation's strategy themes, which nodes' `themes` and the layout's bands point into. */
  themes: readonly MapTheme[];
}

/** Indexes of the nodes in (or near) the view; null when more than `limit` are. */
function nodesInView(layout: LayoutResult, view: ViewBox, limit: number): number[] | null {
  // A quarter of the view's size around it, so a small pan does not reveal empty places.
  const marginX = view.width / view.zoom / 4;
  const marginY = view.height / view.zoom / 4;
  const left = -view.x / view.zoom - marginX;
  const top = -view.y / view.zoom - marginY;
  const right = left + view.width / view.zoom + 2 * marginX;
  const bottom = top + view.height / view.zoom + 2 * marginY;
  const found: number[] = [];
  for (let i = 0; i < layout.x.length; i++) {
    const x = layout.x[i] as number;
    const y = layout.y[i] as number;
    if (x + NODE_WIDTH >= left && x <= right && y + (layout.heights[i] as number) >= top && y <= bottom) {
      found.push(i);
      if (found.length > limit) return null;
    }
  }
  return found;
}

const sameList = (a: number[] | null, b: number[] | null) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]));

export default function MapCanvas({ graph, layout, selected, path, onSelect, themes }: MapCanvasProps) {
  const { t } = useTranslation(['map', 'common']);
  const { locale } = useFormat();
  const painted = graph.nodes.length > DOM_NODES_MAX;
  const titles = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.title])), [graph]);
  const indexOf = useMemo(() => new Map(graph.nodes.map((n, i) => [n.id, i])), [graph]);

  // In a painted map: the nodes React Flow draws, by index (null: too many in view).
  const [inView, setInView] = useState<number[] | null>(null);
  const inViewRef = useRef<number[] | null>(null);
  const onView = useCallback(
    (view: ViewBox) => {
      const next = nodesInView(layout, view, VISIBLE_MAX);
      if (sameList(next, inViewRef.current)) return;
      inViewRef.current = next;
      setInView(next);
    },
    [layout],
  );
  const shown = useMemo(
    () => (painted ? (inView ?? []).map((i) => graph.nodes[i] as MapNode) : graph.nodes),
    [painted, inView, graph],
  );
  const shownIds = useMemo(() => new Set(shown.map((n) => n.id)), [shown]);

  // A link is on the selected path when it leads from the selection (or below it) up to the
  // selection (or above it).
  const onPath = useCallback(
    (edge: MapEdge) =>
      !!selected &&
      (edge.from === selected || path?.down.has(edge.from) === true) &&
      (edge.to === selected || path?.up.has(edge.to) === true),
    [selected, path],
  );
  const rowsOnPath = useMemo(
    () => new Set(graph.edges.flatMap((e) => (e.keyResultId && onPath(e) ? [e.keyResultId] : []))),
    [graph, onPath],
  );
  const bandLabels = useMemo(
    () => layout.bands.map((band) => themes[band.theme]?.name ?? t('map:noTheme')),
    [layout, themes, t],
  );
  const krTitles = useMemo(
    () => new Map(graph.nodes.flatMap((n) => n.keyResults.map((kr) => [kr.id, kr.title] as const))),
    [graph],
  );

  const nodes = useMemo<ObjectiveFlowNode[]>(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return shown.map((node) => {
      const state: NodeState = !selected
        ? 'none'
        : node.id === selected
          ? 'selected'
          : path?.up.has(node.id) || path?.down.has(node.id)
            ? 'path'
            : 'dim';
      const progress = percent.format(node.progress);
      const status = t(`common:status.${node.status}`);
      const owner =
        node.objectiveId === null
          ? t('map:foldedNode', { count: node.count })
          : `${t(`common:level.${node.level}`)} · ${node.owner}`;
      const i = indexOf.get(node.id) ?? 0;
      const height = layout.heights[i] ?? 0;
      const served = node.themes.map((theme) => themes[theme]?.name ?? '');
      const label = [
        t('map:nodeLabel', { title: node.title, owner, progress, status }),
        ...(served.length ? [t('map:nodeThemes', { list: served.join(', ') })] : []),
      ].join(', ');
      const rows = node.keyResults.map((kr) => kr.title).join('; ');
      return {
        id: node.id,
        type: 'objective',
        position: { x: layout.x[i] ?? 0, y: layout.y[i] ?? 0 },
        width: NODE_WIDTH,
        height,
        selected: node.id === selected,
        draggable: false,
        ariaLabel: rows ? `${label}, ${t('map:nodeKeyResults', { list: rows })}` : label,
        data: {
          node,
          state,
          progress,
          status,
          owner,
          height,
          keyResultsHeading: t('map:keyResultsHeading'),
          rowsOnPath,
          // Grouped by theme, the band's theme is its label's; the others are the node's to show.
          themes: served.filter((_, k) => node.themes[k] !== layout.band[i]),
        },
      };
    });
  }, [shown, indexOf, layout, selected, path, rowsOnPath, themes, locale, t]);

  /** The side of the supported node its supporter lies on (by their centres; left when level). */
  const sideOf = useCallback(
    (edge: MapEdge): 'left' | 'right' =>
      (layout.x[indexOf.get(edge.from) ?? 0] ?? 0) > (layout.x[indexOf.get(edge.to) ?? 0] ?? 0) ? 'right' : 'left',
    [layout, indexOf],
  );

  const edges = useMemo<Edge[]>(
    () =>
      graph.edges
        .filter((edge) => !painted || (shownIds.has(edge.from) && shownIds.has(edge.to)))
        .map((edge) => {
          const classes = [
            edge.crossTeam ? 'map-edge--cross' : '',
            edge.keyResultId ? 'map-edge--key-result' : '',
            selected ? (onPath(edge) ? 'map-edge--path' : 'map-edge--dim') : '',
          ];
          const names = { from: titles.get(edge.from) ?? '', to: titles.get(edge.to) ?? '' };
          return {
            id: edgeId(edge),
            // Drawn from the supported objective (above) down to its supporter: from the key
            // result's row, on the side the supporter is on, or from the node's bottom.
            source: edge.to,
            sourceHandle: edge.keyResultId ? rowHandle(edge.keyResultId, sideOf(edge)) : NODE_HANDLE,
            target: edge.from,
            // From a row's side a curve would cut back across the node to a supporter below it;
            // steps leave the node sideways, run down beside it and turn in above the supporter.
            ...(edge.keyResultId ? { type: 'smoothstep', pathOptions: { offset: 14, borderRadius: 10 } } : {}),
            className: classes.filter(Boolean).join(' '),
            markerStart: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
            focusable: false,
            ariaLabel: edge.keyResultId
              ? t('map:edgeKeyResultLabel', { ...names, keyResult: krTitles.get(edge.keyResultId) ?? '' })
              : t('map:edgeLabel', names),
          };
        }),
    [graph, painted, shownIds, selected, onPath, sideOf, titles, krTitles, t],
  );

  // Far out, a node is too small to read: drawn as a plain box, and only the selected
  // path's links are drawn (1,800 curves would halve the frame rate; bench:map).
  const [far, setFar] = useState(false);
  const [fitted, setFitted] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => {
    setDrawn(true);
    performance.mark('riktning:map-drawn');
  }, []);

  // Clicks and Enter/Space on a focused node both arrive as selection changes.
  const onNodesChange = (changes: NodeChange<ObjectiveFlowNode>[]) => {
    for (const change of changes) {
      if (change.type !== 'select') continue;
      if (change.selected) onSelect(change.id);
      else if (change.id === selected && !changes.some((c) => c.type === 'select' && c.selected)) onSelect(null);
    }
  };

  // The top left is the first theme band's label's when grouped by theme.
  const hintPosition = layout.bands.length > 0 ? 'bottom-center' : 'top-left';
  const flow = useRef<ReactFlowInstance<ObjectiveFlowNode> | null>(null);
  const colorScheme = useComputedColorScheme('light');
  // A painted map fits its whole picture (React Flow knows only the nodes in view).
  const bounds = { x: 0, y: 0, width: layout.width, height: layout.height };
  const minZoom = Math.min(0.05, 300 / Math.max(layout.width, layout.height, 1));
  const onPaneClick = (event: ReactMouseEvent) => {
    if (!painted || !flow.current) return;
    const point = flow.current.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const hit = nodeAt(layout, point);
    onSelect(hit === null ? null : (graph.nodes[hit]?.id ?? null));
  };

  return (
    <div
      className={far && !painted ? 'alignment-map map-far' : 'alignment-map'}
      data-color-scheme={colorScheme}
      data-testid="alignment-map"
      data-painted={painted ? 'true' : undefined}
      data-drawn={drawn ? 'true' : undefined}
    >
      <ReactFlow
        // Its controls and edges in the page's colours, light or dark.
        colorMode={colorScheme}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={onPaneClick}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements
        minZoom={painted ? minZoom : 0.05}
        maxZoom={2}
        fitView={!painted}
        onInit={(instance) => {
          flow.current = instance;
          if (painted) void instance.fitBounds(bounds, { padding: 0.02 }).then(() => setFitted(true));
          else onDrawn();
          setFar(instance.getZoom() < FAR_ZOOM);
        }}
        onMove={(_event, viewport) => setFar(viewport.zoom < FAR_ZOOM)}
        // A small map stays readable on a phone (pan to see the rest); a large one fits whole.
        fitViewOptions={{ maxZoom: 1, minZoom: graph.nodes.length <= 60 ? 0.6 : 0.05 }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('map:graphHelp'),
          'node.a11yDescription.keyboardDisabled': t('map:graphHelp'),
          'controls.ariaLabel': t('map:controls'),
          'controls.zoomIn.ariaLabel': t('map:zoomIn'),
          'controls.zoomOut.ariaLabel': t('map:zoomOut'),
          'controls.fitView.ariaLabel': t('map:fitView'),
        }}
      >
        <Background gap={24} />
        {layout.bands.length > 0 && <ThemeBands layout={layout} labels={bandLabels} painted={painted} />}
        {painted && (
          <OverviewCanvas
            graph={graph}
            layout={layout}
            hidden={shownIds}
            selected={selected}
            path={path}
            onView={onView}
            fitted={fitted}
            onDrawn={onDrawn}
          />
        )}
        <Controls
          showInteractive={false}
          fitViewOptions={painted ? undefined : { maxZoom: 1 }}
          onFitView={painted ? () => void flow.current?.fitBounds(bounds, { padding: 0.02 }) : undefined}
        />
        {painted && inView === null ? (
          <Panel position={hintPosition} className="map-far-hint">
            {t('map:paintedHint')}
            <span className="map-legend">
              {(['on_track', 'at_risk', 'off_track'] as const).map((status) => (
                <span key={status}>
                  <span className="map-legend__swatch" data-status={status} aria-hidden />
                  {t(`common:status.${status}`)}
                </span>
              ))}
            </span>
          </Panel>
        ) : (
          far &&
          !painted && (
            <Panel position={hintPosition} className="map-far-hint">
              {t('map:farHint')}
            </Panel>
          )
        )}
      </ReactFlow>
    </div>
  );
}
