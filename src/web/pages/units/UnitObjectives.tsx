import { Anchor, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowUpRight, IconPlus } from '@tabler/icons-react';
import { useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { useObjectives } from '../../api/queries.ts';
import type { Objective, UnitDetail } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { ObjectiveCard } from '../../components/ObjectiveCard.tsx';
import { OkrSheetMenu } from '../../components/OkrSheetMenu.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Spinner } from '../../components/Spinner.tsx';

/** The unit's objectives in the selected cycle, each with the objectives it supports. */
export function UnitObjectives({ unit }: { unit: UnitDetail }) {
  const { orgId = '' } = useParams();
  const { t } = useTranslation(['units', 'common']);
  const { cycle, isLoading } = useSelectedCycle(orgId);
  const objectives = useObjectives(orgId, { cycleId: cycle?.id, level: 'unit', unitId: unit.id }, !!cycle);
  const canCreate = unit.abilities['objective.create'] === true && !unit.archivedAt;

  return (
    <Stack gap="md" component="section" aria-labelledby="unit-objectives">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Title order={2} id="unit-objectives">
            {t('unit.objectives')}
          </Title>
          {cycle && (
            <Text c="dimmed" size="sm">
              {t('unit.objectivesIntro', { cycle: cycle.name })}
            </Text>
          )}
        </Stack>
        {cycle && (
          <Group gap="sm">
            <OkrSheetMenu orgId={orgId} cycles={[cycle]} unitId={unit.id} />
            {canCreate && (
              <Button
                component={Link}
                to={`/orgs/${orgId}/objectives/new?level=unit&unitId=${unit.id}&cycle=${cycle.id}`}
                leftSection={<IconPlus size={16} aria-hidden />}
                variant="light"
              >
                {t('unit.newObjective')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {!cycle ? (
        isLoading ? (
          <Center py="md">
            <Spinner size="sm" label={t('common:loading')} />
          </Center>
        ) : (
          <Text c="dimmed">{t('unit.noCycle')}</Text>
        )
      ) : (
        <QueryState query={objectives}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('unit.noObjectives')}</Text>
            ) : (
              <Stack gap="lg">
                {list.map((objective) => (
                  <Stack key={objective.id} gap={6}>
                    <ObjectiveCard objective={objective} showOwner={false} />
                    <Supports objective={objective} />
                  </Stack>
                ))}
              </Stack>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}

/** "Supports: …" under one objective: the alignment the team chose, as links. */
function Supports({ objective }: { objective: Objective }) {
  const { t } = useTranslation(['units', 'common']);
  const { orgId } = useParams();
  const [params] = useSearchParams();
  const cycle = params.get('cycle');
  if (objective.supports.length === 0) {
    return (
      <Text size="sm" c="dimmed" px="xs">
        {t('unit.supportsNothing')}
      </Text>
    );
  }
  // Objectives the reader may not see (private, someone else's draft) are left out.
  const targets = objective.supportedObjectives;
  if (targets.length === 0) return null;
  return (
    <Group gap={6} align="flex-start" wrap="nowrap" px="xs" data-testid="supports">
      <IconArrowUpRight size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
      <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
        {t('unit.supports')}:
      </Text>
      <ul
        aria-label={t('unit.supportsOf', { title: objective.title })}
        style={{ margin: 0, padding: 0, listStyle: 'none' }}
      >
        {targets.map((target) => (
          <Text component="li" size="sm" key={target.id}>
            <Anchor
              component={Link}
              to={`/orgs/${orgId}/objectives/${target.id}${cycle ? `?cycle=${encodeURIComponent(cycle)}` : ''}`}
              inherit
            >
              {target.title}
            </Anchor>
            {target.level !== 'organization' && (
              <Text span c="dimmed" inherit>
                {' '}
                · {target.ownerName}
              </Text>
            )}
          </Text>
        ))}
      </ul>
    </Group>
  );
}
