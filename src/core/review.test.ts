import { describe, expect, it } from 'vitest';
import {
  reviewObjective,
  reviewSlides,
  reviewSummary,
  unitSummaries,
  type ReviewKeyResultRow,
  type ReviewObjectiveRow,
  type ScoringKeyResultRow,
} from './review.ts';

const kr = (overrides: Partial<ReviewKeyResultRow> = {}): ReviewKeyResultRow => ({
  id: 'kr',
  title: '300 deltagare',
  ownerName: 'Elin',
  metric: 'increase_to',
  start: 0,
  target: 300,
  current: 150,
  unit: 'deltagare',
  weight: 1,
  finalScore: null,
  ...overrides,
});

const objective = (overrides: Partial<ReviewObjectiveRow> = {}): ReviewObjectiveRow => ({
  id: 'o',
  title: 'Fler på våra event',
  level: 'unit',
  ownerName: 'Marknad',
  done: false,
  finalScore: null,
  reflection: null,
  carriedTo: [],
  keyResults: [kr()],
  ...overrides,
});

describe('the quarterly review’s scores', () => {
  it('scores an open objective as closing would now: its key results’ progress in tenths, weighted', () => {
    const reviewed = reviewObjective(
      objective({
        keyResults: [kr({ id: 'a', current: 240 }), kr({ id: 'b', current: 60, weight: 3 })],
      }),
    );
    // 0.8 and 0.2 (weight 3): (0.8 + 0.6) / 4 = 0.35 → 0.4.
    expect(reviewed.keyResults.map((k) => [k.score, k.band])).toEqual([
      [0.8, 'green'],
      [0.2, 'red'],
    ]);
    expect(reviewed.score).toBe(0.4);
    expect(reviewed.band).toBe('yellow');
    expect(reviewed.progress).toBeCloseTo(0.35);
  });

  it('keeps the owners’ final scores, of the key results and of the objective', () => {
    const fromKeyResults = reviewObjective(objective({ keyResults: [kr({ finalScore: 0.7 })] }));
    expect([fromKeyResults.keyResults[0]?.score, fromKeyResults.score]).toEqual([0.7, 0.7]);
    const ownScore = reviewObjective(objective({ finalScore: 0.3, keyResults: [kr({ finalScore: 0.7 })] }));
    expect([ownScore.score, ownScore.band]).toEqual([0.3, 'red']);
  });

  it('gives an objective without key results nothing achieved', () => {
    expect(reviewObjective(objective({ keyResults: [] }))).toMatchObject({ score: 0, band: 'red', progress: 0 });
  });

  it('sums up the objectives: their mean score, bands, done and carried over', () => {
    const objectives = [
      reviewObjective(objective({ id: 'a', finalScore: 0.9, done: true })),
      reviewObjective(
        objective({ id: 'b', finalScore: 0.5, carriedTo: [{ id: 'n', title: 'x', cycleId: 'q', cycleName: 'Q3' }] }),
      ),
      reviewObjective(objective({ id: 'c', finalScore: 0.1 })),
    ];
    expect(reviewSummary(objectives)).toEqual({
      objectives: 3,
      averageScore: expect.closeTo(0.5) as number,
      byBand: { red: 1, yellow: 1, green: 1 },
      done: 1,
      carriedOver: 1,
    });
    expect(reviewSummary([])).toMatchObject({ objectives: 0, averageScore: null });
  });
});

describe('the organisation review’s units', () => {
  const tree = [
    { id: 'sales', parentId: null, name: 'Sälj' },
    { id: 'marketing', parentId: null, name: 'Marknad' },
    { id: 'events', parentId: 'marketing', name: 'Event' },
  ];
  const scoring = (finalScore: number | null, current = 0): ScoringKeyResultRow[] => [
    { metric: 'increase_to', start: 0, target: 10, current, weight: 1, finalScore },
  ];

  it('counts each top-level unit with the units beneath it: objectives, mean score and alignment', () => {
    const summaries = unitSummaries(tree, [
      { unitId: 'marketing', finalScore: 0.8, supporting: true, keyResults: scoring(null) },
      // No final score: from its key result's progress, 0.4.
      { unitId: 'events', finalScore: null, supporting: false, keyResults: scoring(null, 4) },
    ]);
    expect(summaries).toEqual([
      {
        id: 'sales',
        name: 'Sälj',
        objectives: 0,
        averageScore: null,
        supportingOrganization: 0,
        alignmentShare: null,
      },
      {
        id: 'marketing',
        name: 'Marknad',
        objectives: 2,
        averageScore: expect.closeTo(0.6) as number,
        supportingOrganization: 1,
        alignmentShare: 0.5,
      },
    ]);
  });
});

describe('the review’s slides', () => {
  it('are the title, one per objective, then what was carried over and alignment health', () => {
    const objectives = [{ id: 'a' }, { id: 'b' }];
    expect(reviewSlides({ objectives, unit: null, units: [] })).toEqual([
      { kind: 'title' },
      { kind: 'objective', objectiveId: 'a' },
      { kind: 'objective', objectiveId: 'b' },
      { kind: 'carried' },
      { kind: 'health' },
      { kind: 'units' },
    ]);
  });

  it('give a unit its own reflection and no summary of units', () => {
    expect(reviewSlides({ objectives: [], unit: { id: 'u' }, units: null }).map((s) => s.kind)).toEqual([
      'title',
      'reflection',
      'carried',
      'health',
    ]);
  });
});
