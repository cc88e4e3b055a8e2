// One objective: where it is heading, how far it has come against the plan, its key results
// with their history and action plans, and how it aligns with other objectives.
import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { invalidateOkrs, useCycles, useMe, useObjective, useObjectives, useOrg } from '../../api/queries.ts';
import type { Objective, SupportedObjective } from '../../api/types.ts';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.tsx';
import { LazyMarkdown } from '../../components/LazyMarkdown.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat } from '../../format.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { KeyResultDialog } from './KeyResultDialog.tsx';
import { KeyResultItem } from './KeyResultItem.tsx';
import { Conversation } from '../conversation/Conversation.tsx';
import { ActivityFeed } from '../conversation/ActivityFeed.tsx';
import { archiveUndoably } from '../../components/undo.tsx';
import { StatusControl } from './StatusControl.tsx';
import { DoneButton } from './DoneButton.tsx';
import { ScorePanel } from '../closing/ScorePanel.tsx';
import { ScoreBadge } from '../closing/ScoreBadge.tsx';
import { CarryLinks, CarryOverButton } from '../closing/CarryOver.tsx';

export default function ObjectivePage() {
  const { objectiveId = '' } = useParams();
  const objective = useObjective(objectiveId);
  return (
    <QueryState query={objective} page>
      {(data) => <ObjectiveView objective={data} />}
    </QueryState>
  );
}

