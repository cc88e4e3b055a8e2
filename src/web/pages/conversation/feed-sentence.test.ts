import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../api/types.ts';
import { feedSentence } from './feed-sentence.ts';

const words = { actor: 'Demo Ägare', fields: (f: string[]) => f.join(', '), number: (n: number) => String(n) };

const scored = (details: FeedItem['details']): FeedItem => ({
  id: 1,
  action: 'objective.score',
  actorId: '00000000-0000-4000-8000-000000000001',
  actorName: 'Demo Ägare',
  objective: { id: '00000000-0000-4000-8000-000000000002', title: 'Fler kundcase', archived: false },
  keyResult: null,
  unit: null,
  details,
  createdAt: '2026-12-04T10:00:00.000Z',
});

describe('feedSentence', () => {
  it('says a score someone gave was theirs', () => {
    expect(feedSentence(scored({ score: 0.6 }), words)).toEqual({
      key: 'objectiveScore',
      values: expect.objectContaining({ actor: 'Demo Ägare', objective: 'Fler kundcase', score: '0.6' }),
    });
  });

  it('does not put a score suggested when the cycle closed in the closer’s name', () => {
    const sentence = feedSentence(scored({ score: 0.4, suggested: true }), words);
    expect(sentence.key).toBe('objectiveScoreSuggested');
    expect(sentence.values.score).toBe('0.4');
  });
});
