// The unit page's coach corner: alignment health of the unit and the coach's first pieces
// of advice for it, with a link to the full list. A chunk of its own, loaded with the page.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSelectedCycle } from '../../app/cycle.ts';
import { QueryState } from '../../components/QueryState.tsx';
import AlignmentHealthPanel from './AlignmentHealthPanel.tsx';
import { AdviceList } from './AdviceList.tsx';
import { useCoachAdvice } from './queries.ts';

const SHOWN = 3;

export default function UnitCoach({ orgId, unitId }: { orgId: string; unitId: string }) {
  const { t } = useTranslation('coach');
  const { cycle } = useSelectedCycle(orgId);
  const advice = useCoachAdvice(orgId, { cycleId: cycle?.id, unitId });
  if (!cycle) return null;
  const full = `/orgs/${orgId}/coach?cycle=${cycle.id}&unit=${unitId}`;
  return (
    <Stack gap="lg">
      <AlignmentHealthPanel orgId={orgId} cycleId={cycle.id} cycleName={cycle.name} unitId={unitId} />
      <Stack gap="xs" component="section" aria-labelledby="unit-coach">
        <Title order={2} size="h3" id="unit-coach">
          {t('unit.title')}
        </Title>
        <QueryState query={advice}>
          {(data) =>
            data.items.length === 0 ? (
              <Text c="dimmed">{t('unit.none')}</Text>
            ) : (
              <>
                <AdviceList items={data.items.slice(0, SHOWN)} />
                <Anchor component={Link} to={full} size="sm">
                  {t('unit.more', { count: data.items.length })}
                </Anchor>
              </>
            )
          }
        </QueryState>
      </Stack>
    </Stack>
  );
}
