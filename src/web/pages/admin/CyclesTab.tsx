import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import { useCycles } from '../../api/queries.ts';
import { cycleTree } from '../../app/cycle-order.ts';
import type { Cycle, Org } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { CycleFormDialog } from './CycleFormDialog.tsx';
import { YearDialog } from './YearDialog.tsx';
import { notifyDone } from './shared.tsx';
import { CycleStatusActions } from '../closing/CycleStatusActions.tsx';

export const STATUS_COLOURS: Record<CycleStatus, string> = { planning: 'blue', active: 'teal', closed: 'gray' };

type Dialog =
  { kind: 'create' } | { kind: 'year' } | { kind: 'edit'; cycle: Cycle } | { kind: 'delete'; cycle: Cycle } | null;

/** The organisation's cycles: a year and its quarters, their dates and status. */
export function CyclesTab({ org }: { org: Org }) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const cycles = useCycles(org.id);
  const rows = useMemo(() => cycleTree(cycles.data ?? []), [cycles.data]);
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
                        {cycle.status !== 'closed' && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden />}
                            aria-label={t('cycles.deleteCycle', { name: cycle.name })}
                            onClick={() => setDialog({ kind: 'delete', cycle })}
                          >
                            {t('cycles.delete')}
                          </Button>
                        )}
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
      <ConfirmDialog
        opened={dialog?.kind === 'delete'}
        title={dialog?.kind === 'delete' ? t('cycles.deleteTitle', { name: dialog.cycle.name }) : ''}
        confirmLabel={t('cycles.delete')}
        onConfirm={async () => {
          if (dialog?.kind !== 'delete') return;
          const { cycle } = dialog;
          await api.delete(`/cycles/${cycle.id}`, cycle.version);
          notifyDone(t('cycles.deleted', { name: cycle.name }));
          await client.invalidateQueries({ queryKey: ['cycles', org.id] });
        }}
        onClose={() => setDialog(null)}
      >
        {t('cycles.deleteText')}
      </ConfirmDialog>
      {dialog?.kind === 'year' && <YearDialog org={org} cycles={cycles.data ?? []} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
