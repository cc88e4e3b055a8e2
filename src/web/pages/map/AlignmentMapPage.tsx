import {
  Anchor,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { useAlignmentMap } from '../../api/queries.ts';
import type { MapObjective, MapTheme, MapUnit } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { OBJECTIVE_LEVELS, STATUSES, type ObjectiveLevel, type Status } from '../../../core/domain.ts';
import { buildGraph, pathOf, type MapGraph } from './map-graph.ts';
import { layoutInput } from './layout-input.ts';
import { useMapLayout } from './use-map-layout.ts';
import type { MapCanvasProps } from './MapCanvas.tsx';

// React Flow and its CSS come with the canvas, on demand: asked for as soon as this page's
// code loads, so the chunk arrives while the map's data does. Not React.lazy: a lazy
// component suspends on its first render even when its code is there, and React holds a
// revealed Suspense boundary back for up to 300 ms.
type MapCanvasComponent = ComponentType<MapCanvasProps>;
let loadedCanvas: MapCanvasComponent | null = null;
const canvasModule = import('./MapCanvas.tsx').then((module) => (loadedCanvas = module.default));

function useMapCanvas(): MapCanvasComponent | null {
  const [canvas, setCanvas] = useState<MapCanvasComponent | null>(() => loadedCanvas);
  useEffect(() => {
    if (!canvas) void canvasModule.then((component) => setCanvas(() => component));
  }, [canvas]);
  return canvas;
}

const EMPTY_OBJECTIVES: MapObjective[] = [];
const EMPTY_UNITS: MapUnit[] = [];
const EMPTY_THEMES: MapTheme[] = [];
/** Rows of the list view drawn at first, and added by each "show more". */
const LIST_STEP = 500;

/** Units in tree order (children by name beneath their parent), with their depth. */
function unitsInTreeOrder(units: readonly MapUnit[]): { unit: MapUnit; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, MapUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent);
    if (list) list.push(unit);
    else children.set(parent, [unit]);
  }
  const result: { unit: MapUnit; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const unit of list) {
      // The server never lets the tree loop; `seen` keeps a bad answer from hanging the page.
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      result.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** The cycle's objectives as a graph: who supports whom, from the organisation to people. */
export default function AlignmentMapPage() {
  const { orgId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { cycle, cycles } = useSelectedCycle(orgId);
  const parent = cycles.find((c) => c.id === cycle?.parentId);
  // One request: the cycle's objectives at every level, the year's organisation objectives
  // (as on the home page) and the units, shaped for the map. Asked for before the page's
  // texts, whose first load suspends this render: the request need not wait for them.
  const map = useAlignmentMap(orgId, cycle?.id);
  const { t } = useTranslation(['map', 'common']);
  const [selected, setSelected] = useState<string | null>(null);
  const [listOpen, list] = useDisclosure(false);

  const unitId = params.get('unit') ?? undefined;
  const level = (OBJECTIVE_LEVELS as readonly string[]).includes(params.get('level') ?? '')
    ? (params.get('level') as ObjectiveLevel)
    : undefined;
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : undefined;
  // Grouped by strategy theme unless turned off (`themes=off`), as the other settings kept in the URL.
  const byTheme = params.get('themes') !== 'off';
  const foldParam = params.get('fold') ?? '';
  const folded = useMemo(() => new Set(foldParam.split(',').filter(Boolean)), [foldParam]);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const objectives = map.data?.objectives ?? EMPTY_OBJECTIVES;
  const unitList = map.data?.units ?? EMPTY_UNITS;
  const themes = map.data?.themes ?? EMPTY_THEMES;
  const grouped = byTheme && themes.length > 0;
  const unitOptions = useMemo(() => unitsInTreeOrder(unitList), [unitList]);
  const depths = useMemo(() => new Map(unitOptions.map(({ unit, depth }) => [unit.id, depth])), [unitOptions]);
  const graph: MapGraph = useMemo(
    () => buildGraph(objectives, unitList, { unitId, level, status, folded }),
    [objectives, unitList, unitId, level, status, folded],
  );
  // Laid out in a Web Worker; until the first layout arrives the canvas shows a loader.
  const input = useMemo(
    () => (map.data ? layoutInput(graph, unitList, grouped ? themes.length : 0) : null),
    [map.data, graph, unitList, grouped, themes],
  );
  const laidOut = useMapLayout(map.data ? graph : null, input);
  const MapCanvas = useMapCanvas();
  const selectedNode = useMemo(() => graph.nodes.find((n) => n.id === selected) ?? null, [graph, selected]);
  const path = useMemo(() => (selectedNode ? pathOf(graph, selectedNode.id) : null), [graph, selectedNode]);
  const unitsWithObjectives = useMemo(() => new Set(objectives.map((o) => o.unitId)), [objectives]);
  const linksToKeyResults = useMemo(() => graph.edges.some((e) => e.keyResultId !== null), [graph]);

  const toggleFold = (id: string, on: boolean) => {
    const next = new Set(folded);
    if (on) next.add(id);
    else next.delete(id);
    setParam('fold', [...next].join(','));
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        {cycle && (
          <Text c="dimmed" size="sm">
            {t('intro', { cycle: parent ? `${parent.name} / ${cycle.name}` : cycle.name })}
          </Text>
        )}
      </Stack>
      {!cycle ? (
        <Text c="dimmed">{t('noCycle')}</Text>
      ) : (
        <QueryState query={map}>
          {() => (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 3 }} role="group" aria-label={t('filters')}>
                <Select
                  label={t('unit')}
                  placeholder={t('allUnits')}
                  clearable
                  searchable
                  // Mantine keeps a closed list in the page; a thousand units' options are made when it opens.
                  comboboxProps={{ keepMounted: false }}
                  value={unitId ?? null}
                  onChange={(value) => setParam('unit', value)}
                  data={unitOptions.map(({ unit }) => ({ value: unit.id, label: unit.name }))}
                  renderOption={({ option }) => (
                    <Text size="sm" pl={(depths.get(option.value) ?? 0) * 12}>
                      {option.label}
                    </Text>
                  )}
                />
                <Select
                  label={t('level')}
                  placeholder={t('allLevels')}
                  clearable
                  value={level ?? null}
                  onChange={(value) => setParam('level', value)}
                  data={OBJECTIVE_LEVELS.map((l) => ({ value: l, label: t(`common:level.${l}`) }))}
                />
                <Select
                  label={t('status')}
                  placeholder={t('allStatuses')}
                  clearable
                  value={status ?? null}
                  onChange={(value) => setParam('status', value)}
                  data={STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
                />
              </SimpleGrid>
              {themes.length > 0 && (
                <Switch
                  label={t('groupByTheme')}
                  description={t('groupByThemeHelp')}
                  checked={byTheme}
                  onChange={(event) => setParam('themes', event.currentTarget.checked ? null : 'off')}
                />
              )}
              <FoldList
                units={unitOptions.filter(({ unit }) => unitsWithObjectives.has(unit.id))}
                folded={folded}
                onToggle={toggleFold}
              />
              <Paper withBorder p="sm" aria-live="polite" data-testid="map-selection">
                {selectedNode ? (
                  <Group justify="space-between" gap="xs">
                    <Stack gap={0}>
                      <Text fw={600}>{t('selected', { title: selectedNode.title })}</Text>
                      <Text size="sm" c="dimmed">
                        {t('pathCount', { up: path?.up.size ?? 0, down: path?.down.size ?? 0 })}
                      </Text>
                    </Stack>
                    <Group gap="xs">
                      {selectedNode.objectiveId && (
                        <Anchor
                          component={Link}
                          to={`/orgs/${orgId}/objectives/${selectedNode.objectiveId}?cycle=${cycle.id}`}
                        >
                          {t('openObjective')}
                        </Anchor>
                      )}
                      <Button variant="subtle" size="xs" onClick={() => setSelected(null)}>
                        {t('clearSelection')}
                      </Button>
                    </Group>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('selectedHint')}
                  </Text>
                )}
              </Paper>
              <Group justify="space-between">
                <Text size="sm" c="dimmed" data-testid="map-counts">
                  {t('countsObjectives', { count: graph.nodes.length })},{' '}
                  {t('countsLinks', { count: graph.edges.length })} · {t('crossTeam')}
                  {linksToKeyResults && ` ${t('keyResultLegend')}`}
                </Text>
                <Button variant="light" size="xs" onClick={list.toggle} aria-expanded={listOpen}>
                  {listOpen ? t('hideList') : t('showList')}
                </Button>
              </Group>
              {graph.nodes.length === 0 ? (
                <Text c="dimmed">{t('empty')}</Text>
              ) : (
                <section aria-label={t('graph')}>
                  {laidOut && MapCanvas ? (
                    <MapCanvas
                      // A new layout (another filter or fold) is fitted to the view afresh.
                      key={laidOut.version}
                      graph={laidOut.graph}
                      layout={laidOut.layout}
                      selected={selectedNode?.id ?? null}
                      path={path}
                      onSelect={setSelected}
                      themes={themes}
                    />
                  ) : (
                    <PageLoader />
                  )}
                </section>
              )}
              <Collapse expanded={listOpen}>
                {listOpen && <MapList graph={graph} themes={themes} orgId={orgId} cycleId={cycle.id} />}
              </Collapse>
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}

function FoldList({
  units,
  folded,
  onToggle,
}: {
  units: { unit: MapUnit; depth: number }[];
  folded: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation('map');
  const [open, toggle] = useDisclosure(false);
  if (units.length === 0) return null;
  return (
    <div>
      <Button variant="subtle" size="xs" onClick={toggle.toggle} aria-expanded={open} px={0}>
        {folded.size > 0 ? `${t('fold')} (${t('foldedCount', { count: folded.size })})` : t('fold')}
      </Button>
      <Collapse expanded={open}>
        {/* A large organisation has a thousand units: their boxes are made when asked for. */}
        {open && (
          <Stack gap={4} mt="xs" role="group" aria-label={t('fold')}>
            <Text size="xs" c="dimmed">
              {t('foldHelp')}
            </Text>
            {units.map(({ unit, depth }) => (
              <Checkbox
                key={unit.id}
                ml={depth * 16}
                label={unit.name}
                aria-label={t('foldUnit', { name: unit.name })}
                checked={folded.has(unit.id)}
                onChange={(event) => onToggle(unit.id, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        )}
      </Collapse>
    </div>
  );
}

/** The same graph as a table, for screen readers and for reading. */
function MapList({
  graph,
  themes,
  orgId,
  cycleId,
}: {
  graph: MapGraph;
  themes: readonly MapTheme[];
  orgId: string;
  cycleId: string;
}) {
  const { t } = useTranslation(['map', 'common']);
  const format = useFormat();
  const [rows, setRows] = useState(LIST_STEP);
  const supports = useMemo(() => {
    const titles = new Map(graph.nodes.map((n) => [n.id, n.title]));
    const krTitles = new Map(graph.nodes.flatMap((n) => n.keyResults.map((kr) => [kr.id, kr.title] as const)));
    const byNode = new Map<string, string[]>();
    for (const e of graph.edges) {
      const objective = titles.get(e.to) ?? '';
      const text = e.keyResultId
        ? t('supportsKeyResult', { objective, keyResult: krTitles.get(e.keyResultId) ?? '' })
        : objective;
      const list = byNode.get(e.from);
      if (list) list.push(text);
      else byNode.set(e.from, [text]);
    }
    return byNode;
  }, [graph, t]);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped data-testid="map-list">
        <Table.Caption>{t('listCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('objective')}</Table.Th>
            <Table.Th scope="col">{t('owner')}</Table.Th>
            <Table.Th scope="col">{t('progress')}</Table.Th>
            <Table.Th scope="col">{t('status')}</Table.Th>
            <Table.Th scope="col">{t('supports')}</Table.Th>
            {themes.length > 0 && <Table.Th scope="col">{t('themes')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {graph.nodes.slice(0, rows).map((node) => (
            <Table.Tr key={node.id}>
              <Table.Th scope="row" fw={400}>
                {node.objectiveId ? (
                  <Anchor component={Link} to={`/orgs/${orgId}/objectives/${node.objectiveId}?cycle=${cycleId}`}>
                    {node.title}
                  </Anchor>
                ) : (
                  `${node.title} — ${t('foldedNode', { count: node.count })}`
                )}
              </Table.Th>
              <Table.Td>
                {t(`common:level.${node.level}`)} · {node.owner}
              </Table.Td>
              <Table.Td>{format.percent(node.progress)}</Table.Td>
              <Table.Td>{t(`common:status.${node.status}`)}</Table.Td>
              <Table.Td>{supports.get(node.id)?.join('; ') ?? t('nothing')}</Table.Td>
              {themes.length > 0 && (
                <Table.Td>
                  {node.themes.length ? node.themes.map((theme) => themes[theme]?.name).join(', ') : t('nothing')}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {graph.nodes.length > rows && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setRows(rows + LIST_STEP)}>
          {t('showMore', { shown: rows, total: graph.nodes.length })}
        </Button>
      )}
    </Table.ScrollContainer>
  );
}
