// One key result at the weekly check-in: where it stands against a week ago, how
// confidence moved, the week's blockers and notes, and a place to write a decision down.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingKeyResult } from '../../api/types.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useFormat } from '../../format.ts';
import { DecisionForm } from './DecisionForm.tsx';

const MOVE_COLOURS = { up: 'teal', down: 'red', same: 'gray', new: 'blue', none: 'gray' } as const;

export function MeetingKeyResultCard({ keyResult: kr }: { keyResult: MeetingKeyResult }) {
  const { t } = useTranslation('meeting');
  const format = useFormat();
  const titleId = useId();
  const figure = (value: number) => (kr.unit ? `${format.number(value)} ${kr.unit}` : format.number(value));
  const change =
    kr.lastCheckInAt === null
      ? t('kr.noCheckIn')
      : kr.previousValue === null
        ? t('kr.firstValue', { now: figure(kr.current) })
        : kr.previousValue === kr.current
          ? t('kr.unchanged', { now: figure(kr.current) })
          : t('kr.change', { before: figure(kr.previousValue), now: figure(kr.current) });
  const blockers = kr.notes.filter((note) => note.blocker);
  const notes = kr.notes.filter((note) => !note.blocker);
  const noteLine = (note: MeetingKeyResult['notes'][number]) =>
    t('kr.noteBy', { name: note.authorName ?? '—', date: format.date(note.createdAt) });

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId} data-testid="meeting-key-result">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
              {kr.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('kr.objective', { title: kr.objectiveTitle })} ·{' '}
              {kr.ownerName ? t('kr.owner', { name: kr.ownerName }) : t('kr.noOwner')}
            </Text>
          </Stack>
          {kr.due ? (
            <Badge color="orange" variant="light" style={{ flexShrink: 0 }} data-testid="meeting-due">
              {t('kr.due')}
            </Badge>
          ) : (
            kr.checkedInThisWeek && (
              <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                {t('kr.checkedIn')}
              </Badge>
            )
          )}
        </Group>
        <ProgressBar value={kr.progress} status={kr.status} title={kr.title} size="lg" />
        <Group gap="lg" style={{ rowGap: 4 }}>
          <Text fw={600} data-testid="meeting-change">
            {change}
          </Text>
          <Text c="dimmed" size="sm">
            {t('kr.progress', { before: format.percent(kr.previousProgress), now: format.percent(kr.progress) })}
          </Text>
          <Text data-testid="meeting-confidence" c={MOVE_COLOURS[kr.confidenceMove]} fw={500}>
            {kr.confidence === null
              ? t('kr.confidenceNone')
              : kr.previousConfidence === null
                ? t('kr.confidenceNow', { now: `${kr.confidence}/10` })
                : t('kr.confidence', { before: `${kr.previousConfidence}/10`, now: `${kr.confidence}/10` })}
            {kr.confidenceMove !== 'none' && ` (${t(`kr.move.${kr.confidenceMove}`)})`}
          </Text>
        </Group>
        {blockers.length > 0 && (
          <Stack gap={6} data-testid="meeting-blockers">
            {blockers.map((note) => (
              <Card key={note.id} padding="sm" radius="sm" bg="var(--mantine-color-red-light)">
                <Group gap="xs" align="baseline" wrap="nowrap">
                  <Badge color="red" style={{ flexShrink: 0 }}>
                    {t('kr.blocker')}
                  </Badge>
                  <Stack gap={0}>
                    <Text>{note.note || '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {noteLine(note)}
                    </Text>
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {notes.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('kr.notes')}
            </Text>
            {notes.map((note) => (
              <Text key={note.id} size="sm">
                {note.note}{' '}
                <Text span size="xs" c="dimmed">
                  — {noteLine(note)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
        <DecisionForm keyResult={kr} />
      </Stack>
    </Card>
  );
}
