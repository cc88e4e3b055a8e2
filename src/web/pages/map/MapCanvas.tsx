// The drawn map: React Flow with a dagre layout. Its own lazy chunk (with its CSS), so
// neither the first page nor the map's list view waits for it.
import '@xyflow/react/dist/style.css';
import './map.css';
import { memo, useMemo, useState } from 'react';
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
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';
import type { MapGraph, MapNode, Path } from './map-graph.ts';
import { NODE_HEIGHT, NODE_WIDTH, layoutGraph } from './map-layout.ts';

type NodeState = 'selected' | 'path' | 'dim' | 'none';
interface NodeData extends Record<string, unknown> {
  node: MapNode;
  state: NodeState;
  progress: string;
  status: string;
  owner: string;
}
type ObjectiveFlowNode = Node<NodeData, 'objective'>;

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
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
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
      <div className="map-node__status">{data.status}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { objective: ObjectiveNode };
const FAR_ZOOM = 0.35;

export interface MapCanvasProps {
  graph: MapGraph;
  selected: string | null;
  path: Path | null;
  onSelect: (id: string | null) => void;
}

export default function MapCanvas({ graph, selected, path, onSelect }: MapCanvasProps) {
  const { t } = useTranslation(['map', 'common']);
  const { locale } = useFormat();
  // Layout only when the graph changes, never on selection.
  const positions = useMemo(() => layoutGraph(graph), [graph]);
  const titles = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.title])), [graph]);

  const nodes = useMemo<ObjectiveFlowNode[]>(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return graph.nodes.map((node) => {
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
      return {
        id: node.id,
        type: 'objective',
        position: positions.get(node.id) ?? { x: 0, y: 0 },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        selected: node.id === selected,
        draggable: false,
        ariaLabel: t('map:nodeLabel', { title: node.title, owner, progress, status }),
        data: { node, state, progress, status, owner },
      };
    });
  }, [graph, positions, selected, path, locale, t]);

  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => {
        const onPath =
          !!selected &&
          (edge.from === selected || path?.down.has(edge.from) === true) &&
          (edge.to === selected || path?.up.has(edge.to) === true);
        const classes = [
          edge.crossTeam ? 'map-edge--cross' : '',
          selected ? (onPath ? 'map-edge--path' : 'map-edge--dim') : '',
        ];
        return {
          id: edge.id,
          // Drawn from the supported objective (above) down to its supporter.
          source: edge.to,
          target: edge.from,
          className: classes.filter(Boolean).join(' '),
          markerStart: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
          focusable: false,
          ariaLabel: t('map:edgeLabel', { from: titles.get(edge.from) ?? '', to: titles.get(edge.to) ?? '' }),
        };
      }),
    [graph, selected, path, titles, t],
  );

  // Far out, a node is too small to read: drawn as a plain box, and only the selected
  // path's links are drawn (1,800 curves would halve the frame rate; bench:map).
  const [far, setFar] = useState(false);

  // Clicks and Enter/Space on a focused node both arrive as selection changes.
  const onNodesChange = (changes: NodeChange<ObjectiveFlowNode>[]) => {
    for (const change of changes) {
      if (change.type !== 'select') continue;
      if (change.selected) onSelect(change.id);
      else if (change.id === selected && !changes.some((c) => c.type === 'select' && c.selected)) onSelect(null);
    }
  };

  return (
    <div className={far ? 'alignment-map map-far' : 'alignment-map'} data-testid="alignment-map">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        fitView
        onInit={(flow) => setFar(flow.getZoom() < FAR_ZOOM)}
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
        <Controls showInteractive={false} />
        {far && (
          <Panel position="top-left" className="map-far-hint">
            {t('map:farHint')}
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
