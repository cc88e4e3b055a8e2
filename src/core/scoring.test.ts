import { describe, expect, it } from 'vitest';
import { roundScore, suggestedKeyResultScore, suggestedObjectiveScore, type ScoredKeyResult } from './scoring.ts';

describe('roundScore', () => {
  it.each([
    [0, 0],
    [0.04, 0],
    [0.05, 0.1],
    [0.25, 0.3],
    [0.35, 0.4],
    [0.649, 0.6],
    [0.65, 0.7],
    [0.95, 1],
    [1, 1],
    [1.7, 1],
    [-0.2, 0],
  ])('%d → %d', (value, score) => {
    expect(roundScore(value)).toBe(score);
  });
});

describe('suggestedKeyResultScore', () => {
  it('is progress in tenths', () => {
    expect(suggestedKeyResultScore(0.62)).toBe(0.6);
    expect(suggestedKeyResultScore(1)).toBe(1);
  });
});

describe('suggestedObjectiveScore', () => {
  const kr = (progress: number, weight = 1, finalScore: number | null = null): ScoredKeyResult => ({
    progress,
    weight,
    finalScore,
  });
  const rows: { case: string; krs: ScoredKeyResult[]; score: number }[] = [
    { case: 'no key results', krs: [], score: 0 },
    { case: 'one key result', krs: [kr(0.62)], score: 0.6 },
    { case: 'mean of suggestions', krs: [kr(0.62), kr(1), kr(0.2)], score: 0.6 },
    { case: 'weights count', krs: [kr(1, 3), kr(0, 1)], score: 0.8 },
    { case: 'an owner’s score replaces the suggestion', krs: [kr(0.2, 1, 0.8), kr(0.6)], score: 0.7 },
    { case: 'a final score of 0 is a score', krs: [kr(1, 1, 0), kr(1)], score: 0.5 },
    { case: 'all weights zero count equally', krs: [kr(1, 0), kr(0.4, 0)], score: 0.7 },
  ];
  it.each(rows)('$case', ({ krs, score }) => {
    expect(suggestedObjectiveScore(krs)).toBe(score);
  });
});
