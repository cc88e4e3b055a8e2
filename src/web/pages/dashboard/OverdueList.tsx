// The key results that wait longest for a check-in, with owner and how long overdue.
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types.ts';
import { useFormat } from '../../format.ts';

export function OverdueList({
  orgId,
  data,
  withCycle,
}: {
  orgId: string;
  data: Dashboard['checkIns'];
  withCycle: (path: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  if (!data.tracking) return null;
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-overdue" data-testid="dashboard-overdue">
      <Stack gap="xs">
        <Title order={2} size="h3" id="dashboard-overdue">
          {t('checkIns.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('checkIns.intro')}
        </Text>
        {data.mostOverdue.length === 0 ? (
          <Text size="sm">{t('checkIns.none')}</Text>
        ) : (
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {data.mostOverdue.map((kr) => (
              <Stack component="li" key={kr.keyResultId} gap={0} data-testid="overdue-key-result">
                <Anchor
                  component={Link}
                  to={withCycle(`/orgs/${orgId}/objectives/${kr.objectiveId}`)}
                  size="sm"
                  fw={600}
                >
                  {kr.title}
                </Anchor>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {kr.objectiveTitle}
                  </Text>
                  <Text size="sm">· {kr.ownerName ?? t('checkIns.noOwner')}</Text>
                  <Text size="sm" fw={600}>
                    ·{' '}
                    {kr.daysOverdue === 0 ? t('checkIns.dueToday') : t('checkIns.overdueBy', { count: kr.daysOverdue })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    ·{' '}
                    {kr.lastCheckInAt
                      ? t('checkIns.lastCheckIn', { date: format.date(kr.lastCheckInAt) })
                      : t('checkIns.neverCheckedIn')}
                  </Text>
                </Group>
              </Stack>
            ))}
          </Stack>
        )}
        {data.overdue > data.mostOverdue.length && (
          <Text size="sm" c="dimmed">
            {t('checkIns.more', { shown: data.mostOverdue.length, total: data.overdue })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
