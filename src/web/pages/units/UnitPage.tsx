import { Anchor, Avatar, Badge, Box, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronRight, IconPencil, IconPresentation, IconUsersGroup } from '@tabler/icons-react';
import { useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { useUnit } from '../../api/queries.ts';
import type { UnitDetail } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { UnitObjectives } from './UnitObjectives.tsx';
import { usePrefetchUnitPage } from './prefetch-unit-page.ts';
import { UnitStatementDialog } from './UnitStatementDialog.tsx';

const UnitCoach = lazy(() => import('../coach/UnitCoach.tsx'));
const UnitReflection = lazy(() => import('../closing/UnitReflection.tsx'));
const NetConfidenceFigure = lazy(() => import('../dashboard/NetConfidenceFigure.tsx'));
const UnitChatChannels = lazy(() => import('../chat/ChatChannels.tsx'));
const ActivityFeed = lazy(() => import('../conversation/ActivityFeed.tsx').then((m) => ({ default: m.ActivityFeed })));

/** One unit: where it sits, why it exists, who is in it, what it aims for and whom it supports. */
export default function UnitPage() {
  const { orgId = '', unitId = '' } = useParams();
  usePrefetchUnitPage(orgId, unitId);
  const unit = useUnit(unitId);
  return (
    <QueryState query={unit} page>
      {(data) => <UnitView unit={data} />}
    </QueryState>
  );
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const { orgId = '' } = useParams();
  const { t } = useTranslation(['units', 'common']);
  const [params] = useSearchParams();
  const [editing, { open, close }] = useDisclosure(false);
  const cycle = params.get('cycle');
  const withCycle = (path: string) => (cycle ? `${path}?cycle=${encodeURIComponent(cycle)}` : path);
  const unitLink = (id: string) => withCycle(`/orgs/${orgId}/units/${id}`);
  const canEdit = unit.abilities['unit.update'] === true && !unit.archivedAt;

  return (
    <Stack gap="lg">
      <Box component="nav" aria-label={t('unit.breadcrumb')}>
        <Group component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none', rowGap: 0 }}>
          {[{ id: null, name: t('tree.title') }, ...unit.ancestors].map((crumb) => (
            <Group component="li" key={crumb.id ?? 'all'} gap={4} wrap="nowrap">
              <Anchor component={Link} to={crumb.id ? unitLink(crumb.id) : withCycle(`/orgs/${orgId}/units`)} size="sm">
                {crumb.name}
              </Anchor>
              <IconChevronRight size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            </Group>
          ))}
          <Text component="li" size="sm" aria-current="page">
            {unit.name}
          </Text>
        </Group>
      </Box>

      <Group justify="space-between" align="center" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1}>{unit.name}</Title>
          <Badge variant="light" color="gray">
            {t(`kind.${unit.kind}`)}
          </Badge>
          {unit.archivedAt && <Badge color="red">{t('unit.archived')}</Badge>}
          <Text size="sm" c="dimmed" data-testid="unit-cadence">
            {t('unit.cadence', { count: unit.effectiveCheckInCadenceDays })}
          </Text>
        </Group>
        <Group gap="xs">
          <Button
            component={Link}
            to={withCycle(`/orgs/${orgId}/units/${unit.id}/meeting`)}
            variant="light"
            leftSection={<IconUsersGroup size={16} aria-hidden />}
          >
            {t('unit.meeting')}
          </Button>
          <Button
            component={Link}
            to={withCycle(`/orgs/${orgId}/units/${unit.id}/review`)}
            variant="light"
            leftSection={<IconPresentation size={16} aria-hidden />}
          >
            {t('unit.review')}
          </Button>
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>
              {t('unit.editStatement')}
            </Button>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Statement title={t('unit.vision')} text={unit.vision} empty={t('unit.noVision')} testId="unit-vision" />
        <Statement title={t('unit.mission')} text={unit.mission} empty={t('unit.noMission')} testId="unit-mission" />
      </SimpleGrid>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <UnitObjectives unit={unit} />
            <Suspense fallback={null}>
              <UnitReflection orgId={orgId} unitId={unit.id} />
            </Suspense>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Stack gap="xs" component="section" aria-labelledby="unit-members">
              <Title order={2} size="h3" id="unit-members">
                {t('unit.members')}
              </Title>
              {unit.members.length === 0 ? (
                <Text c="dimmed">{t('unit.noMembers')}</Text>
              ) : (
                <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                  {unit.members.map((member) => (
                    <Group component="li" key={member.accountId} gap="sm" wrap="nowrap">
                      <Avatar size="sm" name={member.name} color="blue" aria-hidden />
                      <Text style={{ flex: 1, minWidth: 0 }} truncate>
                        {member.name}
                      </Text>
                      <Badge
                        variant={member.role === 'lead' ? 'filled' : 'light'}
                        color={member.role === 'lead' ? 'blue' : 'gray'}
                      >
                        {t(`role.${member.role}`)}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
            {unit.children.length > 0 && (
              <Stack gap="xs" component="section" aria-labelledby="unit-children">
                <Title order={2} size="h3" id="unit-children">
                  {t('unit.subUnits')}
                </Title>
                <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                  {unit.children.map((child) => (
                    <Group component="li" key={child.id} gap="xs">
                      <Anchor component={Link} to={unitLink(child.id)}>
                        {child.name}
                      </Anchor>
                      <Badge variant="light" color="gray" size="sm">
                        {t(`kind.${child.kind}`)}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              </Stack>
            )}
            <Suspense fallback={null}>
              <NetConfidenceFigure orgId={orgId} unitId={unit.id} unitName={unit.name} />
            </Suspense>
            <Suspense fallback={null}>
              <UnitCoach orgId={orgId} unitId={unit.id} hasSubunits={unit.children.length > 0} />
            </Suspense>
            {unit.abilities['chat.manage'] === true && !unit.archivedAt && (
              <Suspense fallback={null}>
                <UnitChatChannels orgId={orgId} unitId={unit.id} />
              </Suspense>
            )}
            <Suspense fallback={null}>
              <ActivityFeed orgId={orgId} scope={{ unitId: unit.id }} />
            </Suspense>
          </Stack>
        </Grid.Col>
      </Grid>
      {canEdit && <UnitStatementDialog unit={unit} opened={editing} onClose={close} />}
    </Stack>
  );
}

/** Vision or mission; when missing, says why the team should write it. */
function Statement({ title, text, empty, testId }: { title: string; text: string; empty: string; testId: string }) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {text.trim() ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
      ) : (
        <Text c="dimmed" fs="italic">
          {empty}
        </Text>
      )}
    </Card>
  );
}
