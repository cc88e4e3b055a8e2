// Carrying an unfinished objective over to another cycle, and the links between an
// objective and the one it continues or that continues it.
import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowForwardUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { api } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Cycle, Objective } from '../../api/types.ts';
import { problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { notify } from '../objective/notify.ts';

/** Cycles it may go to: open ones other than its own, those after its own first. */
export function carryTargets(cycles: Cycle[], objective: Objective): Cycle[] {
  const own = cycles.find((c) => c.id === objective.cycleId);
  const taken = new Set(objective.carriedTo.map((c) => c.cycleId));
  const after = (c: Cycle) => (own && c.startsOn > own.endsOn ? 0 : 1);
  return cycles
    .filter((c) => c.status !== 'closed' && c.id !== objective.cycleId && !taken.has(c.id))
    .sort((a, b) => after(a) - after(b) || a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn));
}

export function CarryOverButton({
  orgId,
  objective,
  cycles,
}: {
  orgId: string;
  objective: Objective;
  cycles: Cycle[];
}) {
  const { t } = useTranslation('closing');
  const format = useFormat();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [opened, { open, close }] = useDisclosure(false);
  const targets = useMemo(() => carryTargets(cycles, objective), [cycles, objective]);
  const [cycleId, setCycleId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!objective.abilities['objective.carryOver'] || objective.progress >= 1) return null;
  const chosen = cycleId ?? targets[0]?.id ?? null;

  const carry = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Objective>(`/objectives/${objective.id}/carry-over`, { cycleId: chosen });
      notify(t('carry.done', { cycle: targets.find((c) => c.id === chosen)?.name ?? '' }));
      close();
      await invalidateOkrs(client);
      const params = new URLSearchParams(search);
      params.set('cycle', chosen);
      await navigate(`/orgs/${orgId}/objectives/${created.id}?${params.toString()}`);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="light" onClick={open} leftSection={<IconArrowForwardUp size={16} aria-hidden />}>
        {t('carry.action')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('carry.title')}>
        <Stack>
          <Text size="sm">{t('carry.text', { progress: format.percent(objective.progress) })}</Text>
          {targets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('carry.noCycles')}
            </Text>
          ) : (
            <Select
              label={t('carry.cycle')}
              data={targets.map((c) => ({
                value: c.id,
                label: `${c.name} (${format.date(c.startsOn)} – ${format.date(c.endsOn)})`,
              }))}
              value={chosen}
              onChange={setCycleId}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('score.cancel')}
            </Button>
            <Button onClick={() => void carry()} loading={busy} disabled={!chosen}>
              {t('carry.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** "Continues … from Q3" and "Carried over to Q4: …", as links. */
export function CarryLinks({ orgId, objective }: { orgId: string; objective: Objective }) {
  const { t } = useTranslation('closing');
  const { search } = useLocation();
  const link = (id: string, cycleId: string, text: string) => {
    const params = new URLSearchParams(search);
    params.set('cycle', cycleId);
    return (
      <Anchor component={Link} to={`/orgs/${orgId}/objectives/${id}?${params.toString()}`} size="sm">
        {text}
      </Anchor>
    );
  };
  const from = objective.carriedFrom;
  if (!from && objective.carriedTo.length === 0) return null;
  return (
    <Stack gap={2} data-testid="carry-links">
      {from && link(from.id, from.cycleId, t('carry.from', { title: from.title, cycle: from.cycleName }))}
      {objective.carriedTo.map((to) => (
        <span key={to.id}>{link(to.id, to.cycleId, t('carry.to', { title: to.title, cycle: to.cycleName }))}</span>
      ))}
    </Stack>
  );
}
