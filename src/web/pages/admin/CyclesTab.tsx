import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../../../core/domain.ts';
import { useCycles } from '../../api/queries.ts';
import type { Cycle, Org } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { CycleFormDialog } from './CycleFormDialog.tsx';
import { YearDialog } from './YearDialog.tsx';
import { CycleStatusActions } from '../closing/CycleStatusActions.tsx';

export const STATUS_COLOURS: Record<CycleStatus, string> = { planning: 'blue', active: 'teal', closed: 'gray' };

/** Longer cycles first (latest first), each followed by the cycles within it in date order. */
export function cycleRows(cycles: Cycle[]): { cycle: Cycle; depth: number }[] {
  const ids = new Set(cycles.map((c) => c.id));
  const childrenOf = new Map<string | null, Cycle[]>();
  for (const cycle of cycles) {
    const parent = cycle.parentId && ids.has(cycle.parentId) ? cycle.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), cycle]);
  }
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number): { cycle: Cycle; depth: number }[] =>
    (childrenOf.get(parent) ?? [])
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .sort((a, b) => (depth === 0 ? b.startsOn.localeCompare(a.startsOn) : a.startsOn.localeCompare(b.startsOn)))
      .flatMap((cycle) => [{ cycle, depth }, ...walk(cycle.id, depth + 1)]);
  return walk(null, 0);
}

type Dialog = { kind: 'create' } | { kind: 'year' } | { kind: 'edit'; cycle: Cycle } | null;

/** The organisation's cycles: a year and its quarters, their dates and status. */
export function CyclesTab({ org }: { org: Org }) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const cycles = useCycles(org.id);
  const rows = useMemo(() => cycleRows(cycles.data ?? []), [cycles.data]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = org.abilities['cycle.manage'] === true;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('cycles.title')}</Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('cycles.intro')}
          </Text>
        </Stack>
        {manage && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('cycles.create')}
            </Button>
            <Button
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'year' })}
            >
              {t('cycles.createYear')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('cycles.statusHelp')}
      </Text>
      <QueryState query={cycles}>
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('cycles.none')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('cycles.title')}>
              {rows.map(({ cycle, depth }) => (
                <Paper
                  key={cycle.id}
                  component="li"
                  withBorder
                  p="sm"
                  ml={`calc(${Math.min(depth, 4)} * var(--mantine-spacing-lg))`}
                  data-testid="cycle-row"
                >
                  <Group justify="space-between" gap="xs">
                    <Stack gap={2} style={{ flex: '1 1 180px' }}>
                      <Group gap="xs">
                        <Text fw={600}>{cycle.name}</Text>
                        <Badge variant="light" color={STATUS_COLOURS[cycle.status]}>
                          {t(`cycles.statuses.${cycle.status}`)}
                        </Badge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {t('cycles.dates', { start: format.date(cycle.startsOn), end: format.date(cycle.endsOn) })}
                      </Text>
                    </Stack>
                    {manage && (
                      <Group gap="xs" wrap="nowrap">
                        <CycleStatusActions orgId={org.id} cycle={cycle} />
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t('cycles.editCycle', { name: cycle.name })}
                          onClick={() => setDialog({ kind: 'edit', cycle })}
                        >
                          {t('cycles.edit')}
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <CycleFormDialog
          org={org}
          cycles={cycles.data ?? []}
          cycle={dialog.kind === 'edit' ? dialog.cycle : null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'year' && <YearDialog org={org} cycles={cycles.data ?? []} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
