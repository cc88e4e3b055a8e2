import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '../../components/notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { UnitDetail } from '../../api/types.ts';

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
  return (
    <Modal opened={opened} onClose={onClose} title={t('unit.editStatement')} size="lg">
      {/* The modal unmounts its content when closed, so each opening starts from the saved text. */}
      <StatementForm unit={unit} onDone={onClose} />
    </Modal>
  );
}

function StatementForm({ unit, onDone }: { unit: UnitDetail; onDone: () => void }) {
  const { t } = useTranslation(['units', 'common']);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { vision: unit.vision, mission: unit.mission } });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const updated = await api.patch<UnitDetail>(`/units/${unit.id}`, unit.version, values);
      client.setQueryData(['unit', unit.id], updated);
      void client.invalidateQueries({ queryKey: ['units'] });
      notify({ message: t('common:saved'), color: 'teal' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Someone else saved first: show their text; the reader makes the change again.
        const latest = await api.get<UnitDetail>(`/units/${unit.id}`);
        client.setQueryData(['unit', unit.id], latest);
        form.setValues({ vision: latest.vision, mission: latest.mission });
        setError(t('common:conflict'));
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
          <Button variant="default" onClick={onDone}>
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
