// Net confidence as one small figure, for the organisation home and the unit page, with a
// link to the full dashboard. Loaded on its own (React.lazy), texts and all.
// Below the home page's fold, it loads on demand: with the styles of its Mantine parts.
import '../../styles/mantine-pages.css';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { useSelectedCycle } from '../../app/cycle.ts';
import { FiguresAsOf } from '../../components/FiguresAsOf.tsx';
import { useFormat } from '../../format.ts';
import { formatNet } from './figures.ts';
import { useDashboardSummary } from './queries.ts';

export interface NetConfidenceFigureProps {
  orgId: string;
  unitId?: string;
  /** The unit's name, to say whose objectives are counted. */
  unitName?: string;
}

/** For the cycle selected in the URL (?cycle=), like the page around it. */
export default function NetConfidenceFigure({ orgId, unitId, unitName }: NetConfidenceFigureProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const { cycle, cycles } = useSelectedCycle(orgId);
  // Only the figure this card shows, not the whole dashboard behind the link.
  const summary = useDashboardSummary(orgId, cycle?.id, unitId);
  if (!cycle) return null;
  const cycleId = cycle.id;
  const headingId = unitId ? 'net-confidence-unit' : 'net-confidence';
  const objectives = summary.data?.objectives;
  const parent = cycles.find((c) => c.id === cycle.parentId);
  const link = `/orgs/${orgId}${unitId ? `/units/${unitId}` : ''}/dashboard?cycle=${encodeURIComponent(cycleId)}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="net-confidence">
      <Stack gap={4}>
        <Title order={2} size="h4" id={headingId}>
          {t('netConfidence.label')}
        </Title>
        {objectives && (
          <>
            <Group gap="sm" align="baseline">
              <Text fw={700} fz={32} lh={1} data-testid="net-confidence-value">
                {objectives.netConfidence === null
                  ? t('figures.nothing')
                  : formatNet(format.locale, objectives.netConfidence)}
              </Text>
              <Text size="sm" c="dimmed">
                {objectives.netConfidence === null ? t('netConfidence.none') : t('netConfidence.help')}
              </Text>
            </Group>
            {objectives.total > 0 && (
              <Text size="sm">
                {t('netConfidence.summary', {
                  count: objectives.total,
                  onTrack: objectives.byStatus.on_track,
                  atRisk: objectives.byStatus.at_risk,
                  offTrack: objectives.byStatus.off_track,
                })}
              </Text>
            )}
            {/* Which objectives the figure counts, so it never seems to contradict the page around it. */}
            <Text size="xs" c="dimmed" data-testid="net-confidence-scope">
              {unitId
                ? t('netConfidence.scopeUnit', { unit: unitName ?? '', cycle: cycle.name })
                : parent
                  ? t('netConfidence.scopeQuarter', { cycle: cycle.name, parent: parent.name })
                  : t('netConfidence.scopeOrg', { cycle: cycle.name })}
            </Text>
            {summary.data && <FiguresAsOf asOf={summary.data.asOf} receivedAt={summary.dataUpdatedAt} />}
          </>
        )}
        <Anchor component={Link} to={link} size="sm">
          {t('openDashboard')}
        </Anchor>
      </Stack>
    </Card>
  );
}
