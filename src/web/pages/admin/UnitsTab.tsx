import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/queries.ts';
import type { Org, Unit } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { buildUnitTree, type UnitNode } from '../units/unit-tree.ts';
import { UnitFormDialog } from './UnitFormDialog.tsx';
import { UnitPeopleDialog } from './UnitPeopleDialog.tsx';

/** Every unit, in tree order, as one list (depth shown by indentation). */
export function flattenTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

type Dialog = { kind: 'create' } | { kind: 'edit'; unit: Unit } | { kind: 'people'; unit: Unit } | null;

/** The unit tree: create, edit, move, archive units and set their leads and members. */
export function UnitsTab({ org }: { org: Org }) {
  const { t } = useTranslation(['admin', 'common']);
  const { locale } = useFormat();
  const units = useUnits(org.id);
  const [params] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = useMemo(
    () => flattenTree(buildUnitTree(units.data ?? [], new Intl.Collator(locale).compare)),
    [units.data, locale],
  );
  const cycle = params.get('cycle');
  const unitLink = (id: string) => `/orgs/${org.id}/units/${id}${cycle ? `?cycle=${encodeURIComponent(cycle)}` : ''}`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('units.title')}</Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('units.intro')}
          </Text>
        </Stack>
        {org.abilities['unit.create'] && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('units.create')}
          </Button>
        )}
      </Group>
      <QueryState query={units}>
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('units.none')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('units.title')}>
              {rows.map(({ unit, depth }) => (
                <Paper
                  key={unit.id}
                  component="li"
                  withBorder
                  p="sm"
                  ml={`calc(${Math.min(depth, 6)} * var(--mantine-spacing-md))`}
                  data-testid="unit-row"
                >
                  <Group justify="space-between" gap="xs">
                    <Stack gap={2} style={{ flex: '1 1 200px', minWidth: 0 }}>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={unitLink(unit.id)} fw={600} truncate>
                          {unit.name}
                        </Anchor>
                        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                          {t(`units.kinds.${unit.kind}`)}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('units.memberCount', { count: unit.memberCount })}
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconUsers size={14} aria-hidden />}
                        aria-label={t('units.peopleOf', { name: unit.name })}
                        onClick={() => setDialog({ kind: 'people', unit })}
                      >
                        {t('units.people')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        aria-label={t('units.editUnit', { name: unit.name })}
                        onClick={() => setDialog({ kind: 'edit', unit })}
                      >
                        {t('units.edit')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UnitFormDialog
          org={org}
          units={units.data ?? []}
          unitId={dialog.kind === 'edit' ? dialog.unit.id : null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'people' && <UnitPeopleDialog org={org} unit={dialog.unit} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
