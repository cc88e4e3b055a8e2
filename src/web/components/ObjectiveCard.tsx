import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useLocation, useParams } from 'react-router';
import { Link } from './Link.tsx';
import { useTranslation } from 'react-i18next';
import type { Objective } from '../api/types.ts';
import { useFormat } from '../format.ts';
import { ConfidenceBadge } from './ConfidenceBadge.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { ScoreBadge } from '../pages/closing/ScoreBadge.tsx';

/** One objective in a list: title, owner, progress, status and confidence (or its final score), and its support. */
export function ObjectiveCard({ objective, showOwner = true }: { objective: Objective; showOwner?: boolean }) {
  const { t } = useTranslation(['common', 'home']);
  const format = useFormat();
  const { orgId } = useParams();
  const { search } = useLocation();
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={`objective-${objective.id}`}
      data-testid="objective-card"
    >
      <Stack gap="xs">
        {/* The title keeps at least 14rem beside its badges; where that leaves no room (a phone,
            a narrow column, many badges) the badges wrap below it, never cut at the card's edge. */}
        <Group justify="space-between" align="flex-start">
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/objectives/${objective.id}${search}`}
            fw={600}
            id={`objective-${objective.id}`}
            style={{ flex: '1 1 14rem' }}
          >
            {objective.title}
          </Anchor>
          <Group gap={6}>
            {objective.lifecycle === 'draft' && <Badge variant="default">{t('lifecycle.draft')}</Badge>}
            {objective.doneAt && <Badge color="teal">{t('done')}</Badge>}
            {objective.kind !== 'committed' && (
              <Badge variant="light" color="grape">
                {t(`kind.${objective.kind}`)}
              </Badge>
            )}
            {/* Once scored (a closed cycle), the score is the verdict, not the status on the way. */}
            {objective.finalScore === null ? (
              <>
                <StatusBadge status={objective.status} />
                <ConfidenceBadge value={objective.confidence} />
              </>
            ) : (
              <ScoreBadge score={objective.finalScore} />
            )}
          </Group>
        </Group>
        {showOwner && (
          <Text size="sm" c="dimmed">
            {t(`level.${objective.level}`)} · {objective.ownerName}
          </Text>
        )}
        <ProgressBar value={objective.progress} status={objective.status} title={objective.title} />
        <Group gap="md">
          <Text size="xs" c="dimmed">
            {t('home:keyResultCount', { count: objective.keyResults.length })}
          </Text>
          {objective.supportedBy.count > 0 && (
            <Text size="xs" c="dimmed" data-testid="supported-by">
              {objective.supportedBy.progress === null
                ? t('home:supportedBy', { count: objective.supportedBy.count })
                : t('home:supportedByWithProgress', {
                    count: objective.supportedBy.count,
                    progress: format.percent(objective.supportedBy.progress),
                  })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
