import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../../../core/domain.ts';
import { CREATABLE_CYCLE_STATUSES } from '../../../core/cycle-lifecycle.ts';
import { api } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Cycle, CycleDetail, Org } from '../../api/types.ts';
import { isConflict } from '../../components/serverErrors.ts';
import { ConflictNotice, rebaseOnTheirs, type TheirField } from '../../components/ConflictNotice.tsx';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { notifyDone, saveProblem } from './shared.tsx';

interface Values {
  name: string;
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
  parentId: string | null;
}

const FIELDS = ['name', 'startsOn', 'endsOn', 'status', 'parentId'] as const;
const DATE = /^[12]\d{3}-\d{2}-\d{2}$/;

const valuesOf = (cycle: Cycle): Values => ({
  name: cycle.name,
  startsOn: cycle.startsOn,
  endsOn: cycle.endsOn,
  status: cycle.status,
  parentId: cycle.parentId,
});

/** Cycles this one may lie within: not itself, nor one within it. */
function parentOptions(cycles: Cycle[], self: string | null) {
  const excluded = new Set<string>(self ? [self] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of cycles)
      if (c.parentId && excluded.has(c.parentId) && !excluded.has(c.id)) {
        excluded.add(c.id);
        grew = true;
      }
  }
  return cycles.filter((c) => !excluded.has(c.id)).map((c) => ({ value: c.id, label: c.name }));
}

/** Create a cycle, or change one's name, dates, status or the cycle it lies within. */
export function CycleFormDialog({
  org,
  cycles,
  cycle,
  onClose,
}: {
  org: Org;
  cycles: Cycle[];
  cycle: Cycle | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // The version the form counts changes from: a 412 reads the newer one.
  const [version, setVersion] = useState(cycle?.version);
  // After a conflict: where the newer version differs from what the person typed.
  const [theirs, setTheirs] = useState<TheirField[] | null>(null);
  const required = (value: string) => (value.trim() ? null : t('required'));
  const form = useForm<Values>({
    initialValues: cycle ? valuesOf(cycle) : { name: '', startsOn: '', endsOn: '', status: 'planning', parentId: null },
    validate: {
      name: required,
      startsOn: (value) => required(value) ?? (DATE.test(value) ? null : t('cycles.dateInvalid')),
      endsOn: (value, values) =>
        required(value) ??
        (!DATE.test(value)
          ? t('cycles.dateInvalid')
          : values.startsOn && value < values.startsOn
            ? t('cycles.endBeforeStart')
            : null),
    },
  });
  const dialog = useGuardedDialog(onClose);
  const guard = useDialogFormGuard(dialog.dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    // The status of an existing cycle moves by its own actions (closing scores the cycle).
    const { status, ...fields } = values;
    const body = { ...fields, name: values.name.trim(), ...(cycle ? {} : { status }) };
    try {
      if (cycle && version !== undefined) {
        await api.patch(`/cycles/${cycle.id}`, version, body);
        notifyDone(t('cycles.saved', { name: body.name }));
      } else {
        await api.post(`/orgs/${org.id}/cycles`, body);
        notifyDone(t('cycles.created', { name: body.name }));
      }
      guard.saved();
      await Promise.all([client.invalidateQueries({ queryKey: ['cycles', org.id] }), invalidateOkrs(client)]);
      onClose();
    } catch (e) {
      if (isConflict(e) && cycle) {
        const fresh = await api.get<CycleDetail>(`/cycles/${cycle.id}`).catch(() => undefined);
        if (fresh) {
          setVersion(fresh.version);
          setTheirs(
            rebaseOnTheirs(form, valuesOf(fresh), {
              name: { label: t('cycles.name') },
              startsOn: { label: t('cycles.startsOn') },
              endsOn: { label: t('cycles.endsOn') },
              parentId: {
                label: t('cycles.parent'),
                show: (id: string | null) => cycles.find((c) => c.id === id)?.name ?? t('cycles.noParent'),
              },
            }),
          );
        } else setError(saveProblem(form, e, FIELDS));
        void client.invalidateQueries({ queryKey: ['cycles', org.id] });
        return;
      }
      setTheirs(null);
      setError(saveProblem(form, e, FIELDS));
    }
  });

  return (
    <Modal
      opened
      onClose={dialog.close}
      title={cycle ? t('cycles.editTitle', { name: cycle.name }) : t('cycles.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {theirs && <ConflictNotice theirs={theirs} />}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput label={t('cycles.name')} required data-autofocus {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <TextInput label={t('cycles.startsOn')} type="date" required {...form.getInputProps('startsOn')} />
            <TextInput label={t('cycles.endsOn')} type="date" required {...form.getInputProps('endsOn')} />
          </Group>
          {!cycle && (
            <Select
              label={t('cycles.status')}
              description={t('cycles.statusHelp')}
              data={CREATABLE_CYCLE_STATUSES.map((s) => ({ value: s, label: t(`cycles.statuses.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          )}
          <Select
            label={t('cycles.parent')}
            placeholder={t('cycles.noParent')}
            data={parentOptions(cycles, cycle?.id ?? null)}
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parentId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {cycle ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
