import { Button, Card, CloseButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/queries.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { UnitTree } from './UnitTree.tsx';
import { buildUnitTree, filterUnitTree, parentIds, type UnitNode } from './unit-tree.ts';

/** The whole unit tree, any depth, with a filter by name that is kept in the URL (?q=). */
export default function UnitsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation('units');
  const { locale } = useFormat();
  const units = useUnits(orgId);
  const [params, setParams] = useSearchParams();
  // The box keeps its own text so typing never waits for the URL; the URL follows.
  const [text, setText] = useState(() => params.get('q') ?? '');
  const q = useDeferredValue(text).trim();
  const filtering = q !== '';

  const tree = useMemo(() => buildUnitTree(units.data ?? [], new Intl.Collator(locale).compare), [units.data, locale]);
  const filtered = useMemo(() => (filtering ? filterUnitTree(tree, q, locale) : null), [tree, q, filtering, locale]);
  const visible = filtered?.nodes ?? tree;

  // What the reader opened or closed; forgotten when the filter changes, so every match shows.
  const [toggled, setToggled] = useState<{ q: string; open: Record<string, boolean> }>({ q, open: {} });
  const overrides = toggled.q === q ? toggled.open : {};
  const isOpen = (node: UnitNode) =>
    overrides[node.unit.id] ?? (filtered ? filtered.openIds.has(node.unit.id) : node.depth === 0);
  const toggle = (node: UnitNode) => setToggled({ q, open: { ...overrides, [node.unit.id]: !isOpen(node) } });
  const withChildren = parentIds(visible);
  const setAll = (open: boolean) => setToggled({ q, open: Object.fromEntries(withChildren.map((id) => [id, open])) });

  const changeText = (value: string) => {
    setText(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value.trim()) next.set('q', value);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  };

  const cycle = params.get('cycle');
  const linkTo = (unitId: string) =>
    `/orgs/${orgId}/units/${unitId}${cycle ? `?cycle=${encodeURIComponent(cycle)}` : ''}`;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('tree.title')}</Title>
        <Text c="dimmed" maw={720}>
          {t('tree.intro')}
        </Text>
      </Stack>
      <QueryState query={units}>
        {() =>
          tree.length === 0 ? (
            <Text>{t('tree.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end" gap="sm">
                <TextInput
                  label={t('tree.filter')}
                  placeholder={t('tree.filterPlaceholder')}
                  value={text}
                  onChange={(event) => changeText(event.currentTarget.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && text) changeText('');
                  }}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  rightSection={
                    text ? (
                      <CloseButton size="sm" aria-label={t('tree.clearFilter')} onClick={() => changeText('')} />
                    ) : null
                  }
                  w={{ base: '100%', xs: 340 }}
                  autoComplete="off"
                />
                {withChildren.length > 0 && (
                  <Group gap="xs">
                    <Button variant="default" size="xs" onClick={() => setAll(true)}>
                      {t('tree.expandAll')}
                    </Button>
                    <Button variant="default" size="xs" onClick={() => setAll(false)}>
                      {t('tree.collapseAll')}
                    </Button>
                  </Group>
                )}
              </Group>
              <Text role="status" size="sm" c="dimmed" mih="1.5em">
                {filtered &&
                  (filtered.matches > 0 ? t('tree.matches', { count: filtered.matches, q }) : t('tree.noMatch', { q }))}
              </Text>
              {visible.length > 0 && (
                <Card withBorder padding="sm">
                  <UnitTree
                    nodes={visible}
                    label={t('tree.label')}
                    isOpen={isOpen}
                    onToggle={toggle}
                    linkTo={linkTo}
                    highlight={q}
                  />
                </Card>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
