import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { suggestSlug } from '../../core/slug.ts';

interface Labels {
  name: string;
  slug: string;
  slugHelp: string;
}

/**
 * An organisation's name and short name: the short name follows the name as it is typed
 * (suggestSlug) until someone edits it themselves.
 */
export function OrgNameFields<Values extends { slug: string }>({
  form,
  nameField,
  labels,
  autoFocus = false,
}: {
  form: UseFormReturnType<Values>;
  nameField: keyof Values & string;
  labels: Labels;
  autoFocus?: boolean;
}) {
  const [slugTouched, setSlugTouched] = useState(false);
  // Mantine types setFieldValue by the form's own paths; both fields are among them (props' types).
  const set = (field: string, value: string) =>
    (form.setFieldValue as (path: string, value: string) => void)(field, value);
  return (
    <>
      <TextInput
        label={labels.name}
        required
        data-autofocus={autoFocus || undefined}
        autoComplete="organization"
        {...form.getInputProps(nameField)}
        onChange={(event) => {
          const name = event.currentTarget.value;
          set(nameField, name);
          if (!slugTouched) set('slug', suggestSlug(name));
        }}
      />
      <TextInput
        label={labels.slug}
        description={labels.slugHelp}
        required
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('slug')}
        onChange={(event) => {
          setSlugTouched(true);
          set('slug', event.currentTarget.value);
        }}
      />
    </>
  );
}
