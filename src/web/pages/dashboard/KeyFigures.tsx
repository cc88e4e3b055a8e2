// The dashboard's headline figures, as text: net confidence, objectives on track, average
// against expected progress, check-in participation, overdue check-ins, alignment coverage.
import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { formatNet } from './figures.ts';

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  testId: string;
}) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fw={700} fz={28} lh={1.1} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {detail && <Text size="sm">{detail}</Text>}
      </Stack>
    </Card>
  );
}

export function KeyFigures({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const { objectives, checkIns } = data;
  const none = t('figures.nothing');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
      <Figure
        testId="figure-net-confidence"
        label={t('netConfidence.label')}
        value={objectives.netConfidence === null ? none : formatNet(format.locale, objectives.netConfidence)}
        detail={objectives.netConfidence === null ? t('netConfidence.none') : t('netConfidence.help')}
      />
      <Figure
        testId="figure-on-track"
        label={t('figures.onTrack')}
        value={
          objectives.total === 0
            ? none
            : t('figures.ofTotal', { count: objectives.byStatus.on_track, total: objectives.total })
        }
      />
      <Figure
        testId="figure-progress"
        label={t('figures.progress')}
        value={objectives.averageProgress === null ? none : format.percent(objectives.averageProgress)}
        detail={t('figures.progressVsExpected', { expected: format.percent(data.expectedProgress) })}
      />
      <Figure
        testId="figure-participation"
        label={t('figures.participation')}
        value={checkIns.participation === null ? none : format.percent(checkIns.participation)}
        detail={
          checkIns.tracking
            ? t('figures.participationDetail', { count: checkIns.ownersUpToDate, total: checkIns.owners })
            : t('figures.notTracking')
        }
      />
      <Figure
        testId="figure-overdue"
        label={t('figures.overdue')}
        value={checkIns.tracking ? format.number(checkIns.overdue) : none}
        detail={checkIns.tracking ? t('figures.overdueDetail', { count: checkIns.overdue }) : undefined}
      />
    </SimpleGrid>
  );
}

export function AlignmentCoverage({ data }: { data: Dashboard['alignment'] }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const ratio = (count: number, total: number, share: number | null) =>
    share === null ? t('alignment.nothing') : t('alignment.share', { count, total, share: format.percent(share) });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Figure
        testId="figure-unit-alignment"
        label={t('alignment.unitObjectives')}
        value={ratio(data.supportingOrganization, data.unitObjectives, data.unitShare)}
      />
      <Figure
        testId="figure-org-alignment"
        label={t('alignment.organizationObjectives')}
        value={ratio(data.supportedOrganization, data.organizationObjectives, data.organizationShare)}
      />
      {data.servingThemeOnly > 0 && (
        <Figure
          testId="figure-theme-alignment"
          label={t('alignment.servingThemeOnly')}
          value={t('alignment.ofTotal', { count: data.servingThemeOnly, total: data.unitObjectives })}
        />
      )}
    </SimpleGrid>
  );
}
