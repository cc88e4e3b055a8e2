// A save refused because someone else saved first (412): the person's typed text stays in
// the form, and the newer version's differing fields are shown beside it to merge by hand.
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface TheirField {
  label: string;
  /** Their value as the form would show it. */
  value: string;
}

export function ConflictNotice({ theirs }: { theirs: TheirField[] }) {
  // The objective pages' words: the objective form and the key-result dialog use it.
  const { t } = useTranslation('objective');
  return (
    <Alert color="yellow" role="alert" title={t('conflictKept.title')} data-testid="conflict-notice">
      <Stack gap="xs">
        <Text size="sm">{t('conflictKept.text')}</Text>
        {theirs.length > 0 && (
          <dl style={{ margin: 0 }} aria-label={t('conflictKept.theirs')}>
            {theirs.map((field) => (
              <div key={field.label}>
                <Text component="dt" size="sm" fw={600}>
                  {t('conflictKept.theirs')}: {field.label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {field.value}
                </Text>
              </div>
            ))}
          </dl>
        )}
      </Stack>
    </Alert>
  );
}

/** How a field is named, and its value written, in the notice. */
export interface FieldShown {
  label: string;
  show?: (value: never) => string;
}

/** Their fields (of those named) that differ from what the person typed, as the notice shows them. */
export function differingFields<V extends object>(
  typed: V,
  theirs: V,
  fields: Partial<Record<keyof V, FieldShown>>,
): TheirField[] {
  return (Object.entries(fields) as [keyof V, FieldShown][])
    .filter(([key]) => JSON.stringify(typed[key]) !== JSON.stringify(theirs[key]))
    .map(([key, { label, show }]) => ({
      label,
      value: show ? (show as (value: unknown) => string)(theirs[key]) : String(theirs[key]),
    }));
}

interface RebasableForm<V> {
  getValues: () => V;
  setInitialValues: (values: V) => void;
}

/**
 * After a 412 in a form of @mantine/form: the newer version becomes what the form counts
 * changes from, what the person typed stays in the fields, and their differing fields are
 * returned for the notice.
 */
export function rebaseOnTheirs<V extends object>(
  form: RebasableForm<V>,
  theirs: V,
  fields: Partial<Record<keyof V, FieldShown>>,
): TheirField[] {
  form.setInitialValues(theirs);
  return differingFields(form.getValues(), theirs, fields);
}
