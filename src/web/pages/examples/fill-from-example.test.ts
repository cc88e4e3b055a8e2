import { describe, expect, it } from 'vitest';
import { examplesIn } from '../../../core/examples/library.ts';
import type { KeyResultDraft } from '../objective/KeyResultFields.tsx';
import { fillFromExample } from './fill-from-example.ts';

let n = 0;
const row = (): KeyResultDraft => ({
  key: `row-${++n}`,
  title: '',
  metric: 'increase_to',
  start: 0,
  target: '',
  unit: '',
  ownerId: 'me',
  ownerName: 'Me',
  weight: 1,
});

describe('filling the objective form from an example', () => {
  it('takes the title, description, kind and key results, each a new row the person owns', () => {
    const [example] = examplesIn('sv', 'sales');
    if (!example) throw new Error('no sales example');
    const fill = fillFromExample(example, 'unit', row);
    expect(fill.title).toBe(example.title);
    expect(fill.description).toBe(example.description);
    expect(fill.kind).toBe('committed');
    expect(fill.visibility).toBeUndefined();
    expect(fill.keyResults).toHaveLength(example.keyResults.length);
    expect(fill.keyResults[0]).toMatchObject({
      title: 'Öka antalet nya kunder per kvartal från 18 till 30',
      metric: 'increase_to',
      start: 18,
      target: 30,
      unit: 'kunder',
      ownerId: 'me',
      weight: 1,
    });
    expect(new Set(fill.keyResults.map((kr) => kr.key)).size).toBe(example.keyResults.length);
  });

  it('keeps a person’s development plan private, as a new one is', () => {
    const [example] = examplesIn('en', 'personal-development');
    if (!example) throw new Error('no personal development example');
    expect(fillFromExample(example, 'person', row)).toMatchObject({ kind: 'development', visibility: 'private' });
    expect(fillFromExample(example, 'unit', row).visibility).toBeUndefined();
  });
});
