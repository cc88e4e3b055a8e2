// A unit's reflection on the selected cycle: shown once the cycle is closed (or when one
// was written); the unit's leads and admins write it.
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client.ts';
import type { Cycle, UnitReflection as Reflection, UnitReflectionInput } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { isConflict, problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { notify } from '../objective/notify.ts';
import { REFLECTION_FIELDS, ReflectionRecord } from './ReflectionRecord.tsx';
import { unitReflectionQuery } from './queries.ts';

export default function UnitReflection({ orgId, unitId }: { orgId: string; unitId: string }) {
  const { cycle } = useSelectedCycle(orgId);
  const reflection = useQuery({ ...unitReflectionQuery(unitId, cycle?.id), enabled: !!cycle });
  if (!cycle || !reflection.data) return null;
  if (cycle.status !== 'closed' && reflection.data.version === 0) return null;
  return <ReflectionCard key={`${unitId}-${cycle.id}`} cycle={cycle} reflection={reflection.data} />;
}

function ReflectionCard({ cycle, reflection }: { cycle: Cycle; reflection: Reflection }) {
  const { t } = useTranslation('closing');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const canWrite = reflection.abilities['unit.update'] === true;
  const written = reflection.version > 0;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="unit-reflection-title"
      data-testid="unit-reflection"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="unit-reflection-title">
            {t('unit.title', { cycle: cycle.name })}
          </Title>
          {canWrite && !editing && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t(written ? 'unit.edit' : 'unit.write')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('unit.intro')}
        </Text>
        {editing ? (
          <ReflectionForm reflection={reflection} onDone={() => setEditing(false)} />
        ) : written ? (
          <>
            <ReflectionRecord reflection={reflection} />
            {reflection.authorName && reflection.updatedAt && (
              <Text size="xs" c="dimmed">
                {t('unit.by', { name: reflection.authorName, date: format.date(reflection.updatedAt) })}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('unit.empty')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ReflectionForm({ reflection, onDone }: { reflection: Reflection; onDone: () => void }) {
  const { t } = useTranslation('closing');
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<UnitReflectionInput>({
    initialValues: { wentWell: reflection.wentWell, learned: reflection.learned, changeNext: reflection.changeNext },
  });
  // A refused save (412 included) keeps what was typed; the newer version arrives as `reflection`.
  useUnsavedChangesGuard(form.isDirty());
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await request('PUT', `/units/${reflection.unitId}/reflections/${reflection.cycleId}`, {
        body: values,
        version: reflection.version,
      });
      notify(t('unit.saved'));
      await client.invalidateQueries({ queryKey: ['unitReflection', reflection.unitId] });
      onDone();
    } catch (e) {
      setError(problemText(e));
      if (isConflict(e)) await client.invalidateQueries({ queryKey: ['unitReflection', reflection.unitId] });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {REFLECTION_FIELDS.map((field) => (
          <Textarea
            key={field}
            label={t(`score.${field}`)}
            autosize
            minRows={2}
            maxLength={5000}
            data-autofocus={field === 'wentWell' ? true : undefined}
            {...form.getInputProps(field)}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('score.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('unit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
