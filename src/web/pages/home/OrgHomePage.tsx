import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { useObjectives, useOrg } from '../../api/queries.ts';
import type { Objective } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { LazyMarkdown } from '../../components/LazyMarkdown.tsx';
import { ObjectiveCard } from '../../components/ObjectiveCard.tsx';
import { OkrSheetMenu } from '../../components/OkrSheetMenu.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { WhenVisible } from '../../components/WhenVisible.tsx';
import classes from './OrgHomePage.module.css';
import { groupByTheme } from './theme-groups.ts';

// Below the objectives, out of sight when the page opens: their code, texts and data load
// when someone scrolls near them (WhenVisible), not with the page.
const AlignmentHealthPanel = lazy(() => import('../coach/AlignmentHealthPanel.tsx'));
const NetConfidenceFigure = lazy(() => import('../dashboard/NetConfidenceFigure.tsx'));
// For a new organisation's admins only, so its code loads only for them.
const FirstRunGuide = lazy(() => import('./FirstRunGuide.tsx'));
const ActivityFeed = lazy(() => import('../conversation/ActivityFeed.tsx').then((m) => ({ default: m.ActivityFeed })));

function ObjectiveColumns({ objectives }: { objectives: Objective[] }) {
  return (
    <div className={classes.columns}>
      {objectives.map((objective) => (
        <div key={objective.id}>
          <ObjectiveCard objective={objective} showOwner={false} />
        </div>
      ))}
    </div>
  );
}

/** Where the organisation is heading: vision, mission, strategy and its objectives, by strategy theme. */
export default function OrgHomePage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation('home');
  const org = useOrg(orgId);
  const { cycle, cycles, isLoading: cyclesLoading } = useSelectedCycle(orgId);
  // Organisation objectives are often set for the year while teams work in quarters:
  // a quarter shows the year's objectives too.
  const parent = cycles.find((c) => c.id === cycle?.parentId);
  const own = useObjectives(orgId, { cycleId: cycle?.id, level: 'organization' }, !!cycle);
  const yearly = useObjectives(orgId, { cycleId: parent?.id, level: 'organization' }, !!parent);
  const objectives: Objective[] = [...(yearly.data ?? []), ...(own.data ?? [])];
  // A new organisation's guide, for its admins: judged by its objectives once they are known.
  const objectivesKnown = !cyclesLoading && (!cycle || own.isSuccess) && (!parent || yearly.isSuccess);
  const looksNew = (org: { vision: string; strategy: string }) =>
    !org.vision.trim() || !org.strategy.trim() || objectives.length === 0;

  return (
    <QueryState query={org}>
      {(data) => (
        <Stack gap="lg">
          <Title order={1}>{data.name}</Title>
          {objectivesKnown && data.abilities['org.update'] && looksNew(data) && (
            <Suspense fallback={null}>
              <FirstRunGuide org={data} cycle={parent ?? cycle} objectiveCount={objectives.length} />
            </Suspense>
          )}
          <div className={classes.columns}>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('vision')}
              </Title>
              <Text>{data.vision || t('noVision')}</Text>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('mission')}
              </Title>
              <Text>{data.mission || '—'}</Text>
            </Card>
          </div>
          {data.strategy && (
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('strategy')}
              </Title>
              <LazyMarkdown>{data.strategy}</LazyMarkdown>
            </Card>
          )}
          <Group justify="space-between" align="flex-end">
            <Stack gap={4}>
              <Title order={2}>{t('objectivesTitle')}</Title>
              {cycle && (
                <Text c="dimmed" size="sm">
                  {t('objectivesIntro', { cycle: parent ? `${parent.name} / ${cycle.name}` : cycle.name })}
                </Text>
              )}
            </Stack>
            {cycle && (
              <Group gap="sm">
                <OkrSheetMenu orgId={orgId} cycles={parent ? [parent, cycle] : [cycle]} />
                {data.abilities['org.update'] && (
                  <Button
                    component={Link}
                    to={`/orgs/${orgId}/objectives/new?level=organization&cycle=${parent?.id ?? cycle.id}`}
                    leftSection={<IconPlus size={16} aria-hidden />}
                    variant="light"
                  >
                    {t('newObjective')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
          {!cycle ? (
            <Text c="dimmed">{t('noObjectives')}</Text>
          ) : (
            <QueryState query={own}>
              {() =>
                objectives.length === 0 ? (
                  <Text c="dimmed">{t('noObjectives')}</Text>
                ) : data.themes.length === 0 ? (
                  <ObjectiveColumns objectives={objectives} />
                ) : (
                  groupByTheme(objectives, data.themes).map(({ theme, objectives: served, alsoServing }) => (
                    <Stack
                      key={theme?.id ?? 'none'}
                      gap="xs"
                      component="section"
                      aria-label={theme?.name ?? t('withoutTheme')}
                    >
                      <Title order={3} size="h4">
                        {theme?.name ?? t('withoutTheme')}
                      </Title>
                      {theme?.description && (
                        <Text size="sm" c="dimmed">
                          {theme.description}
                        </Text>
                      )}
                      {served.length > 0 && <ObjectiveColumns objectives={served} />}
                      {alsoServing.length > 0 && (
                        // Named, not linked: its card above is the way to it.
                        <Text size="sm" c="dimmed">
                          {t('alsoServing', {
                            titles: alsoServing.map((o) => t('quoted', { title: o.title })).join(', '),
                          })}
                        </Text>
                      )}
                      {served.length === 0 && alsoServing.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t('themeUnserved')}
                        </Text>
                      )}
                    </Stack>
                  ))
                )
              }
            </QueryState>
          )}
          {/* Placed once the objectives above have their height, so that it starts out of sight. */}
          {!cyclesLoading && !(cycle && own.isPending) && !(parent && yearly.isPending) && (
            <WhenVisible>
              <Stack gap="lg">
                {cycle && (
                  <Suspense fallback={null}>
                    <NetConfidenceFigure orgId={orgId} />
                  </Suspense>
                )}
                {cycle && (
                  <Suspense fallback={null}>
                    <AlignmentHealthPanel
                      orgId={orgId}
                      cycleId={cycle.id}
                      cycleName={parent ? `${parent.name} / ${cycle.name}` : cycle.name}
                    />
                  </Suspense>
                )}
                <Suspense fallback={null}>
                  <ActivityFeed orgId={orgId} />
                </Suspense>
              </Stack>
            </WhenVisible>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
