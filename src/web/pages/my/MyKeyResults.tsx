import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { KeyResultInContext } from '../../api/types.ts';
import { CheckInDialog } from '../../components/CheckInDialog.tsx';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { ScoreBadge } from '../closing/ScoreBadge.tsx';
import { useFormat } from '../../format.ts';

/** The key results a person owns, those due for a check-in first, each with a quick check-in. */
export function MyKeyResults({ keyResults }: { keyResults: KeyResultInContext[] }) {
  const { t } = useTranslation('my');
  const { orgId } = useParams();
  // The dialog keeps its key result while it closes, so the closing animation has content.
  const [target, setTarget] = useState<KeyResultInContext | null>(null);
  const [opened, setOpened] = useState(false);
  const due = keyResults.filter((kr) => kr.due);
  const rest = keyResults.filter((kr) => !kr.due);
  const open = (kr: KeyResultInContext) => {
    setTarget(kr);
    setOpened(true);
  };
  // After a check-in the key result may move from "due" to the other list, which remounts
  // its button and drops the keyboard focus on the page: put it back on the same button.
  useEffect(() => {
    if (opened || !target) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(`check-in-${target.id}`)?.focus();
  }, [keyResults, opened, target]);

  if (keyResults.length === 0) return <Text c="dimmed">{t('keyResults.none')}</Text>;
  return (
    <Stack gap="md">
      {due.length > 0 ? (
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Title order={3} size="h4" id="check-ins-due">
              {t('keyResults.dueTitle')}
            </Title>
            <Anchor component={Link} to={`/orgs/${orgId}/week`} size="sm" fw={500}>
              {t('keyResults.weekLink')}
            </Anchor>
          </Group>
          <KeyResultList items={due} onCheckIn={open} labelledBy="check-ins-due" />
        </Stack>
      ) : (
        <Text c="teal" fw={500} role="status">
          {t('keyResults.upToDate')}
        </Text>
      )}
      {rest.length > 0 && (
        <Stack gap="xs">
          {due.length > 0 && (
            <Title order={3} size="h4" id="check-ins-done">
              {t('keyResults.othersTitle')}
            </Title>
          )}
          <KeyResultList
            items={rest}
            onCheckIn={open}
            labelledBy={due.length > 0 ? 'check-ins-done' : 'my-key-results'}
          />
        </Stack>
      )}
      {target && <CheckInDialog keyResult={target} opened={opened} onClose={() => setOpened(false)} />}
    </Stack>
  );
}

function KeyResultList({
  items,
  onCheckIn,
  labelledBy,
}: {
  items: KeyResultInContext[];
  onCheckIn: (kr: KeyResultInContext) => void;
  labelledBy: string;
}) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
      {items.map((kr) => (
        <KeyResultRow key={kr.id} kr={kr} onCheckIn={() => onCheckIn(kr)} />
      ))}
    </Stack>
  );
}

function KeyResultRow({ kr, onCheckIn }: { kr: KeyResultInContext; onCheckIn: () => void }) {
  const { t } = useTranslation('my');
  const format = useFormat();
  const { orgId } = useParams();
  const { search } = useLocation();
  const value =
    kr.metric === 'milestone'
      ? kr.current >= kr.target
        ? t('keyResults.milestoneDone')
        : t('keyResults.milestoneOpen')
      : `${t('keyResults.value', { current: format.number(kr.current), target: format.number(kr.target) })}${kr.unit ? ` ${kr.unit}` : ''}`;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-testid="my-key-result"
      data-due={kr.due || undefined}
      style={kr.due ? { borderLeft: '4px solid var(--mantine-color-yellow-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Text fw={600}>{kr.title}</Text>
            <Anchor component={Link} to={`/orgs/${orgId}/objectives/${kr.objectiveId}${search}`} size="sm" c="dimmed">
              {t('keyResults.objective', { title: kr.objectiveTitle })}
            </Anchor>
          </Stack>
          <Group gap={6}>
            {kr.due && (
              <Badge color="yellow" variant="filled" c="dark">
                {t('keyResults.due')}
              </Badge>
            )}
            {/* A scored key result (its cycle closed) shows its final score, as objective cards do. */}
            {kr.finalScore === null ? (
              <>
                <StatusBadge status={kr.status} />
                <ConfidenceBadge value={kr.confidence} />
              </>
            ) : (
              <ScoreBadge score={kr.finalScore} />
            )}
          </Group>
        </Group>
        <ProgressBar value={kr.progress} status={kr.status} title={kr.title} size="sm" />
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {value} ·{' '}
            {kr.lastCheckInAt
              ? t('keyResults.lastCheckIn', { date: format.date(kr.lastCheckInAt) })
              : t('keyResults.neverCheckedIn')}
          </Text>
          {kr.abilities['checkIn.create'] && (
            <Button
              size="xs"
              variant={kr.due ? 'filled' : 'light'}
              leftSection={<IconChecklist size={14} aria-hidden />}
              onClick={onCheckIn}
              id={`check-in-${kr.id}`}
              aria-label={t('keyResults.checkInOn', { title: kr.title })}
            >
              {t('keyResults.checkIn')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
