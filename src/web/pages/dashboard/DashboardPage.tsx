// A cycle's dashboard: for the organisation at /orgs/:orgId/dashboard, for a unit (with
// the units beneath it) at /orgs/:orgId/units/:unitId/dashboard. Follows the cycle
// switcher (?cycle=). Every figure is text first; the charts load on demand.
import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPresentation } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { DistributionSection, StatusSection, TrendSection } from './ChartSections.tsx';
import { AlignmentCoverage, KeyFigures } from './KeyFigures.tsx';
import { OverdueList } from './OverdueList.tsx';
import { useDashboard, useDashboardUnit } from './queries.ts';
import { ThemeBreakdown, UnitBreakdown } from './Breakdowns.tsx';

export default function DashboardPage() {
  const { orgId = '', unitId } = useParams();
  const { t } = useTranslation('dashboard');
  const { cycle, cycles, isLoading } = useSelectedCycle(orgId);
  const unit = useDashboardUnit(unitId);
  const dashboard = useDashboard(orgId, cycle?.id, unitId);
  const parent = cycles.find((c) => c.id === cycle?.parentId);
  // The figures count the cycle's own objectives; the year's organisation objectives count
  // in the year (as the home page's net confidence says), so the intro names the cycle alone.
  const cycleName = cycle?.name ?? '';
  const unitName = unitId ? unit.data?.name : undefined;
  const withCycle = (path: string) => (cycle ? `${path}?cycle=${encodeURIComponent(cycle.id)}` : path);

  return (
    <Stack gap="lg">
      {unitId && (
        <Anchor component={Link} to={withCycle(`/orgs/${orgId}/units/${unitId}`)} size="sm">
          <IconArrowLeft size={14} aria-hidden /> {t('backToUnit', { unit: unitName ?? '' })}
        </Anchor>
      )}
      <Stack gap={4}>
        <Group justify="space-between" align="center">
          <Title order={1}>{unitId ? t('unitTitle', { unit: unitName ?? '' }) : t('title')}</Title>
          {cycle && (
            <Button
              component={Link}
              to={withCycle(unitId ? `/orgs/${orgId}/units/${unitId}/review` : `/orgs/${orgId}/review`)}
              variant="light"
              leftSection={<IconPresentation size={16} aria-hidden />}
            >
              {t('review')}
            </Button>
          )}
        </Group>
        {cycle && (
          <Text c="dimmed">
            {unitId ? t('unitIntro', { cycle: cycleName, unit: unitName ?? '' }) : t('intro', { cycle: cycleName })}
            {!unitId && parent && ` ${t('introYear', { parent: parent.name })}`}
          </Text>
        )}
      </Stack>
      {!cycle && !isLoading ? (
        <Text c="dimmed">{t('noCycle')}</Text>
      ) : (
        <QueryState query={dashboard}>
          {(data) => <DashboardBody orgId={orgId} data={data} unitName={unitName} withCycle={withCycle} />}
        </QueryState>
      )}
    </Stack>
  );
}

function DashboardBody({
  orgId,
  data,
  unitName,
  withCycle,
}: {
  orgId: string;
  data: Dashboard;
  unitName: string | undefined;
  withCycle: (path: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <Stack gap="lg" data-testid="dashboard">
      <KeyFigures data={data} />
      <Text size="xs" c="dimmed">
        {t('readable')}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <StatusSection data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <DistributionSection data={data} />
        </Grid.Col>
      </Grid>
      <TrendSection data={data} />
      <ThemeBreakdown themes={data.themes} />
      <UnitBreakdown orgId={orgId} units={data.units} unitName={unitName} withCycle={withCycle} />
      <OverdueList orgId={orgId} data={data.checkIns} withCycle={withCycle} />
      <Stack gap="xs" component="section" aria-labelledby="dashboard-alignment">
        <Title order={2} size="h3" id="dashboard-alignment">
          {t('alignment.title')}
        </Title>
        <AlignmentCoverage data={data.alignment} />
      </Stack>
    </Stack>
  );
}
