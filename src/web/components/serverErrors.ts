// The server's words for what went wrong, placed where a person looks for them: a field's
// message under the field, anything else as one sentence.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';

/** Field messages arrive as fragments ("must be at least 8 characters"); shown alone, they start a sentence. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

interface FieldErrorTarget {
  setFieldError: (path: string, error: ReactNode) => void;
}

/**
 * Puts the server's message for each of these form fields next to the field (a form path
 * "settings.focus.objectivesMin" is the body field "settings/focus/objectivesMin").
 * Returns true when at least one field got a message.
 */
export function showFieldErrors(form: FieldErrorTarget, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  let shown = false;
  for (const field of fields) {
    const message = error.fieldMessage(field.replaceAll('.', '/'));
    if (message) {
      form.setFieldError(field, sentence(message));
      shown = true;
    }
  }
  return shown;
}

/** One sentence for an error that belongs to no field. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 412) return i18n.t('conflict');
    if (error.status === 403) return i18n.t('error.forbidden');
    return error.problem.title;
  }
  return i18n.t('error.title');
}

/** Someone else changed the row since it was read (412): reload it and say so. */
export const isConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 412;
