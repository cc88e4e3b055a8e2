// At the end of a cycle: the owners' final scores (suggested from progress, shown with
// their band in words) and the objective's reflection — a form for those who may score,
// the record for everyone else and afterwards.
import { Alert, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedObjectiveScore } from '../../../core/scoring.ts';
import { request } from '../../api/client.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Cycle, Objective, ScoreObjectiveInput } from '../../api/types.ts';
import { isConflict, problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { notify } from '../objective/notify.ts';
import { ReflectionRecord } from './ReflectionRecord.tsx';
import { ScoreBadge } from './ScoreBadge.tsx';

interface Values {
  finalScore: number | string;
  keyResults: Record<string, number | string>;
  wentWell: string;
  learned: string;
  changeNext: string;
}

const valuesOf = (o: Objective): Values => ({
  finalScore: o.finalScore ?? o.suggestedScore,
  keyResults: Object.fromEntries(o.keyResults.map((kr) => [kr.id, kr.finalScore ?? kr.suggestedScore])),
  wentWell: o.reflection?.wentWell ?? '',
  learned: o.reflection?.learned ?? '',
  changeNext: o.reflection?.changeNext ?? '',
});

const asScore = (value: number | string): number | null => {
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return value === '' || !Number.isFinite(n) || n < 0 || n > 1 ? null : Math.round(n * 10) / 10;
};

export function ScorePanel({ objective, cycle }: { objective: Objective; cycle: Cycle | undefined }) {
  const { t } = useTranslation('closing');
  const closed = cycle?.status === 'closed';
  const canScore = objective.abilities['objective.score'] === true && closed;
  // Invite to reflect until the owners have written something; afterwards show the record.
  const [editing, setEditing] = useState(canScore && objective.reflection === null);
  if (!closed && objective.finalScore === null && objective.reflection === null) return null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="score-title" data-testid="score-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="score-title">
            {t(editing ? 'score.title' : 'score.recordTitle')}
          </Title>
          {canScore && !editing && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('score.edit')}
            </Button>
          )}
        </Group>
        {editing ? (
          <ScoreForm objective={objective} onDone={() => setEditing(false)} />
        ) : (
          <ScoreRecord objective={objective} />
        )}
      </Stack>
    </Card>
  );
}

function ScoreRecord({ objective }: { objective: Objective }) {
  const { t } = useTranslation('closing');
  const reflection = objective.reflection;
  return (
    <Stack gap="sm" data-testid="score-record">
      <Group gap="xs">
        <Text fw={500}>{t('score.objectiveScore')}</Text>
        <ScoreBadge score={objective.finalScore} />
      </Group>
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
        {objective.keyResults.map((kr) => (
          // The badge goes below a title that needs the row, rather than being cut short.
          <Group component="li" key={kr.id} gap="xs" style={{ rowGap: 2 }} justify="space-between">
            <Text size="sm" style={{ flex: '1 1 12rem', minWidth: 0, overflowWrap: 'anywhere' }}>
              {kr.title}
            </Text>
            <ScoreBadge score={kr.finalScore} />
          </Group>
        ))}
      </Stack>
      <ReflectionRecord reflection={reflection} />
    </Stack>
  );
}

function ScoreForm({ objective, onDone }: { objective: Objective; onDone: () => void }) {
  const { t } = useTranslation('closing');
  const format = useFormat();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(objective),
    validateInputOnBlur: true,
    validate: {
      finalScore: (value) => (asScore(value) === null ? t('score.scoreInvalid') : null),
      keyResults: Object.fromEntries(
        objective.keyResults.map((kr) => [
          kr.id,
          (value: number | string) => (asScore(value) === null ? t('score.scoreInvalid') : null),
        ]),
      ),
    },
  });
  // A refused save (412 included) keeps what was typed; the newer version arrives as `objective`.
  useUnsavedChangesGuard(form.isDirty());
  // What the key results' scores as entered suggest for the objective.
  const suggested = suggestedObjectiveScore(
    objective.keyResults.map((kr) => ({
      finalScore: asScore(form.values.keyResults[kr.id] ?? ''),
      progress: kr.progress,
      weight: kr.weight,
    })),
  );

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body: ScoreObjectiveInput = {
      finalScore: asScore(values.finalScore),
      keyResults: objective.keyResults.map((kr) => ({
        id: kr.id,
        finalScore: asScore(values.keyResults[kr.id] ?? ''),
      })),
      reflection: { wentWell: values.wentWell, learned: values.learned, changeNext: values.changeNext },
    };
    try {
      await request('PUT', `/objectives/${objective.id}/scoring`, { body, version: objective.version });
      notify(t('score.saved'));
      await invalidateOkrs(client);
      onDone();
    } catch (e) {
      setError(problemText(e));
      if (isConflict(e)) await invalidateOkrs(client);
    }
  });

  const scoreInput = (label: string, description: string, props: ReturnType<typeof form.getInputProps>) => (
    <NumberInput
      label={label}
      description={description}
      min={0}
      max={1}
      // What was typed stays as typed: a score out of range is an error, not quietly changed.
      clampBehavior="none"
      step={0.1}
      decimalScale={1}
      allowNegative={false}
      decimalSeparator={format.locale.startsWith('sv') ? ',' : '.'}
      w={{ base: '100%', xs: 320 }}
      {...props}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('score.intro')}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {objective.keyResults.map((kr) => {
          const value = asScore(form.values.keyResults[kr.id] ?? '');
          return (
            <Group key={kr.id} align="flex-end" gap="sm">
              {scoreInput(
                t('score.keyResultScore', { title: kr.title }),
                t('score.suggested', { value: format.number(kr.suggestedScore) }),
                form.getInputProps(`keyResults.${kr.id}`),
              )}
              <ScoreBadge score={value} />
            </Group>
          );
        })}
        <Group align="flex-end" gap="sm">
          {scoreInput(
            t('score.objectiveScore'),
            t('score.suggestedObjective', { value: format.number(suggested) }),
            form.getInputProps('finalScore'),
          )}
          <ScoreBadge score={asScore(form.values.finalScore)} />
          <Button variant="subtle" size="xs" onClick={() => form.setFieldValue('finalScore', suggested)}>
            {t('score.useSuggested')}
          </Button>
        </Group>
        <Textarea
          label={t('score.wentWell')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('wentWell')}
        />
        <Textarea label={t('score.learned')} autosize minRows={2} maxLength={5000} {...form.getInputProps('learned')} />
        <Textarea
          label={t('score.changeNext')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('changeNext')}
        />
        <Group justify="flex-end">
          {objective.reflection !== null && (
            <Button variant="default" onClick={onDone}>
              {t('score.cancel')}
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {t('score.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
