// The objective form, for a new objective (with its first key results) and for changing one.
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { TEXT_LIMITS } from '../../../core/limits.ts';
import { IconBulb, IconPlus, IconTrash } from '@tabler/icons-react';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OBJECTIVE_KINDS,
  OBJECTIVE_LEVELS,
  VISIBILITIES,
  type ObjectiveKind,
  type ObjectiveLevel,
  type Visibility,
} from '../../../core/domain.ts';
import { useCycles, useUnits } from '../../api/queries.ts';
import type { KeyResult, SupportedKeyResult } from '../../api/types.ts';
import { CoachPanel } from '../coach/CoachPanel.tsx';
import type { ExampleFocus } from '../examples/focus.ts';
import { fillFromExample } from '../examples/fill-from-example.ts';
import {
  KeyResultFields,
  changedFields,
  emptyKeyResult,
  validateKeyResult,
  type KeyResultDraft,
  type KeyResultErrors,
} from './KeyResultFields.tsx';
import { MemberSelect } from './MemberSelect.tsx';
import type { OwnerChoices } from './owner-choices.ts';
import { SupportsSelect } from './SupportsSelect.tsx';
import { ThemePicker } from './ThemePicker.tsx';
import { formProblem } from './server-errors.ts';
import { notify } from './notify.ts';

// The example library's dialog loads when it is first wanted (or pointed at).
const loadExamplesDialog = () => import('../examples/ExamplesDialog.tsx');
const ExamplesDialog = lazy(loadExamplesDialog);

/** The most key results the new-objective form offers; more are added on the objective page. */
export const MAX_INLINE_KEY_RESULTS = 5;

export interface ObjectiveFormValues {
  level: ObjectiveLevel;
  unitId: string | null;
  personId: string | null;
  personName: string | null;
  cycleId: string | null;
  title: string;
  description: string;
  kind: ObjectiveKind;
  visibility: Visibility;
  draft: boolean;
  supports: string[];
  /** Key results it supports; their objectives are supported with them. */
  supportsKeyResultIds: string[];
  /** The strategy themes it serves. */
  themeIds: string[];
  keyResults: KeyResultDraft[];
}

const TOP_FIELDS = new Set([
  'level',
  'unitId',
  'personId',
  'cycleId',
  'title',
  'description',
  'kind',
  'visibility',
  'supports',
  'supportsKeyResultIds',
  'themeIds',
]);
const KR_FIELD = /^keyResults\.\d+\.(title|metric|start|target|unit|ownerId|weight)$/;

export interface ObjectiveFormProps {
  orgId: string;
  initial: ObjectiveFormValues;
  /** Set when changing an objective: its owner is fixed, and key results are managed on its page. */
  editing?: {
    id: string;
    ownerLine: string;
    closed: boolean;
    keyResults?: KeyResult[];
    supportedKeyResults?: SupportedKeyResult[];
  };
  submitLabel: string;
  cancel: ReactNode;
  /** Shown above the form while no error is, e.g. that someone else saved meanwhile (ConflictNotice). */
  notice?: ReactNode;
  me?: { id: string; name: string };
  /** For a new objective: the levels, units and people on offer (ownerChoices); all when left out. */
  choices?: OwnerChoices;
  onSubmit: (values: ObjectiveFormValues) => Promise<void>;
  /** Called on 412 instead of showing an error, with what was typed: the page reloads the objective. */
  onConflict?: (typed: ObjectiveFormValues) => void;
}

