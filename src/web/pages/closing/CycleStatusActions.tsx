// The moves of a cycle's life, for admins: activate a planned cycle, close an active one
// (after saying what closing does), reopen a closed one. The server decides what is allowed;
// the buttons offer only the moves core/cycle-lifecycle.ts lists.
import { Button, Group } from '@mantine/core';
import { IconLock, IconLockOpen, IconPlayerPlay, IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextCycleStatuses } from '../../../core/cycle-lifecycle.ts';
import { api, request } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { ClosedCycle, Cycle, CycleDetail } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormat } from '../../format.ts';
import { notifyDone, notifyError } from '../admin/shared.tsx';

export function CycleStatusActions({ orgId, cycle }: { orgId: string; cycle: Cycle }) {
  const { t } = useTranslation('closing');
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<'close' | 'reopen' | null>(null);
  // Closing early deserves a warning: before the start nobody could work on the OKRs at all.
  const [early, setEarly] = useState<'beforeStart' | 'beforeEnd' | null>(null);
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const next = nextCycleStatuses(cycle.status);
  const name = cycle.name;

  // The status decides who may still change the cycle's OKRs: everything shown may differ.
  const refresh = () =>
    Promise.all([client.invalidateQueries({ queryKey: ['cycles', orgId] }), invalidateOkrs(client)]);

  const patch = async (status: 'active' | 'planning') => {
    setBusy(true);
    try {
      await api.patch<CycleDetail>(`/cycles/${cycle.id}`, cycle.version, { status });
      notifyDone(t(status === 'active' ? 'cycle.activated' : 'cycle.planned', { name }));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const close = async () => {
    const closed = await request<ClosedCycle>('POST', `/cycles/${cycle.id}/close`, { version: cycle.version });
    notifyDone(t('cycle.closed', { name, ...closed.scored }));
    await refresh();
  };
  const reopen = async () => {
    await request<CycleDetail>('POST', `/cycles/${cycle.id}/reopen`, { version: cycle.version });
    notifyDone(t('cycle.reopened', { name }));
    await refresh();
  };

  return (
    <Group gap="xs" wrap="wrap">
      {cycle.status === 'planning' && next.includes('active') && (
        <Button
          size="xs"
          variant="light"
          loading={busy}
          leftSection={<IconPlayerPlay size={14} aria-hidden />}
          aria-label={t('cycle.activateLabel', { name })}
          onClick={() => void patch('active')}
        >
          {t('cycle.activate')}
        </Button>
      )}
      {cycle.status === 'active' && next.includes('planning') && (
        <Button
          size="xs"
          variant="subtle"
          loading={busy}
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          aria-label={t('cycle.backToPlanningLabel', { name })}
          onClick={() => void patch('planning')}
        >
          {t('cycle.backToPlanning')}
        </Button>
      )}
      {next.includes('closed') && (
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconLock size={14} aria-hidden />}
          aria-label={t('cycle.closeLabel', { name })}
          onClick={() => {
            const today = new Date().toISOString().slice(0, 10);
            setEarly(today < cycle.startsOn ? 'beforeStart' : today < cycle.endsOn ? 'beforeEnd' : null);
            setConfirming('close');
          }}
        >
          {t('cycle.close')}
        </Button>
      )}
      {cycle.status === 'closed' && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconLockOpen size={14} aria-hidden />}
          aria-label={t('cycle.reopenLabel', { name })}
          onClick={() => setConfirming('reopen')}
        >
          {t('cycle.reopen')}
        </Button>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={t(confirming === 'reopen' ? 'cycle.reopenTitle' : 'cycle.closeTitle', { name })}
        confirmLabel={t(confirming === 'reopen' ? 'cycle.reopen' : 'cycle.close')}
        onConfirm={confirming === 'reopen' ? reopen : close}
        onClose={() => setConfirming(null)}
      >
        {confirming === 'close' && early && (
          <strong data-testid="close-early">
            {t(early === 'beforeStart' ? 'cycle.closeBeforeStart' : 'cycle.closeBeforeEnd', {
              name,
              start: format.date(cycle.startsOn),
              end: format.date(cycle.endsOn),
            })}{' '}
          </strong>
        )}
        {t(confirming === 'reopen' ? 'cycle.reopenText' : 'cycle.closeText')}
      </ConfirmDialog>
    </Group>
  );
}
