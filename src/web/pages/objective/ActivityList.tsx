// The action plan of one key result: activities with an owner, a status and a due date.
import { ActionIcon, Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArchive, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../core/domain.ts';
import { ApiError, api } from '../../api/client.ts';
import { invalidateOkrs, useActivities } from '../../api/queries.ts';
import type { Activity, CreateActivityInput, KeyResult, UpdateActivityInput } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { MemberSelect } from './MemberSelect.tsx';
import { formProblem } from './server-errors.ts';
import { notify } from './notify.ts';
import { archiveUndoably } from '../../components/undo.tsx';
import { ConflictNotice, differingFields, type TheirField } from '../../components/ConflictNotice.tsx';
import { useDialogFormGuard, useGuardedDialog, useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';

const STATUS_COLOURS: Record<ActivityStatus, string> = { todo: 'dimmed', doing: 'blue', done: 'teal' };

export function ActivityList({ orgId, keyResult }: { orgId: string; keyResult: KeyResult }) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const activities = useActivities(keyResult.id);
  const [editing, setEditing] = useState<Activity | null>(null);
  const editDialog = useGuardedDialog(() => setEditing(null));

  const report = (error: unknown) => {
    const conflict = error instanceof ApiError && error.status === 412;
    notify(
      conflict ? t('common:conflict') : error instanceof ApiError ? error.problem.title : t('common:error.title'),
      conflict ? 'yellow' : 'red',
    );
    void invalidateOkrs(client);
  };
  const setStatus = async (activity: Activity, status: ActivityStatus) => {
    try {
      await api.patch(`/activities/${activity.id}`, activity.version, { status } satisfies UpdateActivityInput);
      await invalidateOkrs(client);
    } catch (error) {
      report(error);
    }
  };
  const archive = async (activity: Activity) => {
    try {
      await archiveUndoably(`/activities/${activity.id}`, t('activities.archived'), () => invalidateOkrs(client));
      await invalidateOkrs(client);
    } catch (error) {
      report(error);
    }
  };

  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t('activities.title')}
      </Title>
      <QueryState query={activities}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('activities.none')}
            </Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="activities">
              {items.map((activity) => {
                const manage = activity.abilities['activity.manage'];
                return (
                  <Group component="li" key={activity.id} gap="xs" wrap="nowrap" align="flex-start">
                    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" td={activity.status === 'done' ? 'line-through' : undefined}>
                        {activity.title}
                      </Text>
                      <Group gap="xs" wrap="wrap">
                        {manage ? (
                          <NativeSelect
                            size="xs"
                            w={110}
                            aria-label={t('activities.status', { title: activity.title })}
                            value={activity.status}
                            onChange={(event) => void setStatus(activity, event.currentTarget.value as ActivityStatus)}
                            data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activities.statuses.${s}`) }))}
                          />
                        ) : (
                          <Text size="xs" fw={600} c={STATUS_COLOURS[activity.status]}>
                            {t(`activities.statuses.${activity.status}`)}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {[
                            activity.ownerName,
                            activity.dueOn && t('activities.dueOn', { date: format.date(activity.dueOn) }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Group>
                    </Stack>
                    {manage && (
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('activities.edit', { title: activity.title })}
                          onClick={() => setEditing(activity)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('activities.archive', { title: activity.title })}
                          onClick={() => void archive(activity)}
                        >
                          <IconArchive size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    )}
                  </Group>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
      {keyResult.abilities['activity.manage'] && <NewActivity orgId={orgId} keyResult={keyResult} />}
      <Modal opened={editing !== null} onClose={editDialog.close} title={t('activities.editTitle')}>
        {editing && (
          <ActivityForm
            orgId={orgId}
            activity={editing}
            onSaved={() => setEditing(null)}
            onCancel={editDialog.close}
            dirtyRef={editDialog.dirtyRef}
          />
        )}
      </Modal>
    </Stack>
  );
}

const FIELDS = new Set(['title', 'ownerId', 'dueOn']);

function NewActivity({ orgId, keyResult }: { orgId: string; keyResult: KeyResult }) {
  const { t } = useTranslation(['objective', 'common']);
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState({ id: keyResult.ownerId, name: keyResult.ownerName });
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [open, setOpen] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useUnsavedChangesGuard(open && (title.trim() !== '' || dueOn !== ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    if (!title.trim()) {
      setErrors({ title: t('form.required') });
      titleRef.current?.focus();
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const body: CreateActivityInput = { title: title.trim(), ownerId: owner.id, dueOn: dueOn || null };
      await api.post(`/key-results/${keyResult.id}/activities`, body);
      setTitle('');
      setDueOn('');
      // Ready for the next one.
      titleRef.current?.focus();
      notify(t('activities.added'));
      await invalidateOkrs(client);
    } catch (error) {
      const problem = formProblem(error, (path) => FIELDS.has(path), t('common:error.title'));
      setErrors(problem.fields);
      setGeneral(problem.general);
    } finally {
      setSubmitting(false);
    }
  };

  const close = () => {
    setOpen(false);
    setErrors({});
    setGeneral(null);
  };

  if (!open) {
    return (
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setOpen(true)}
          aria-label={t('activities.addLabel', { title: keyResult.title })}
        >
          {t('activities.new')}
        </Button>
      </Group>
    );
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('activities.addLabel', { title: keyResult.title })}
    >
      <Stack gap="xs">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            ref={titleRef}
            autoFocus
            size="xs"
            label={t('activities.titleLabel')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            maxLength={300}
            style={{ flex: '1 1 220px' }}
          />
          <MemberSelect
            size="xs"
            orgId={orgId}
            label={t('activities.owner')}
            value={owner.id}
            valueName={owner.name}
            onChange={(id, name) => setOwner({ id, name })}
            clearable
            error={errors.ownerId}
            style={{ flex: '1 1 160px' }}
          />
          <TextInput
            size="xs"
            type="date"
            label={t('activities.due')}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            error={errors.dueOn}
            style={{ flex: '0 1 150px' }}
          />
          <Button
            size="xs"
            type="submit"
            variant="light"
            loading={submitting}
            leftSection={<IconPlus size={14} aria-hidden />}
          >
            {t('activities.add')}
          </Button>
          <Button size="xs" variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface TypedActivity {
  title: string;
  ownerName: string | null;
  dueOn: string;
}

const typedOf = (activity: Activity): TypedActivity => ({
  title: activity.title,
  ownerName: activity.ownerName,
  dueOn: activity.dueOn ?? '',
});

function ActivityForm({
  orgId,
  activity,
  onSaved,
  onCancel,
  dirtyRef,
}: {
  orgId: string;
  activity: Activity;
  onSaved: () => void;
  onCancel: () => void;
  dirtyRef: RefObject<boolean>;
}) {
  const { t } = useTranslation(['objective', 'common']);
  const client = useQueryClient();
  const [base, setBase] = useState(activity);
  const [title, setTitle] = useState(activity.title);
  const [owner, setOwner] = useState({ id: activity.ownerId, name: activity.ownerName });
  const [dueOn, setDueOn] = useState(activity.dueOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  // After a conflict: where the newer version differs from what the person typed.
  const [theirs, setTheirs] = useState<TheirField[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const guard = useDialogFormGuard(
    dirtyRef,
    title !== base.title || owner.id !== base.ownerId || dueOn !== (base.dueOn ?? ''),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    if (!title.trim()) {
      setErrors({ title: t('form.required') });
      return;
    }
    setErrors({});
    const changes: UpdateActivityInput = {};
    if (title.trim() !== base.title) changes.title = title.trim();
    if (owner.id !== base.ownerId) changes.ownerId = owner.id;
    if ((dueOn || null) !== base.dueOn) changes.dueOn = dueOn || null;
    if (Object.keys(changes).length === 0) return onSaved();
    setSubmitting(true);
    try {
      await api.patch(`/activities/${base.id}`, base.version, changes);
      notify(t('common:saved'));
      guard.saved();
      onSaved();
      void invalidateOkrs(client);
    } catch (error) {
      const problem = formProblem(error, (path) => FIELDS.has(path), t('common:error.title'));
      if (problem.conflict) {
        const fresh = (
          await api
            .get<{ items: Activity[] }>(`/key-results/${base.keyResultId}/activities?limit=200`)
            .catch(() => undefined)
        )?.items.find((a) => a.id === base.id);
        if (fresh) {
          // The newer version becomes the base; what the person typed stays beside it.
          setBase(fresh);
          setTheirs(
            differingFields({ title, ownerName: owner.name, dueOn }, typedOf(fresh), {
              title: { label: t('activities.titleLabel') },
              ownerName: { label: t('activities.owner'), show: (name: string | null) => name ?? t('common:noOwner') },
              dueOn: { label: t('activities.due') },
            }),
          );
        } else setGeneral(t('common:conflict'));
        void invalidateOkrs(client);
      } else {
        setErrors(problem.fields);
        setGeneral(problem.general);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {theirs && <ConflictNotice theirs={theirs} />}
        {general && (
          <Alert color={general === t('common:conflict') ? 'yellow' : 'red'} role="alert">
            {general}
          </Alert>
        )}
        <TextInput
          data-autofocus
          label={t('activities.titleLabel')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          required
          maxLength={300}
        />
        <MemberSelect
          orgId={orgId}
          label={t('activities.owner')}
          value={owner.id}
          valueName={owner.name}
          onChange={(id, name) => setOwner({ id, name })}
          clearable
          error={errors.ownerId}
        />
        <TextInput
          type="date"
          label={t('activities.due')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          error={errors.dueOn}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
