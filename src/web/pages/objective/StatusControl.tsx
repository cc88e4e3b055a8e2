// The owner's say on an objective's status: the suggestion (from progress against the plan
// and the latest confidence), or a status of their own choosing, with the suggestion in view.
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Objective, UpdateObjectiveInput } from '../../api/types.ts';
import { problemText } from '../../components/serverErrors.ts';
import { notify } from './notify.ts';

const SUGGESTED = 'suggested';

export function StatusControl({ objective }: { objective: Objective }) {
  const { t } = useTranslation(['objective', 'common']);
  const client = useQueryClient();
  const helpId = useId();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggested = t(`common:status.${objective.suggestedStatus}`);
  const value = objective.statusIsExplicit ? objective.status : SUGGESTED;

  const choose = async (next: string) => {
    if (next === value || saving) return;
    setSaving(true);
    setError(null);
    const status = next === SUGGESTED ? null : (next as (typeof STATUSES)[number]);
    const body: UpdateObjectiveInput = { status };
    try {
      await api.patch(`/objectives/${objective.id}`, objective.version, body);
      notify(
        status
          ? t('page.statusSaved', { status: t(`common:status.${status}`) })
          : t('page.statusSavedSuggested', { status: suggested }),
      );
      await invalidateOkrs(client);
    } catch (e) {
      setError(problemText(e));
      // A stale version: read the objective again, so the next choice can be saved.
      await client.invalidateQueries({ queryKey: ['objective', objective.id] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap={4}>
      <NativeSelect
        label={t('page.statusLabel')}
        value={value}
        onChange={(event) => void choose(event.currentTarget.value)}
        disabled={saving}
        error={error}
        maw={320}
        aria-describedby={helpId}
        data={[
          { value: SUGGESTED, label: t('page.statusSuggestedOption', { status: suggested }) },
          ...STATUSES.map((status) => ({ value: status, label: t(`common:status.${status}`) })),
        ]}
      />
      <Text size="sm" c="dimmed" id={helpId}>
        {objective.statusIsExplicit ? t('page.statusChosen', { suggested }) : t('page.statusFollows')}
      </Text>
    </Stack>
  );
}
