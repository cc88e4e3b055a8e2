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

interface Planned {
  name: string;
  startsOn: string;
  endsOn: string;
}

const isoDay = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/**
 * A year that starts in the fiscal month, and its four quarters. A year that does not
 * start in January spans two calendar years and is named for both ("2026/27").
 */
export function planYear(
  year: number,
  startMonth: number,
  quarterName: (n: number, year: string) => string,
): { year: Planned; quarters: Planned[] } {
  const first = startMonth - 1;
  const name = first === 0 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  const span = (fromMonth: number, months: number): Omit<Planned, 'name'> => ({
    startsOn: isoDay(year, first + fromMonth, 1),
    // Day 0 of the next month is the last day of this one.
    endsOn: isoDay(year, first + fromMonth + months, 0),
  });
  return {
    year: { name, ...span(0, 12) },
    quarters: [0, 1, 2, 3].map((q) => ({ name: quarterName(q + 1, name), ...span(q * 3, 3) })),
  };
}

/** Creates a year and its quarters in one go: the usual rhythm of OKRs. */
export function YearDialog({ org, cycles, onClose }: { org: Org; cycles: Cycle[]; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const startMonth = org.settings.fiscalYearStartMonth ?? 1;
  const latest = Math.max(
    new Date().getFullYear() - 1,
    ...cycles.filter((c) => c.parentId === null).map((c) => Number(c.startsOn.slice(0, 4))),
  );
  const [year, setYear] = useState<number>(latest + 1);
  const [status, setStatus] = useState<CycleStatus>('planning');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = Number.isInteger(year) && year >= 1000 && year <= 2998;
  const plan = valid ? planYear(year, startMonth, (number, y) => t('cycles.quarter', { number, year: y })) : null;
  const month = new Intl.DateTimeFormat(format.locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, startMonth - 1, 1)),
  );

  // The year as the server will match it: a top-level cycle with the same dates.
  const existing = plan
    ? cycles.find((c) => c.parentId === null && c.startsOn === plan.year.startsOn && c.endsOn === plan.year.endsOn)
    : undefined;

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
          <Alert color="blue" data-testid="year-exists">
            {t('cycles.yearIntroExisting', { name: existing.name })}
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
        {plan && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('cycles.yearPreview')}
            </Text>
            <List size="sm" spacing={2}>
              {[plan.year, ...plan.quarters].map((c, i) => (
                <List.Item key={c.name} ml={i === 0 ? 0 : 'md'}>
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
          <Button onClick={() => void create()} loading={busy} disabled={!plan}>
            {t('common:actions.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
