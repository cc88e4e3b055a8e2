import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlant2, IconPlus } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { useKeyResults, useMe, useObjectives, useOrg, useOrgActivities } from '../../api/queries.ts';
import type { Cycle, Org } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { PersonObjectives } from '../../components/PersonObjectives.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { MyActivities } from './MyActivities.tsx';
import { MyKeyResults } from './MyKeyResults.tsx';

/** A person's own OKRs: their objectives, the key results they own, their activities. */
export default function MyOkrsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation('my');
  const org = useOrg(orgId);
  const me = useMe();
  const { cycle, cycles, isLoading } = useSelectedCycle(orgId);

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('intro')}</Text>
      </Stack>
      <QueryState query={org}>
        {(data) =>
          me.data && cycle ? (
            <MyOkrs org={data} meId={me.data.id} cycle={cycle} parent={cycles.find((c) => c.id === cycle.parentId)} />
          ) : isLoading ? null : (
            <Text c="dimmed">{t('noCycle')}</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}

function MyOkrs({ org, meId, cycle, parent }: { org: Org; meId: string; cycle: Cycle; parent: Cycle | undefined }) {
  const { t } = useTranslation('my');
  // Individual OKRs are often set for a quarter, a development plan for the year: a
  // quarter shows the year's too, as the organisation's page does.
  const own = useObjectives(org.id, { cycleId: cycle.id, level: 'person', personId: meId });
  const yearly = useObjectives(org.id, { cycleId: parent?.id, level: 'person', personId: meId }, !!parent);
  const ownKrs = useKeyResults(org.id, { ownerId: meId, cycleId: cycle.id });
  const yearlyKrs = useKeyResults(org.id, { ownerId: meId, cycleId: parent?.id }, !!parent);
  const activities = useOrgActivities(org.id, { ownerId: meId });

  const objectives = [...(yearly.data ?? []), ...(own.data ?? [])];
  const keyResults = [...(ownKrs.data ?? []), ...(yearlyKrs.data ?? [])];
  const dueCount = keyResults.filter((kr) => kr.due).length;
  const loaded = own.isSuccess && ownKrs.isSuccess && (!parent || (yearly.isSuccess && yearlyKrs.isSuccess));
  const empty = loaded && objectives.length === 0 && keyResults.length === 0;
  const cycleName = parent ? `${parent.name} / ${cycle.name}` : cycle.name;
  const mayCreate = org.abilities['objective.createOwn'] === true;
  const newPath = (kind?: 'development') =>
    `/orgs/${org.id}/objectives/new?level=person&personId=${meId}&cycle=${cycle.id}${kind ? `&kind=${kind}` : ''}`;

  const createButtons = mayCreate && (
    <Group gap="xs">
      <Button
        component={Link}
        to={newPath()}
        leftSection={<IconPlus size={16} aria-hidden />}
        // The empty state has nothing else to do: there the first step is the main button.
        variant={empty ? 'filled' : 'light'}
      >
        {t('newObjective')}
      </Button>
      <Button
        component={Link}
        to={newPath('development')}
        leftSection={<IconPlant2 size={16} aria-hidden />}
        variant="light"
        color="grape"
      >
        {t('newDevelopment')}
      </Button>
    </Group>
  );

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('cycleIntro', { cycle: cycleName })}
          </Text>
          {dueCount > 0 && (
            <Anchor href="#check-ins-due" size="sm" fw={500}>
              {t('dueSummary', { count: dueCount })}
            </Anchor>
          )}
        </Stack>
        {!empty && createButtons}
      </Group>
      {empty && (
        <Card withBorder padding="lg" bg="var(--mantine-color-gray-0)" data-testid="my-okrs-empty">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('empty.title')}
            </Title>
            <Text maw={680}>{t('empty.body')}</Text>
            <Group gap="sm">
              <Anchor component={Link} to={`/orgs/${org.id}/units?cycle=${cycle.id}`}>
                {t('empty.teams')}
              </Anchor>
            </Group>
            {createButtons}
          </Stack>
        </Card>
      )}
      {!empty && (
        <>
          <Stack gap="sm" component="section" aria-labelledby="my-objectives">
            <Title order={2} id="my-objectives">
              {t('objectives.title')}
            </Title>
            <QueryState query={own}>
              {() => <PersonObjectives objectives={objectives} none={t('objectives.none')} />}
            </QueryState>
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="my-key-results">
            <Stack gap={2}>
              <Title order={2} id="my-key-results">
                {t('keyResults.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('keyResults.cadence', { count: org.settings.checkInCadenceDays ?? 7 })}
              </Text>
            </Stack>
            <QueryState query={ownKrs}>{() => <MyKeyResults keyResults={keyResults} />}</QueryState>
          </Stack>
        </>
      )}
      <Stack gap="sm" component="section" aria-labelledby="my-activities">
        <Stack gap={2}>
          <Title order={2} id="my-activities">
            {t('activities.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('activities.intro')}
          </Text>
        </Stack>
        <QueryState query={activities}>{(items) => <MyActivities activities={items} />}</QueryState>
      </Stack>
    </Stack>
  );
}
