import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '../../components/notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { UnitDetail } from '../../api/types.ts';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { ConflictNotice, rebaseOnTheirs, type TheirField } from '../../components/ConflictNotice.tsx';

/** The team writes its own vision and mission (leads and admins: `unit.update`). */
export function UnitStatementDialog({
  unit,
  opened,
  onClose,
}: {
  unit: UnitDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('units');
  const dialog = useGuardedDialog(onClose);
  return (
    <Modal opened={opened} onClose={dialog.close} title={t('unit.editStatement')} size="lg">
      {/* The modal unmounts its content when closed, so each opening starts from the saved text. */}
      <StatementForm unit={unit} onSaved={onClose} onCancel={dialog.close} dirtyRef={dialog.dirtyRef} />
    </Modal>
  );
}

function StatementForm({
  unit,
  onSaved,
  onCancel,
  dirtyRef,
}: {
  unit: UnitDetail;
  onSaved: () => void;
  onCancel: () => void;
  dirtyRef: RefObject<boolean>;
}) {
  const { t } = useTranslation(['units', 'common']);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // The version the form counts changes from, and after a conflict where the newer one differs.
  const [base, setBase] = useState(unit);
  const [theirs, setTheirs] = useState<TheirField[] | null>(null);
  const form = useForm({ initialValues: { vision: unit.vision, mission: unit.mission } });
  const guard = useDialogFormGuard(dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const updated = await api.patch<UnitDetail>(`/units/${base.id}`, base.version, values);
      client.setQueryData(['unit', unit.id], updated);
      void client.invalidateQueries({ queryKey: ['units'] });
      notify({ message: t('common:saved'), color: 'teal' });
      guard.saved();
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Someone else saved first: what the person typed stays, their text is shown beside it.
        const latest = await api.get<UnitDetail>(`/units/${unit.id}`);
        client.setQueryData(['unit', unit.id], latest);
        setBase(latest);
        setTheirs(
          rebaseOnTheirs(
            form,
            { vision: latest.vision, mission: latest.mission },
            { vision: { label: t('unit.vision') }, mission: { label: t('unit.mission') } },
          ),
        );
        return;
      }
      if (e instanceof ApiError && (e.fieldMessage('vision') || e.fieldMessage('mission'))) {
        form.setErrors({ vision: e.fieldMessage('vision'), mission: e.fieldMessage('mission') });
        return;
      }
      setError(e instanceof ApiError ? e.problem.title : t('common:error.title'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {theirs && <ConflictNotice theirs={theirs} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Textarea
          label={t('unit.vision')}
          description={t('unit.visionHelp')}
          autosize
          minRows={3}
          maxLength={20_000}
          data-autofocus
          {...form.getInputProps('vision')}
        />
        <Textarea
          label={t('unit.mission')}
          description={t('unit.missionHelp')}
          autosize
          minRows={3}
          maxLength={20_000}
          {...form.getInputProps('mission')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
