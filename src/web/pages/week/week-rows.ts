// The state of one row of "My week" and what it sends: a row is checked in only when the
// person changed something in it (or ticked it), so unchanged rows are skipped.
import type { CheckInBatchInput, KeyResultInContext } from '../../api/types.ts';

export interface RowState {
  value: number | string;
  done: boolean;
  confidence: number | string;
  note: string;
  include: boolean;
}

export type RowErrors = Partial<Record<'value' | 'confidence' | 'note' | 'row', string>>;

export const initialRow = (kr: KeyResultInContext): RowState => ({
  value: kr.current,
  done: kr.current >= kr.target,
  confidence: kr.confidence ?? '',
  note: '',
  include: false,
});

type Item = CheckInBatchInput['checkIns'][number];

/** The check-in a row sends, or the problems that keep it from being sent. */
export function rowItem(kr: KeyResultInContext, row: RowState): { item?: Item; errors: RowErrors } {
  const value = kr.metric === 'milestone' ? (row.done ? kr.target : kr.start) : row.value;
  const errors: RowErrors = {};
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.value = 'valueRequired';
  const confidence = row.confidence;
  if (typeof confidence !== 'number' || !Number.isInteger(confidence) || confidence < 0 || confidence > 10)
    errors.confidence = 'confidenceRequired';
  if (errors.value || errors.confidence) return { errors };
  const note = row.note.trim();
  return {
    item: { keyResultId: kr.id, value: value as number, confidence: confidence as number, ...(note ? { note } : {}) },
    errors,
  };
}

/** Which row and field a server problem points at (`/body/checkIns/2/value`), given the rows sent. */
export function problemTarget(
  field: string,
  sent: readonly string[],
): { keyResultId: string; field: keyof RowErrors } | null {
  const match = /^\/body\/checkIns\/(\d+)(?:\/(\w+))?/.exec(field);
  const keyResultId = match ? sent[Number(match[1])] : undefined;
  if (!match || !keyResultId) return null;
  const name = match[2];
  return { keyResultId, field: name === 'value' || name === 'confidence' || name === 'note' ? name : 'row' };
}
