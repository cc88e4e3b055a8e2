// What the objective form holds once a person starts from an example: its title,
// description, kind and key results, each key result owned by the person (as a new row
// is). The owner, cycle and what it supports stay as they were: those are the person's.
import type { Example } from '../../api/types.ts';
import type { KeyResultDraft } from '../objective/KeyResultFields.tsx';

export interface ExampleFill {
  title: string;
  description: string;
  kind: Example['kind'];
  keyResults: KeyResultDraft[];
  /** Set for a person's development plan, which is theirs until they share it (as the new-objective page sets it). */
  visibility?: 'private';
}

export function fillFromExample(
  example: Example,
  level: 'organization' | 'unit' | 'person',
  newRow: () => KeyResultDraft,
): ExampleFill {
  return {
    title: example.title,
    description: example.description,
    kind: example.kind,
    keyResults: example.keyResults.map(({ title, metric, start, target, unit }) => ({
      ...newRow(),
      title,
      metric,
      start,
      target,
      unit,
    })),
    ...(example.kind === 'development' && level === 'person' ? { visibility: 'private' as const } : {}),
  };
}
