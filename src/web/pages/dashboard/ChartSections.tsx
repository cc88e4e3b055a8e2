// The dashboard's charts, each a figure whose numbers are also there as text: a summary
// a sighted reader sees, and a table (visible where it is short, else for screen readers).
// The pictures load on demand.
import { Box, Card, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../core/domain.ts';
import type { Dashboard } from '../../api/types.ts';
import { useFormat } from '../../format.ts';

const charts = () => import('./DashboardCharts.tsx');
const StatusChart = lazy(() => charts().then((m) => ({ default: m.StatusChart })));
const DistributionChart = lazy(() => charts().then((m) => ({ default: m.DistributionChart })));
const TrendChart = lazy(() => charts().then((m) => ({ default: m.TrendChart })));

function ChartCard({
  id,
  title,
  intro,
  picture,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  picture: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id} data-testid={id}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <Box component="figure" m={0} aria-labelledby={id}>
          {picture && (
            <Box aria-hidden data-testid="chart">
              <Suspense fallback={<Skeleton height={220} />}>{picture}</Suspense>
            </Box>
          )}
          {children}
        </Box>
      </Stack>
    </Card>
  );
}

export function StatusSection({ data }: { data: Dashboard }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const status = Object.fromEntries(STATUSES.map((s) => [s, t(`common:status.${s}`)])) as Record<
    (typeof STATUSES)[number],
    string
  >;
  const empty = data.objectives.total === 0 && data.keyResults.total === 0;
  return (
    <ChartCard
      id="dashboard-status"
      title={t('status.title')}
      intro={t('status.intro')}
      picture={
        empty ? null : (
          <StatusChart
            objectives={data.objectives.byStatus}
            keyResults={data.keyResults.byStatus}
            labels={{ status, objectives: t('status.objectives'), keyResults: t('status.keyResults') }}
          />
        )
      }
    >
      <Table striped fz="sm" horizontalSpacing="xs">
        <Table.Caption>{t('status.chartName')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('status.title')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('status.objectives')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('status.keyResults')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {STATUSES.map((s) => (
            <Table.Tr key={s}>
              <Table.Th scope="row" fw={400}>
                {status[s]}
              </Table.Th>
              <Table.Td ta="right">{data.objectives.byStatus[s]}</Table.Td>
              <Table.Td ta="right">{data.keyResults.byStatus[s]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.objectives.explicitStatus > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('status.explicit', { count: data.objectives.explicitStatus })}
        </Text>
      )}
    </ChartCard>
  );
}

export function DistributionSection({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const bands = data.progressDistribution.map((band) => ({
    label: t('distribution.range', { from: format.percent(band.from), to: format.percent(band.to) }),
    short: `${Math.round(band.from * 100)}`,
    count: band.count,
  }));
  const fullest = bands.reduce<(typeof bands)[number] | undefined>(
    (best, band) => (!best || band.count > best.count ? band : best),
    undefined,
  );
  return (
    <ChartCard
      id="dashboard-distribution"
      title={t('distribution.title')}
      intro={t('distribution.intro')}
      picture={
        data.objectives.total === 0 ? null : (
          <DistributionChart bands={bands.map((b) => ({ label: `${b.short} %`, count: b.count }))} />
        )
      }
    >
      <Text size="sm">
        {data.objectives.total === 0 || !fullest
          ? t('distribution.empty')
          : t('distribution.summary', {
              count: fullest.count,
              band: fullest.label,
              expected: format.percent(data.expectedProgress),
            })}
      </Text>
      {data.objectives.total > 0 && (
        <VisuallyHidden>
          <table>
            <caption>{t('distribution.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('distribution.band')}</th>
                <th scope="col">{t('distribution.count')}</th>
              </tr>
            </thead>
            <tbody>
              {bands.map((band) => (
                <tr key={band.label}>
                  <td>{band.label}</td>
                  <td>{band.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      )}
    </ChartCard>
  );
}

export function TrendSection({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const weeks = data.confidenceTrend;
  const total = weeks.reduce((sum, week) => sum + week.checkIns, 0);
  const latest = [...weeks].reverse().find((week) => week.averageConfidence !== null);
  return (
    <ChartCard
      id="dashboard-trend"
      title={t('trend.title')}
      intro={t('trend.intro')}
      picture={
        total === 0 ? null : (
          <TrendChart
            weeks={weeks.map((week) => ({ ...week, label: String(week.week) }))}
            labels={{ checkIns: t('trend.checkIns'), average: t('trend.average') }}
          />
        )
      }
    >
      <Text size="sm">
        {latest
          ? t('trend.summary', {
              count: total,
              week: latest.week,
              average: format.number(Math.round((latest.averageConfidence ?? 0) * 10) / 10),
            })
          : t('trend.empty')}
      </Text>
      {total > 0 && (
        <VisuallyHidden>
          <table>
            <caption>{t('trend.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trend.week')}</th>
                <th scope="col">{t('trend.checkIns')}</th>
                <th scope="col">{t('trend.average')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.week} data-testid="trend-week">
                  <td>{t('trend.weekOf', { week: week.week, date: format.date(week.startsOn) })}</td>
                  <td>{week.checkIns}</td>
                  <td>
                    {week.averageConfidence === null
                      ? '—'
                      : format.number(Math.round(week.averageConfidence * 10) / 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      )}
    </ChartCard>
  );
}