function ObjectiveView({ objective }: { objective: Objective }) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const { orgId = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe();
  const cycles = useCycles(orgId);
  const cycle = cycles.data?.find((c) => c.id === objective.cycleId);
  const [archiving, archive] = useDisclosure(false);
  const [adding, add] = useDisclosure(false);
  const supporters = useSupporters(orgId, objective.id);
  const base = `/orgs/${orgId}`;

  const owner =
    objective.level === 'unit' && objective.unitId ? (
      <Anchor component={Link} to={`${base}/units/${objective.unitId}${search}`} underline="always">
        {objective.ownerName}
      </Anchor>
    ) : (
      <span>{objective.ownerName}</span>
    );

  const confirmArchive = async () => {
    await archiveUndoably(`/objectives/${objective.id}`, t('page.archived'), () => invalidateOkrs(client));
    // Back to where the objective was listed; its own page would now say "not found".
    const back =
      objective.level === 'unit' && objective.unitId
        ? `${base}/units/${objective.unitId}`
        : objective.level === 'person' && objective.personId === me.data?.id
          ? `${base}/me`
          : base;
    await navigate(`${back}${search}`);
    // Lists change now; what belonged to the objective is only marked stale, since asking
    // for it again (this page may not have unmounted yet) would only answer 404.
    await Promise.all([
      ...['objective', 'checkIns', 'activities'].map((key) =>
        client.invalidateQueries({ queryKey: [key], refetchType: 'none' }),
      ),
      ...['objectives', 'keyResults', 'orgActivities'].map((key) => client.invalidateQueries({ queryKey: [key] })),
    ]);
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" data-testid="objective-owner">
          {t(`common:level.${objective.level}`)} · {owner}
          {cycle && <> · {t('page.cycle', { name: cycle.name })}</>}
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {objective.title}
        </Title>
        <Group gap={6}>
          {objective.finalScore === null ? (
            <StatusBadge status={objective.status} />
          ) : (
            <ScoreBadge score={objective.finalScore} />
          )}
          <Badge variant="light" color={objective.kind === 'committed' ? 'gray' : 'grape'}>
            {t(`common:kind.${objective.kind}`)}
          </Badge>
          {objective.lifecycle !== 'published' && (
            <Badge variant="default">{t(`common:lifecycle.${objective.lifecycle}`)}</Badge>
          )}
          {objective.visibility === 'private' && <Badge variant="default">{t('page.private')}</Badge>}
          {objective.doneAt && (
            <Badge color="teal" data-testid="objective-done">
              {t('page.done', { date: format.date(objective.doneAt) })}
            </Badge>
          )}
          <ConfidenceBadge value={objective.confidence === null ? null : Math.round(objective.confidence)} />
        </Group>
        <Suspense fallback={null}>
          <CarryLinks orgId={orgId} objective={objective} />
        </Suspense>
      </Stack>

      {(objective.abilities['objective.update'] ||
        objective.abilities['objective.archive'] ||
        objective.abilities['objective.carryOver']) && (
        <Group gap="sm">
          {objective.abilities['objective.update'] && (
            <Button
              component={Link}
              to={`${base}/objectives/${objective.id}/edit${search}`}
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('page.edit')}
            </Button>
          )}
          {objective.abilities['objective.update'] && cycle && cycle.status !== 'closed' && (
            <DoneButton objective={objective} />
          )}
          {objective.abilities['objective.archive'] && (
            <Button
              variant="subtle"
              color="red"
              onClick={archive.open}
              leftSection={<IconArchive size={16} aria-hidden />}
            >
              {t('page.archive')}
            </Button>
          )}
          <Suspense fallback={null}>
            <CarryOverButton orgId={orgId} objective={objective} cycles={cycles.data ?? []} />
          </Suspense>
        </Group>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Card withBorder padding="md" data-testid="objective-progress">
              <Stack gap={6}>
                <Text fw={600}>{t('common:progress')}</Text>
                <ProgressBar value={objective.progress} status={objective.status} title={objective.title} size="lg" />
                {/* A closed cycle is judged by its scores (below), no longer by a status on the way. */}
                {cycle?.status !== 'closed' && (
                  <Text size="sm" c="dimmed" data-testid="expected-progress">
                    {t('page.expected', { value: format.percent(objective.expectedProgress) })}
                    {cycle && ` (${format.date(cycle.startsOn)} – ${format.date(cycle.endsOn)})`}
                  </Text>
                )}
                {cycle?.status === 'closed' ? null : objective.abilities['objective.update'] ? (
                  <StatusControl objective={objective} />
                ) : (
                  objective.statusIsExplicit && (
                    <Text size="sm" c="dimmed">
                      {t('page.statusExplicit', { suggested: t(`common:status.${objective.suggestedStatus}`) })}
                    </Text>
                  )
                )}
              </Stack>
            </Card>

            <Suspense fallback={null}>
              <ScorePanel key={objective.id} objective={objective} cycle={cycle} />
            </Suspense>

            {objective.description && (
              <section aria-label={t('page.description')}>
                <LazyMarkdown>{objective.description}</LazyMarkdown>
              </section>
            )}

            <Stack gap="sm" component="section" aria-labelledby="key-results-title">
              <Group justify="space-between" align="center">
                <Title order={2} size="h3" id="key-results-title">
                  {t('page.keyResultsTitle')}
                </Title>
                {objective.abilities['keyResult.manage'] && (
                  <Button variant="light" size="xs" onClick={add.open} leftSection={<IconPlus size={14} aria-hidden />}>
                    {t('page.addKeyResult')}
                  </Button>
                )}
              </Group>
              {objective.keyResults.length === 0 ? (
                <Text c="dimmed">{t('page.noKeyResults')}</Text>
              ) : (
                objective.keyResults.map((kr) => (
                  <KeyResultItem
                    key={kr.id}
                    orgId={orgId}
                    keyResult={kr}
                    cycle={cycle}
                    supporters={(supporters.data ?? []).filter((o) => o.supportsKeyResultIds.includes(kr.id))}
                  />
                ))
              )}
            </Stack>

            <Conversation orgId={orgId} objective={objective} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Alignment orgId={orgId} objective={objective} />
            <ActivityFeed orgId={orgId} scope={{ objectiveId: objective.id }} />
          </Stack>
        </Grid.Col>
      </Grid>

      {objective.abilities['keyResult.manage'] && (
        <KeyResultDialog
          orgId={orgId}
          objectiveId={objective.id}
          defaultOwner={me.data ? { id: me.data.id, name: me.data.name } : undefined}
          opened={adding}
          onClose={add.close}
        />
      )}
      <ConfirmDialog
        opened={archiving}
        title={t('page.archiveTitle')}
        confirmLabel={t('page.archive')}
        onConfirm={confirmArchive}
        onClose={archive.close}
      >
        {t('page.archiveText', { title: objective.title })}
      </ConfirmDialog>
    </Stack>
  );
}

/** The objectives that support this one, directly or through one of its key results. */
const useSupporters = (orgId: string, objectiveId: string) => useObjectives(orgId, { supportsId: objectiveId });

/** The objectives and key results this one supports, and the objectives that support it. */
function Alignment({ orgId, objective }: { orgId: string; objective: Objective }) {
  const { t } = useTranslation(['objective', 'common']);
  const supportedBy = useSupporters(orgId, objective.id);
  const { search } = useLocation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="alignment-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="alignment-title">
          {t('page.alignmentTitle')}
        </Title>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('page.supportsTitle')}
          </Title>
          {objective.supportedObjectives.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('page.supportsNone')}
            </Text>
          ) : (
            <ObjectiveLinks
              orgId={orgId}
              objectives={objective.supportedObjectives}
              testId="supports"
              detail={(o) =>
                objective.supportedKeyResults
                  .filter((kr) => kr.objectiveId === o.id)
                  .map((kr) => (
                    <Anchor
                      key={kr.id}
                      component={Link}
                      to={`/orgs/${orgId}/objectives/${o.id}${search}#kr-${kr.id}`}
                      size="xs"
                      display="block"
                      data-testid="supported-key-result"
                    >
                      {t('page.supportedKeyResult', { title: kr.title })}
                    </Anchor>
                  ))
              }
            />
          )}
        </Stack>
        <ServedThemes orgId={orgId} themeIds={objective.themeIds} />
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('page.supportedByTitle')}
          </Title>
          <QueryState query={supportedBy}>
            {(items) =>
              items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('page.supportedByNone')}
                </Text>
              ) : (
                <ObjectiveLinks
                  orgId={orgId}
                  objectives={items}
                  testId="supported-by"
                  detail={(o) =>
                    objective.keyResults
                      .filter((kr) => o.supportsKeyResultIds.includes(kr.id))
                      .map((kr) => (
                        <Text key={kr.id} size="xs">
                          {t('page.supportsThrough', { title: kr.title })}
                        </Text>
                      ))
                  }
                />
              )
            }
          </QueryState>
        </Stack>
      </Stack>
    </Card>
  );
}

