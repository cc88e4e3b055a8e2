// The fields of one key result, used by the new-objective form (one set per row) and by the
// key-result dialog on the objective page.
import { Grid, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { METRICS, type Metric } from '../../../core/domain.ts';
import type { KeyResult, NewKeyResultInput } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { MemberSelect } from './MemberSelect.tsx';

export interface KeyResultDraft {
  /** Identifies a row of the form while rows are added and removed; never sent. */
  key: string;
  title: string;
  metric: Metric;
  start: number | string;
  target: number | string;
  unit: string;
  ownerId: string | null;
  ownerName: string | null;
  weight: number | string;
}

export type KeyResultErrors = Partial<Record<keyof KeyResultDraft, string>>;

let rows = 0;

export const emptyKeyResult = (owner: { id: string; name: string } | undefined): KeyResultDraft => ({
  key: `new-${++rows}`,
  title: '',
  metric: 'increase_to',
  start: 0,
  target: '',
  unit: '',
  ownerId: owner?.id ?? null,
  ownerName: owner?.name ?? null,
  weight: 1,
});

export const draftOf = (kr: KeyResult): KeyResultDraft => ({
  key: kr.id,
  title: kr.title,
  metric: kr.metric,
  start: kr.start,
  target: kr.target,
  unit: kr.unit,
  ownerId: kr.ownerId,
  ownerName: kr.ownerName,
  weight: kr.weight,
});

const numberOr = (value: number | string, fallback?: number) => (typeof value === 'number' ? value : fallback);

/** The request body for a draft; empty numbers are left to the server's defaults. */
export function keyResultBody(draft: KeyResultDraft): NewKeyResultInput {
  const milestone = draft.metric === 'milestone';
  return {
    title: draft.title.trim(),
    metric: draft.metric,
    // A milestone goes from 0 (not done) to 1 (done).
    ...(milestone ? { start: 0, target: 1 } : { start: numberOr(draft.start, 0), target: numberOr(draft.target) }),
    unit: milestone ? '' : draft.unit.trim(),
    weight: numberOr(draft.weight, 1),
    ownerId: draft.ownerId,
  };
}

/** The fields that differ, so their error messages can go once the person edits them. */
export const changedFields = (before: KeyResultDraft, after: KeyResultDraft) =>
  (Object.keys(after) as (keyof KeyResultDraft)[]).filter((key) => before[key] !== after[key]);

/** Client-side checks of what is required; the server judges the rest. */
export function validateKeyResult(
  draft: KeyResultDraft,
  messages: { required: string; targetRequired: string },
): KeyResultErrors {
  const errors: KeyResultErrors = {};
  if (!draft.title.trim()) errors.title = messages.required;
  if (draft.metric !== 'milestone' && typeof draft.target !== 'number') errors.target = messages.targetRequired;
  return errors;
}

export function KeyResultFields({
  orgId,
  value,
  errors,
  onChange,
  autoFocus = false,
}: {
  orgId: string;
  value: KeyResultDraft;
  errors: KeyResultErrors;
  onChange: (next: KeyResultDraft) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const set = <K extends keyof KeyResultDraft>(key: K, next: KeyResultDraft[K]) => onChange({ ...value, [key]: next });
  const decimalSeparator = format.locale === 'sv-SE' ? ',' : '.';
  const milestone = value.metric === 'milestone';
  return (
    <Stack gap="sm">
      <TextInput
        label={t('krFields.title')}
        placeholder={t('krFields.titlePlaceholder')}
        value={value.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        error={errors.title}
        required
        maxLength={300}
        data-autofocus={autoFocus || undefined}
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label={t('krFields.metric')}
            data={METRICS.map((metric) => ({ value: metric, label: t(`metrics.${metric}`) }))}
            value={value.metric}
            onChange={(metric) => metric && set('metric', metric as Metric)}
            allowDeselect={false}
            error={errors.metric}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        {!milestone && (
          <>
            <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
              <NumberInput
                label={t('krFields.start')}
                value={value.start}
                onChange={(next) => set('start', next)}
                decimalSeparator={decimalSeparator}
                hideControls
                error={errors.start}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
              <NumberInput
                label={t('krFields.target')}
                value={value.target}
                onChange={(next) => set('target', next)}
                decimalSeparator={decimalSeparator}
                hideControls
                required
                error={errors.target}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <TextInput
                label={t('krFields.unit')}
                placeholder={t('krFields.unitPlaceholder')}
                value={value.unit}
                onChange={(event) => set('unit', event.currentTarget.value)}
                maxLength={40}
                error={errors.unit}
              />
            </Grid.Col>
          </>
        )}
        <Grid.Col span={{ base: 8, sm: 4, md: 6 }}>
          <MemberSelect
            orgId={orgId}
            label={t('krFields.owner')}
            placeholder={t('krFields.searchPeople')}
            value={value.ownerId}
            valueName={value.ownerName}
            onChange={(id, name) => onChange({ ...value, ownerId: id, ownerName: name })}
            clearable
            error={errors.ownerId}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, sm: 2, md: 2 }}>
          <NumberInput
            label={t('krFields.weight')}
            value={value.weight}
            onChange={(next) => set('weight', next)}
            min={0}
            max={100}
            decimalSeparator={decimalSeparator}
            error={errors.weight}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
