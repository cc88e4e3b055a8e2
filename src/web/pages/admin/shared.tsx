// What the administration tabs share: their heading, notices after a change, and
// the handling of a rejected save (messages beside fields, 412 as "someone else changed it").
import { Stack, Text, Title } from '@mantine/core';
import { notify } from '../../components/notify.ts';
import type { ReactNode } from 'react';
import { isConflict, problemText, showFieldErrors } from '../../components/serverErrors.ts';

/** A tab's heading and what it is for, under the page's tabs. */
export function TabHeading({ title, intro }: { title: string; intro: string }) {
  return (
    <Stack gap={4}>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {intro}
      </Text>
    </Stack>
  );
}

export const notifyDone = (message: string) => notify({ message, color: 'teal' });
export const notifyError = (error: unknown) => notify({ message: problemText(error), color: 'red' });

interface FormLike {
  setFieldError: (path: string, error: ReactNode) => void;
}

/**
 * After a failed save: the server's field messages go beside their fields; what is left is
 * returned as one sentence for the form (null when every message found its field). A 412
 * gives the "changed meanwhile" sentence; the caller reloads.
 */
export function saveProblem(form: FormLike, error: unknown, fields: readonly string[]): string | null {
  if (isConflict(error)) return problemText(error);
  if (showFieldErrors(form, error, fields)) return null;
  return problemText(error);
}
