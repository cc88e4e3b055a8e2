import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useKeyResults, useObjectives } from '../../api/queries.ts';
import type { Cycle, Member } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { PersonObjectives } from '../../components/PersonObjectives.tsx';
import { QueryState } from '../../components/QueryState.tsx';

/** Someone's OKRs, as anyone in the organisation may read them (one's own are My OKRs). */
export default function PersonPage() {
  const { orgId = '', accountId = '' } = useParams();
  const member = useQuery({
    queryKey: ['member', orgId, accountId],
    queryFn: ({ signal }) => api.get<Member>(`/orgs/${orgId}/members/${accountId}`, signal),
  });
  return (
    <QueryState query={member} page>
      {(person) => <PersonOkrs orgId={orgId} person={person} />}
    </QueryState>
  );
}

function PersonOkrs({ orgId, person }: { orgId: string; person: Member }) {
  const { t } = useTranslation('people');
  const { cycle, isLoading } = useSelectedCycle(orgId);
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{person.name}</Title>
        <Text c="dimmed">{t('intro', { name: person.name })}</Text>
      </Stack>
      {cycle ? (
        <CycleOkrs orgId={orgId} personId={person.accountId} cycle={cycle} />
      ) : (
        !isLoading && <Text c="dimmed">{t('noCycle')}</Text>
      )}
    </Stack>
  );
}

function CycleOkrs({ orgId, personId, cycle }: { orgId: string; personId: string; cycle: Cycle }) {
  const { t } = useTranslation('people');
  const objectives = useObjectives(orgId, { cycleId: cycle.id, level: 'person', personId });
  const keyResults = useKeyResults(orgId, { ownerId: personId, cycleId: cycle.id });
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('cycleIntro', { cycle: cycle.name })}
      </Text>
      <Stack gap="sm" component="section" aria-labelledby="person-objectives">
        <Title order={2} id="person-objectives">
          {t('objectives.title')}
        </Title>
        <QueryState query={objectives}>
          {(items) => <PersonObjectives objectives={items} none={t('objectives.none')} />}
        </QueryState>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="person-key-results">
        <Title order={2} id="person-key-results">
          {t('keyResults.title')}
        </Title>
        <QueryState query={keyResults}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t('keyResults.none')}</Text>
            ) : (
              <Stack gap="xs">
                {items.map((kr) => (
                  <Card key={kr.id} withBorder padding="sm">
                    <Anchor component={Link} to={`/orgs/${orgId}/objectives/${kr.objectiveId}#kr-${kr.id}`} fw={500}>
                      {kr.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('keyResults.objective', { title: kr.objectiveTitle })}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
