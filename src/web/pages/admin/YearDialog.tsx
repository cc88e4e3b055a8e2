import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../../../core/domain.ts';
import { CREATABLE_CYCLE_STATUSES } from '../../../core/cycle-lifecycle.ts';
import { api } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Cycle, Org, YearAnswer } from '../../api/types.ts';
import { problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { notifyDone } from './shared.tsx';
import { planYear, proposeYear, yearGaps } from './year-plan.ts';

/** Creates a year and its quarters in one go: the usual rhythm of OKRs. */
export function YearDialog({ org, cycles, onClose }: { org: Org; cycles: Cycle[]; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const startMonth = org.settings.fiscalYearStartMonth ?? 1;
  // The earliest year that lacks quarters, else the next one.
  const [year, setYear] = useState<number>(() =>
    proposeYear(cycles, startMonth, new Date().toISOString().slice(0, 10)),
  );
  const [status, setStatus] = useState<CycleStatus>('planning');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = Number.isInteger(year) && year >= 1000 && year <= 2998;
  const plan = valid ? planYear(year, startMonth, (number, y) => t('cycles.quarter', { number, year: y })) : null;
  const month = new Intl.DateTimeFormat(format.locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, startMonth - 1, 1)),
  );

  // The year and its quarters as the server will match them: by dates.
  const { existing, missing } = plan ? yearGaps(cycles, plan) : { existing: undefined, missing: [] };
  const complete = !!existing && missing.length === 0;
  const toCreate = plan ? [...(existing ? [] : [plan.year]), ...missing] : [];

  const create = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      // One request, one transaction: the year and the quarters it lacks, or nothing.
      const answer = await api.post<YearAnswer>(`/orgs/${org.id}/cycles/years`, {
        ...plan.year,
        status,
        quarters: plan.quarters,
      });
      const added = answer.created.filter((c) => c.id !== answer.year.id).map((c) => c.name);
      notifyDone(
        answer.created.some((c) => c.id === answer.year.id)
          ? t('cycles.yearCreated', { name: answer.year.name })
          : t('cycles.yearCompleted', { name: answer.year.name, added: added.join(', ') }),
      );
      onClose();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
      await Promise.all([client.invalidateQueries({ queryKey: ['cycles', org.id] }), invalidateOkrs(client)]);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('cycles.yearTitle')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('cycles.yearIntro', { month })}
        </Text>
        {existing && (
          <Alert color={complete ? 'yellow' : 'blue'} data-testid="year-exists">
            {complete
              ? t('cycles.yearComplete', { name: existing.name })
              : t('cycles.yearIntroExisting', { name: existing.name, count: missing.length })}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={t('cycles.year')}
            value={year}
            onChange={(value) => setYear(typeof value === 'number' ? value : Number(value))}
            min={1000}
            max={2998}
            allowDecimal={false}
            thousandSeparator={false}
            data-autofocus
            error={valid ? null : t('cycles.yearInvalid')}
          />
          <Select
            label={t('cycles.status')}
            data={CREATABLE_CYCLE_STATUSES.map((s) => ({ value: s, label: t(`cycles.statuses.${s}`) }))}
            value={status}
            onChange={(value) => value && setStatus(value as CycleStatus)}
            allowDeselect={false}
          />
        </Group>
        {toCreate.length > 0 && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('cycles.yearPreview', { count: toCreate.length })}
            </Text>
            <List size="sm" spacing={2} data-testid="year-preview">
              {toCreate.map((c) => (
                <List.Item key={c.name} ml={!existing && c !== plan?.year ? 'md' : 0}>
                  {c.name}: {t('cycles.dates', { start: format.date(c.startsOn), end: format.date(c.endsOn) })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => void create()} loading={busy} disabled={!plan || complete}>
            {t('common:actions.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
