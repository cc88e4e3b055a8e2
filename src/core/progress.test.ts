import { describe, expect, it } from 'vitest';
import type { Metric } from './domain.ts';
import { expectedProgress, keyResultProgress, objectiveProgress, type WeightedProgress } from './progress.ts';

describe('keyResultProgress', () => {
  const rows: { case: string; metric: Metric; start: number; target: number; current: number; expected: number }[] = [
    // increase_to: share of the way from start to target
    { case: 'increase, at start', metric: 'increase_to', start: 0, target: 100, current: 0, expected: 0 },
    { case: 'increase, a quarter', metric: 'increase_to', start: 0, target: 100, current: 25, expected: 0.25 },
    { case: 'increase, halfway', metric: 'increase_to', start: 0, target: 100, current: 50, expected: 0.5 },
    { case: 'increase, reached', metric: 'increase_to', start: 0, target: 100, current: 100, expected: 1 },
    { case: 'increase, non-zero start', metric: 'increase_to', start: 20, target: 30, current: 25, expected: 0.5 },
    { case: 'increase, negative start', metric: 'increase_to', start: -10, target: 10, current: 0, expected: 0.5 },
    {
      case: 'increase, overshoot clamped to 1',
      metric: 'increase_to',
      start: 0,
      target: 100,
      current: 150,
      expected: 1,
    },
    {
      case: 'increase, undershoot below start clamped to 0',
      metric: 'increase_to',
      start: 20,
      target: 30,
      current: 10,
      expected: 0,
    },
    { case: 'increase, start = target, reached', metric: 'increase_to', start: 5, target: 5, current: 5, expected: 1 },
    { case: 'increase, start = target, beyond', metric: 'increase_to', start: 5, target: 5, current: 6, expected: 1 },
    {
      case: 'increase, start = target, not reached',
      metric: 'increase_to',
      start: 5,
      target: 5,
      current: 4,
      expected: 0,
    },
    {
      case: 'increase, start = target = 0, reached',
      metric: 'increase_to',
      start: 0,
      target: 0,
      current: 0,
      expected: 1,
    },

    // decrease_to: the same share, the way running downwards
    { case: 'decrease, at start', metric: 'decrease_to', start: 50, target: 10, current: 50, expected: 0 },
    {
      case: 'decrease, halfway (50 -> 10, now 30)',
      metric: 'decrease_to',
      start: 50,
      target: 10,
      current: 30,
      expected: 0.5,
    },
    { case: 'decrease, three quarters', metric: 'decrease_to', start: 50, target: 10, current: 20, expected: 0.75 },
    { case: 'decrease, reached', metric: 'decrease_to', start: 50, target: 10, current: 10, expected: 1 },
    {
      case: 'decrease, overshoot below target clamped to 1',
      metric: 'decrease_to',
      start: 50,
      target: 10,
      current: 5,
      expected: 1,
    },
    {
      case: 'decrease, undershoot above start clamped to 0',
      metric: 'decrease_to',
      start: 50,
      target: 10,
      current: 60,
      expected: 0,
    },
    { case: 'decrease, to zero', metric: 'decrease_to', start: 8, target: 0, current: 2, expected: 0.75 },
    {
      case: 'decrease, start = target, reached',
      metric: 'decrease_to',
      start: 10,
      target: 10,
      current: 10,
      expected: 1,
    },
    { case: 'decrease, start = target, beyond', metric: 'decrease_to', start: 10, target: 10, current: 9, expected: 1 },
    {
      case: 'decrease, start = target, not reached',
      metric: 'decrease_to',
      start: 10,
      target: 10,
      current: 11,
      expected: 0,
    },

    // stay_at_or_above: a threshold that holds or not; start plays no part
    {
      case: 'at or above, exactly at threshold',
      metric: 'stay_at_or_above',
      start: 0,
      target: 95,
      current: 95,
      expected: 1,
    },
    {
      case: 'at or above, just below threshold',
      metric: 'stay_at_or_above',
      start: 0,
      target: 95,
      current: 94.9,
      expected: 0,
    },
    { case: 'at or above, well above', metric: 'stay_at_or_above', start: 0, target: 95, current: 99, expected: 1 },
    { case: 'at or above, well below', metric: 'stay_at_or_above', start: 99, target: 95, current: 50, expected: 0 },
    {
      case: 'at or above, start above threshold plays no part',
      metric: 'stay_at_or_above',
      start: 200,
      target: 95,
      current: 96,
      expected: 1,
    },

    // stay_at_or_below
    {
      case: 'at or below, exactly at threshold',
      metric: 'stay_at_or_below',
      start: 0,
      target: 2,
      current: 2,
      expected: 1,
    },
    {
      case: 'at or below, just above threshold',
      metric: 'stay_at_or_below',
      start: 0,
      target: 2,
      current: 2.1,
      expected: 0,
    },
    { case: 'at or below, well below', metric: 'stay_at_or_below', start: 5, target: 2, current: 0, expected: 1 },
    { case: 'at or below, well above', metric: 'stay_at_or_below', start: 0, target: 2, current: 10, expected: 0 },

    // milestone: done (current reached target) or not
    { case: 'milestone, done', metric: 'milestone', start: 0, target: 1, current: 1, expected: 1 },
    { case: 'milestone, not done', metric: 'milestone', start: 0, target: 1, current: 0, expected: 0 },
    {
      case: 'milestone, not done is never partial',
      metric: 'milestone',
      start: 0,
      target: 1,
      current: 0.9,
      expected: 0,
    },
  ];

  it.each(rows)('$case: $metric $start -> $target, current $current = $expected', (row) => {
    expect(keyResultProgress(row)).toBe(row.expected);
  });

  it('stays within 0–1 over a sweep of current values for every metric', () => {
    const metrics: Metric[] = ['increase_to', 'decrease_to', 'stay_at_or_above', 'stay_at_or_below', 'milestone'];
    for (const metric of metrics) {
      for (let current = -200; current <= 200; current += 7) {
        const value = keyResultProgress({ metric, start: 10, target: 90, current });
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('objectiveProgress', () => {
  const kr = (progress: number, weight: number): WeightedProgress => ({ progress, weight });
  const rows: { case: string; keyResults: WeightedProgress[]; expected: number }[] = [
    { case: 'empty objective', keyResults: [], expected: 0 },
    { case: 'one key result', keyResults: [kr(0.4, 1)], expected: 0.4 },
    { case: 'one key result, weight 0', keyResults: [kr(0.4, 0)], expected: 0.4 },
    { case: 'equal weights: plain mean', keyResults: [kr(0.25, 1), kr(0.75, 1)], expected: 0.5 },
    { case: 'equal weights other than 1', keyResults: [kr(0.25, 5), kr(0.75, 5)], expected: 0.5 },
    { case: 'weighted mean', keyResults: [kr(1, 3), kr(0, 1)], expected: 0.75 },
    { case: 'weighted mean of three', keyResults: [kr(1, 2), kr(0.5, 1), kr(0, 1)], expected: 0.625 },
    { case: 'all zero weights: plain mean', keyResults: [kr(0.25, 0), kr(0.75, 0)], expected: 0.5 },
    { case: 'all zero weights, three', keyResults: [kr(1, 0), kr(0.5, 0), kr(0, 0)], expected: 0.5 },
    { case: 'some zero weights: they count nothing', keyResults: [kr(1, 0), kr(0.5, 2)], expected: 0.5 },
    {
      case: 'some zero weights with done ones left out',
      keyResults: [kr(0, 0), kr(1, 0), kr(0.25, 1), kr(0.75, 1)],
      expected: 0.5,
    },
    { case: 'negative weight counts as 0', keyResults: [kr(1, -5), kr(0.5, 1)], expected: 0.5 },
    { case: 'negative and zero weights only: plain mean', keyResults: [kr(1, -1), kr(0, 0)], expected: 0.5 },
    { case: 'all negative weights: plain mean', keyResults: [kr(0.25, -1), kr(0.75, -3)], expected: 0.5 },
    { case: 'nothing done', keyResults: [kr(0, 1), kr(0, 2)], expected: 0 },
    { case: 'everything done', keyResults: [kr(1, 1), kr(1, 2)], expected: 1 },
  ];

  it.each(rows)('$case = $expected', ({ keyResults, expected }) => {
    expect(objectiveProgress(keyResults)).toBeCloseTo(expected, 12);
  });
});

describe('expectedProgress', () => {
  const start = new Date('2025-01-01T00:00:00Z');
  const end = new Date('2025-01-11T00:00:00Z'); // ten days
  const rows: { case: string; cycleStart: Date; cycleEnd: Date; now: string; expected: number }[] = [
    { case: 'long before start', cycleStart: start, cycleEnd: end, now: '2024-06-01T00:00:00Z', expected: 0 },
    { case: 'just before start', cycleStart: start, cycleEnd: end, now: '2024-12-31T23:59:59Z', expected: 0 },
    { case: 'at start', cycleStart: start, cycleEnd: end, now: '2025-01-01T00:00:00Z', expected: 0 },
    { case: 'a quarter in', cycleStart: start, cycleEnd: end, now: '2025-01-03T12:00:00Z', expected: 0.25 },
    { case: 'midway', cycleStart: start, cycleEnd: end, now: '2025-01-06T00:00:00Z', expected: 0.5 },
    { case: 'at end', cycleStart: start, cycleEnd: end, now: '2025-01-11T00:00:00Z', expected: 1 },
    { case: 'after end', cycleStart: start, cycleEnd: end, now: '2025-03-01T00:00:00Z', expected: 1 },
    { case: 'zero-length cycle, before', cycleStart: start, cycleEnd: start, now: '2024-12-31T00:00:00Z', expected: 0 },
    {
      case: 'zero-length cycle, at the moment',
      cycleStart: start,
      cycleEnd: start,
      now: '2025-01-01T00:00:00Z',
      expected: 1,
    },
    { case: 'zero-length cycle, after', cycleStart: start, cycleEnd: start, now: '2025-01-02T00:00:00Z', expected: 1 },
  ];

  it.each(rows)('$case ($now) = $expected', ({ cycleStart, cycleEnd, now, expected }) => {
    expect(expectedProgress(cycleStart, cycleEnd, new Date(now))).toBeCloseTo(expected, 12);
  });

  it('midway through a real quarter is about one half', () => {
    const q1Start = new Date('2025-01-01T00:00:00Z');
    const q1End = new Date('2025-04-01T00:00:00Z'); // 90 days
    expect(expectedProgress(q1Start, q1End, new Date('2025-02-15T00:00:00Z'))).toBeCloseTo(0.5, 12);
  });
});