/** The strategy themes it serves, by name in the organisation's order; nothing where it has none. */
function ServedThemes({ orgId, themeIds }: { orgId: string; themeIds: string[] }) {
  const { t } = useTranslation('objective');
  const themes = (useOrg(orgId).data?.themes ?? []).filter((theme) => themeIds.includes(theme.id));
  if (themes.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('page.themesTitle')}
      </Title>
      <Group gap={6} data-testid="served-themes">
        {themes.map((theme) => (
          <Badge key={theme.id} variant="outline" color="indigo" title={theme.description || undefined}>
            {theme.name}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function ObjectiveLinks<O extends SupportedObjective>({
  orgId,
  objectives,
  testId,
  detail,
}: {
  orgId: string;
  objectives: O[];
  testId: string;
  /** What else to say of a link: the key results it goes through. */
  detail?: (o: O) => ReactNode;
}) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const { search } = useLocation();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {objectives.map((o) => (
        <li key={o.id}>
          <Anchor component={Link} to={`/orgs/${orgId}/objectives/${o.id}${search}`} size="sm" fw={500}>
            {o.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`common:level.${o.level}`)} · {o.ownerName} · {format.percent(o.progress)}
          </Text>
          {detail?.(o)}
        </li>
      ))}
    </Stack>
  );
}
