// Marking an objective done before its cycle closes (reached early): its key results owe
// no more check-ins. Open again undoes it, while the cycle is open.
import { Button } from '@mantine/core';
import { IconCircleCheck, IconRotateClockwise } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Objective, UpdateObjectiveInput } from '../../api/types.ts';
import { problemText } from '../../components/serverErrors.ts';
import { notify } from './notify.ts';

export function DoneButton({ objective }: { objective: Objective }) {
  const { t } = useTranslation(['objective', 'common']);
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const done = objective.doneAt !== null;

  const toggle = async () => {
    if (saving) return;
    setSaving(true);
    const body: UpdateObjectiveInput = { done: !done };
    try {
      const updated = await api.patch<Objective>(`/objectives/${objective.id}`, objective.version, body);
      client.setQueryData(['objective', updated.id], updated);
      notify(t(done ? 'page.reopened' : 'page.markedDone', { title: objective.title }));
      await invalidateOkrs(client);
    } catch (error) {
      notify(problemText(error), 'red');
      // A stale version: read the objective again, so the next try can be saved.
      await client.invalidateQueries({ queryKey: ['objective', objective.id] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Button
      variant={done ? 'subtle' : 'light'}
      color={done ? 'gray' : 'teal'}
      loading={saving}
      onClick={() => void toggle()}
      leftSection={done ? <IconRotateClockwise size={16} aria-hidden /> : <IconCircleCheck size={16} aria-hidden />}
    >
      {done ? t('page.reopen') : t('page.markDone')}
    </Button>
  );
}
