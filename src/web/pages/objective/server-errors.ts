// The server's answer to a rejected form, split into messages beside fields and one for
// the form as a whole. Field messages come translated ("is required"); they are shown
// under the field's label, so only the first letter changes.
import { ApiError } from '../../api/client.ts';

export interface FormProblem {
  /** Form paths (`title`, `keyResults.0.target`) to messages. */
  fields: Record<string, string>;
  /** What belongs to no field shown, or null. */
  general: string | null;
  /** 412: someone else changed the resource since it was read. */
  conflict: boolean;
}

const GENERIC_CODES = new Set(['invalid', 'validation', 'bad_request']);
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * `shown` lists the form paths that have a field on screen; a message for another path
 * (or no path) goes to `general`. List items (`/body/supports/2`) belong to their list.
 */
export function formProblem(error: unknown, shown: (path: string) => boolean, fallback: string): FormProblem {
  if (!(error instanceof ApiError)) return { fields: {}, general: fallback, conflict: false };
  if (error.status === 412) return { fields: {}, general: null, conflict: true };
  // A specific problem (e.g. a loop in the alignment graph) says more in its title than
  // the generic "is not valid" of its field.
  const specific = !GENERIC_CODES.has(error.problem.code);
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const item of error.problem.errors ?? []) {
    const parts = item.field
      .replace(/^\/body\/?/, '')
      .split('/')
      .filter(Boolean);
    // The deepest prefix of the pointer that is a field on screen.
    let placed = false;
    for (let n = parts.length; n > 0 && !placed; n--) {
      const path = parts.slice(0, n).join('.');
      if (shown(path)) {
        fields[path] ??= specific ? error.problem.title : capitalise(item.message);
        placed = true;
      }
    }
    if (!placed) unplaced.push(item.message);
  }
  const general =
    Object.keys(fields).length > 0 && unplaced.length === 0
      ? null
      : [error.problem.detail ?? error.problem.title, ...unplaced].join(' — ');
  return { fields, general, conflict: false };
}
