// A key result's check-ins over time against its plan. The picture loads on demand; the
// figures are always there as a summary and a visually hidden table, one row per check-in.
import { Box, Group, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckIns } from '../../api/queries.ts';
import type { Cycle, KeyResult } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { ACTUAL_COLOUR, PLAN_COLOUR, history, planKind, plannedAt, type History } from './history.ts';

const HistoryChartSvg = lazy(() => import('./HistoryChartSvg.tsx'));

function Swatch({ colour, dashed }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="24" height="10" aria-hidden focusable="false">
      <line x1="0" y1="5" x2="24" y2="5" stroke={colour} strokeWidth="2" strokeDasharray={dashed ? '6 4' : undefined} />
      {!dashed && <circle cx="12" cy="5" r="3" fill={colour} />}
    </svg>
  );
}

function Legend({ actual, plan }: { actual: string; plan: string }) {
  return (
    <Group gap="md" mt={4} aria-hidden>
      <Group gap={6} wrap="nowrap">
        <Swatch colour={ACTUAL_COLOUR} />
        <Text size="xs">{actual}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Swatch colour={PLAN_COLOUR} dashed />
        <Text size="xs">{plan}</Text>
      </Group>
    </Group>
  );
}

/**
 * Stands where the figure will be, as tall as it will be drawn: a chart, its legend and a
 * line of caption when the key result has check-ins and a plan to draw, else the caption's
 * line alone. A shorter stand-in moved everything below it when the check-ins came.
 */
function Placeholder({ chart, legend }: { chart: boolean; legend: { actual: string; plan: string } }) {
  return (
    <Box aria-busy data-testid="history-chart-loading">
      {chart && (
        <>
          <Skeleton height={200} />
          <Legend {...legend} />
        </>
      )}
      <Skeleton mt={4}>
        <Text size="sm">&nbsp;</Text>
      </Skeleton>
    </Box>
  );
}

export function HistoryChart({ keyResult, cycle }: { keyResult: KeyResult; cycle: Cycle | undefined }) {
  const { t } = useTranslation('objective');
  const format = useFormat();
  const captionId = useId();
  const checkIns = useCheckIns(keyResult.id);
  const data = useMemo(
    () => (cycle && checkIns.data ? history(keyResult, cycle, checkIns.data) : undefined),
    [keyResult, cycle, checkIns.data],
  );
  const name = t('chart.name', { title: keyResult.title });
  const unit = keyResult.unit ? ` ${keyResult.unit}` : '';
  const kind = planKind(keyResult.metric);
  const planLabel = kind === 'level' ? t('chart.level') : t('chart.plan');
  // A milestone is done or not; its figures say so in words, and a line adds nothing.
  const valueText = (value: number) =>
    kind === 'none'
      ? value >= keyResult.target
        ? t('keyResult.milestoneDone')
        : t('keyResult.milestoneNotDone')
      : format.number(value) + unit;
  const shortDate = (ms: number) =>
    new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(ms);

  const legend = { actual: t('chart.actual'), plan: planLabel };
  if (!data) return <Placeholder chart={keyResult.lastCheckInAt !== null && kind !== 'none'} legend={legend} />;
  const summary = (latest: History['actual'][number]) => {
    const value = valueText(latest.value);
    const date = format.date(latest.checkIn.createdAt);
    if (kind === 'none') return t('chart.summaryNoPlan', { value, date });
    if (kind === 'level') return t('chart.summaryLevel', { value, date, level: valueText(keyResult.target) });
    // The plan is a line, not a count: one decimal is enough.
    const planned = valueText(Math.round(plannedAt(keyResult, data, latest.t) * 10) / 10);
    return t('chart.summary', { value, date, planned });
  };

  const latest = data.actual.at(-1);
  return (
    <Box component="figure" m={0} aria-labelledby={captionId} data-testid="history-chart">
      {latest && kind !== 'none' ? (
        <>
          <Box aria-hidden>
            <Suspense fallback={<Skeleton height={200} />}>
              <HistoryChartSvg
                data={data}
                formatDate={shortDate}
                formatValue={format.number}
                labels={{ plan: planLabel, actual: t('chart.actual') }}
              />
            </Suspense>
          </Box>
          <Legend {...legend} />
        </>
      ) : null}
      <Text component="figcaption" size="sm" c="dimmed" mt={4}>
        <VisuallyHidden id={captionId}>{name}. </VisuallyHidden>
        {!latest ? (
          t('chart.none')
        ) : kind === 'none' ? (
          // The key result's own line says this already; the figure keeps it for screen readers.
          <VisuallyHidden>{summary(latest)}</VisuallyHidden>
        ) : (
          summary(latest)
        )}
      </Text>
      {latest && (
        <VisuallyHidden>
          <table>
            <caption>{name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.date')}</th>
                <th scope="col">{t('chart.value')}</th>
                <th scope="col">{t('chart.confidence')}</th>
                <th scope="col">{t('chart.note')}</th>
              </tr>
            </thead>
            <tbody>
              {data.actual.map((point) => (
                <tr key={point.checkIn.id} data-testid="history-point">
                  <td>{format.dateTime(point.checkIn.createdAt)}</td>
                  <td>{valueText(point.value)}</td>
                  <td>{point.checkIn.confidence}/10</td>
                  <td>{point.checkIn.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      )}
    </Box>
  );
}