export function ObjectiveForm({
  orgId,
  initial,
  editing,
  submitLabel,
  cancel,
  notice,
  me,
  choices,
  onSubmit,
  onConflict,
}: ObjectiveFormProps) {
  const { t } = useTranslation(['objective', 'common']);
  const cycles = useCycles(orgId);
  const units = useUnits(orgId);
  const [general, setGeneral] = useState<string | null>(null);
  /** The example library's dialog while it is open, at the example the coach pointed to if any. */
  const [examples, setExamples] = useState<{ focus?: ExampleFocus } | null>(null);
  const required = t('form.required');
  const form = useForm<ObjectiveFormValues>({
    initialValues: initial,
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.title.trim()) errors.title = required;
      for (const [field, max] of [
        ['title', TEXT_LIMITS.title],
        ['description', TEXT_LIMITS.longText],
      ] as const) {
        const over = values[field].length - max;
        if (over > 0) errors[field] = t('form.tooLong', { max, over });
      }
      if (!values.cycleId) errors.cycleId = required;
      if (!editing && values.level === 'unit' && !values.unitId) errors.unitId = required;
      if (!editing && values.level === 'person' && !values.personId) errors.personId = required;
      values.keyResults.forEach((kr, i) => {
        const krErrors = validateKeyResult(kr, { required, targetRequired: t('form.targetRequired') });
        for (const [field, message] of Object.entries(krErrors)) errors[`keyResults.${i}.${field}`] = message;
      });
      return errors;
    },
  });
  const { values } = form;
  const guard = useUnsavedChangesGuard(form.isDirty());

  // The first field in error gets the focus (and so comes into view): a long form's error
  // must not wait off-screen.
  const focusFirstError = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
  const submit = form.onSubmit(async (submitted) => {
    setGeneral(null);
    try {
      // A successful save moves on to the objective: no question then.
      guard.allowLeaving();
      await onSubmit(submitted);
    } catch (error) {
      guard.allowLeaving(false);
      const problem = formProblem(
        error,
        (path) => TOP_FIELDS.has(path) || KR_FIELD.test(path),
        t('common:error.title'),
      );
      if (problem.conflict && onConflict) return onConflict(submitted);
      form.setErrors(problem.fields);
      setGeneral(problem.conflict ? t('common:conflict') : problem.general);
      focusFirstError();
    }
  }, focusFirstError);

  /** "250 of 300 characters", once a text is four fifths of the way to its limit. */
  const lengthNear = (text: string, max: number) =>
    text.length >= max * 0.8 ? t('form.length', { count: text.length, max }) : undefined;

  const krErrors = (i: number): KeyResultErrors =>
    Object.fromEntries(
      Object.entries(form.errors)
        .filter(([path]) => path.startsWith(`keyResults.${i}.`))
        .map(([path, message]) => [path.slice(`keyResults.${i}.`.length), String(message)]),
    );
  // In the header's order (useCycles), so a cycle is found where it was seen.
  const cycleOptions = (cycles.data ?? []).map((c) => ({
    value: c.id,
    label: c.status === 'closed' ? t('form.cycleClosed', { name: c.name }) : c.name,
  }));
  const unitOptions = (units.data ?? [])
    .filter((u) => choices?.unitIds?.has(u.id) ?? true)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((u) => ({ value: u.id, label: u.name }));
  const isPerson = values.level === 'person';

  /** Starting from an example replaces what the form says; the person edits it and saves (or not). */
  const startFromExample = (example: Parameters<typeof fillFromExample>[0]) => {
    form.clearErrors();
    form.setValues(fillFromExample(example, values.level, () => emptyKeyResult(me)));
    setExamples(null);
    notify(t('examples.used'));
  };

  const coachDraft = {
    level: values.level,
    unitId: values.unitId,
    personId: values.personId,
    cycleId: values.cycleId,
    title: values.title,
    kind: values.kind,
    supports: values.supports,
    supportsKeyResultIds: values.supportsKeyResultIds,
    themeIds: values.themeIds,
    keyResults: editing ? (editing.keyResults ?? []) : values.keyResults,
    objectiveId: editing?.id,
  };

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            {general ? (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            ) : (
              notice
            )}

            {!editing && (
              <Group gap="sm" wrap="nowrap">
                <Button
                  variant="light"
                  leftSection={<IconBulb size={16} aria-hidden />}
                  onPointerEnter={() => void loadExamplesDialog()}
                  onFocus={() => void loadExamplesDialog()}
                  onClick={() => setExamples({})}
                  style={{ flexShrink: 0 }}
                >
                  {t('examples.start')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('examples.startHint')}
                </Text>
              </Group>
            )}

            {editing ? (
              <Text c="dimmed">{editing.ownerLine}</Text>
            ) : (
              <Stack gap="sm">
                <Radio.Group
                  label={t('form.level')}
                  value={values.level}
                  onChange={(level) => {
                    form.setFieldValue('level', level as ObjectiveLevel);
                    if (level !== 'person') form.setFieldValue('visibility', 'public');
                  }}
                  error={form.errors.level}
                >
                  <Group gap="lg" mt={6}>
                    {(choices?.levels ?? OBJECTIVE_LEVELS).map((level) => (
                      <Radio key={level} value={level} label={t(`common:level.${level}`)} />
                    ))}
                  </Group>
                </Radio.Group>
                {values.level === 'unit' && (
                  <Select
                    label={t('form.unit')}
                    data={unitOptions}
                    searchable
                    required
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('unitId')}
                  />
                )}
                {isPerson && (
                  <MemberSelect
                    orgId={orgId}
                    label={t('form.person')}
                    placeholder={t('krFields.searchPeople')}
                    required
                    // Who may write only their own objectives writes them for themselves.
                    readOnly={choices ? !choices.anyone : false}
                    value={values.personId}
                    valueName={values.personName}
                    onChange={(id, name) => {
                      form.clearFieldError('personId');
                      form.setValues({ personId: id, personName: name });
                    }}
                    error={form.errors.personId}
                  />
                )}
              </Stack>
            )}

            <Select
              label={t('form.cycle')}
              data={cycleOptions}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('cycleId')}
            />
            <TextInput
              label={t('form.title')}
              placeholder={t('form.titlePlaceholder')}
              required
              data-autofocus
              description={lengthNear(values.title, TEXT_LIMITS.title)}
              {...form.getInputProps('title')}
            />
            <Textarea
              label={t('form.description')}
              description={[t('form.descriptionHint'), lengthNear(values.description, TEXT_LIMITS.longText)]
                .filter(Boolean)
                .join(' ')}
              autosize
              minRows={3}
              maxRows={12}
              {...form.getInputProps('description')}
            />
            <Radio.Group label={t('form.kind')} {...form.getInputProps('kind')}>
              <Stack gap="xs" mt={6}>
                {OBJECTIVE_KINDS.map((kind) => (
                  <Radio
                    key={kind}
                    value={kind}
                    label={t(`common:kind.${kind}`)}
                    description={t(`form.kindHint.${kind}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {isPerson && (
              <Radio.Group label={t('form.visibility')} {...form.getInputProps('visibility')}>
                <Stack gap="xs" mt={6}>
                  {VISIBILITIES.map((visibility) => (
                    <Radio key={visibility} value={visibility} label={t(`visibilities.${visibility}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            <SupportsSelect
              orgId={orgId}
              cycleId={values.cycleId}
              excludeId={editing?.id}
              label={t('form.supports')}
              description={t('form.supportsHint')}
              placeholder={t('form.supportsPlaceholder')}
              value={{ supports: values.supports, supportsKeyResultIds: values.supportsKeyResultIds }}
              onChange={(chosen) => form.setValues(chosen)}
              knownKeyResults={editing?.supportedKeyResults}
              error={form.errors.supports ?? form.errors.supportsKeyResultIds}
            />
            <ThemePicker
              orgId={orgId}
              value={values.themeIds}
              onChange={(themeIds) => form.setFieldValue('themeIds', themeIds)}
              error={form.errors.themeIds}
            />
            {!editing?.closed && (
              <Checkbox
                label={t('form.draft')}
                description={t('form.draftHint')}
                {...form.getInputProps('draft', { type: 'checkbox' })}
              />
            )}

            {!editing && (
              <Stack gap="sm" component="section" aria-labelledby="form-key-results">
                <Title order={2} size="h3" id="form-key-results">
                  {t('form.keyResults')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('form.keyResultsHint')}
                </Text>
                {values.keyResults.map((kr, i) => (
                  <Fieldset
                    key={kr.key}
                    legend={t('form.keyResultN', { n: i + 1 })}
                    data-testid="key-result-row"
                    style={{ position: 'relative' }}
                  >
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('form.removeKeyResult', { n: i + 1 })}
                      onClick={() => form.removeListItem('keyResults', i)}
                      style={{ position: 'absolute', top: 8, right: 8 }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                    <KeyResultFields
                      orgId={orgId}
                      value={kr}
                      errors={krErrors(i)}
                      onChange={(next) => {
                        for (const field of changedFields(kr, next)) form.clearFieldError(`keyResults.${i}.${field}`);
                        form.setFieldValue(`keyResults.${i}`, next);
                      }}
                    />
                  </Fieldset>
                ))}
                {values.keyResults.length < MAX_INLINE_KEY_RESULTS && (
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => form.insertListItem('keyResults', emptyKeyResult(me))}
                    >
                      {t('form.addKeyResult')}
                    </Button>
                  </Group>
                )}
              </Stack>
            )}

            <Group justify="flex-end" gap="sm">
              {cancel}
              <Button type="submit" loading={form.submitting}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
        {examples && (
          <Suspense fallback={null}>
            <ExamplesDialog
              focus={examples.focus}
              // Only a new objective takes its key results from the form; a saved one's are on its page.
              onUse={editing ? undefined : startFromExample}
              onClose={() => setExamples(null)}
            />
          </Suspense>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <div style={{ position: 'sticky', top: 76 }}>
          <Suspense fallback={null}>
            <CoachPanel orgId={orgId} draft={coachDraft} onSeeExample={(focus) => setExamples({ focus })} />
          </Suspense>
        </div>
      </Grid.Col>
    </Grid>
  );
}
