// The unit page's coach corner: alignment health of the unit and the coach's first pieces
// of advice about the unit itself, with a link to the full list. A chunk of its own,
// loaded with the page. It asks only for what it shows: the unit's own advice (not that of
// every team beneath a division), the first few pieces and how many there are.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { useSelectedCycle } from '../../app/cycle.ts';
import { QueryState } from '../../components/QueryState.tsx';
import AlignmentHealthPanel from './AlignmentHealthPanel.tsx';
import { AdviceList } from './AdviceList.tsx';
import { unitCoachFilters, useCoachAdvice } from './queries.ts';

export interface UnitCoachProps {
  orgId: string;
  unitId: string;
  /** The unit has units beneath it: the link leads to their advice too. */
  hasSubunits?: boolean;
}

export default function UnitCoach({ orgId, unitId, hasSubunits = false }: UnitCoachProps) {
  const { t } = useTranslation('coach');
  const { cycle } = useSelectedCycle(orgId);
  const advice = useCoachAdvice(orgId, unitCoachFilters(cycle?.id, unitId));
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
          {(data) => {
            const total = data.total ?? data.items.length;
            return (
              <>
                {total === 0 ? (
                  <Text c="dimmed">{t(data.cycleClosed ? 'unit.closed' : 'unit.none')}</Text>
                ) : (
                  <AdviceList items={data.items} />
                )}
                {hasSubunits ? (
                  <Anchor component={Link} to={full} size="sm">
                    {t('unit.moreBeneath')}
                  </Anchor>
                ) : (
                  total > 0 && (
                    <Anchor component={Link} to={full} size="sm">
                      {t('unit.more', { count: total })}
                    </Anchor>
                  )
                )}
              </>
            );
          }}
        </QueryState>
      </Stack>
    </Stack>
  );
}
