import { Anchor, Badge, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notify } from '../../components/notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import type { ActivityInContext } from '../../api/types.ts';
import { isConflict, problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';

const STATUS_COLOURS: Record<ActivityStatus, string> = { todo: 'gray', doing: 'blue', done: 'teal' };

/** The activities a person owns across action plans; open ones unless ?activities=all. */
export function MyActivities({ activities }: { activities: ActivityInContext[] }) {
  const { t } = useTranslation('my');
  const [params, setParams] = useSearchParams();
  const showAll = params.get('activities') === 'all';
  const shown = showAll ? activities : activities.filter((a) => a.status !== 'done');

  const setShow = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'all') next.set('activities', 'all');
        else next.delete('activities');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="sm">
      {activities.length > 0 && (
        <Group gap="xs">
          <Text size="sm" id="activities-show">
            {t('activities.show')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="activities-show"
            value={showAll ? 'all' : 'open'}
            onChange={setShow}
            data={[
              { value: 'open', label: t('activities.open') },
              { value: 'all', label: t('activities.all') },
            ]}
          />
        </Group>
      )}
      {shown.length === 0 ? (
        <Text c="dimmed">{activities.length === 0 ? t('activities.noneAtAll') : t('activities.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="my-activities">
          {shown.map((activity) => (
            <ActivityRow key={activity.id} activity={activity} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ActivityRow({ activity }: { activity: ActivityInContext }) {
  const { t } = useTranslation('my');
  const format = useFormat();
  const client = useQueryClient();
  const { orgId } = useParams();
  const { search } = useLocation();
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const overdue = activity.dueOn !== null && activity.dueOn < today && activity.status !== 'done';

  const change = async (status: ActivityStatus) => {
    setBusy(true);
    try {
      await api.patch(`/activities/${activity.id}`, activity.version, { status });
      notify({
        color: 'teal',
        message: t('activities.changed', { title: activity.title, status: t(`activities.statuses.${status}`) }),
      });
    } catch (e) {
      notify({ color: 'red', message: problemText(e) });
      if (!isConflict(e)) return;
    } finally {
      setBusy(false);
    }
    await Promise.all([
      client.invalidateQueries({ queryKey: ['orgActivities'] }),
      client.invalidateQueries({ queryKey: ['activities', activity.keyResultId] }),
    ]);
  };

  return (
    <Paper component="li" withBorder p="sm" data-testid="my-activity">
      <Group justify="space-between" gap="xs" align="center">
        <Stack gap={0} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Text
            fw={500}
            td={activity.status === 'done' ? 'line-through' : undefined}
            c={activity.status === 'done' ? 'dimmed' : undefined}
          >
            {activity.title}
          </Text>
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/objectives/${activity.objectiveId}${search}`}
            size="sm"
            c="dimmed"
          >
            {t('activities.keyResult', { title: activity.keyResultTitle })}
          </Anchor>
          {activity.dueOn && (
            <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {overdue
                ? t('activities.overdue', { date: format.date(activity.dueOn) })
                : t('activities.due', { date: format.date(activity.dueOn) })}
            </Text>
          )}
        </Stack>
        {activity.abilities['activity.manage'] ? (
          <Select
            aria-label={t('activities.statusOf', { title: activity.title })}
            data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activities.statuses.${s}`) }))}
            value={activity.status}
            onChange={(value) => value && value !== activity.status && void change(value as ActivityStatus)}
            allowDeselect={false}
            disabled={busy}
            w={130}
            size="xs"
          />
        ) : (
          <Badge color={STATUS_COLOURS[activity.status]} variant="light">
            {t(`activities.statuses.${activity.status}`)}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}
