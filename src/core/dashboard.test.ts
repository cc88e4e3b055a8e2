import { describe, expect, it } from 'vitest';
import {
  confidenceTrend,
  daysOverdue,
  netConfidence,
  noStatuses,
  objectiveStatus,
  progressBand,
  shareOf,
  summariseObjectives,
  unitGroups,
  weekOfCycle,
  type StatusCounts,
} from './dashboard.ts';

const counts = (on_track: number, at_risk: number, off_track: number): StatusCounts => ({
  on_track,
  at_risk,
  off_track,
});

describe('netConfidence', () => {
  it.each([
    { case: 'nothing to judge', counts: counts(0, 0, 0), net: null },
    { case: 'all on track', counts: counts(4, 0, 0), net: 1 },
    { case: 'all off track', counts: counts(0, 0, 3), net: -1 },
    { case: 'all at risk', counts: counts(0, 5, 0), net: 0 },
    { case: 'as many on as off', counts: counts(2, 1, 2), net: 0 },
    { case: 'half on, a quarter off', counts: counts(2, 1, 1), net: 0.25 },
    { case: 'one of three off', counts: counts(0, 2, 1), net: -1 / 3 },
  ])('$case', ({ counts: c, net }) => {
    expect(netConfidence(c)).toBe(net);
  });
});

describe('progressBand', () => {
  it.each([
    [0, 0],
    [-0.2, 0],
    [0.0999, 0],
    [0.1, 1],
    [0.3 * 3, 9],
    [0.7, 7],
    [0.55, 5],
    [0.8999999, 8],
    [0.9, 9],
    [0.99, 9],
    [1, 9],
    [1.7, 9],
  ])('%s is in band %s', (progress, band) => {
    expect(progressBand(progress)).toBe(band);
  });
});

describe('objectiveStatus and summariseObjectives', () => {
  it('uses the owner’s status when set, else the suggested one', () => {
    expect(objectiveStatus({ progress: 0, explicitStatus: 'on_track', confidence: 1 }, 0.9)).toBe('on_track');
    expect(objectiveStatus({ progress: 0, explicitStatus: null, confidence: null }, 0.9)).toBe('off_track');
    expect(objectiveStatus({ progress: 0.5, explicitStatus: null, confidence: 5 }, 0.5)).toBe('at_risk');
  });

  it('counts statuses, bands, the explicit ones and the averages', () => {
    const summary = summariseObjectives(
      [
        { progress: 0.5, explicitStatus: null, confidence: 8 }, // on track
        { progress: 0.05, explicitStatus: null, confidence: null }, // gap 0.45: off track
        { progress: 0.4, explicitStatus: null, confidence: 6 }, // on track by figures, at risk by confidence
        { progress: 1, explicitStatus: 'off_track', confidence: 9 }, // the owner knows better
      ],
      0.5,
    );
    expect(summary).toEqual({
      total: 4,
      byStatus: counts(1, 1, 2),
      explicit: 1,
      netConfidence: -0.25,
      averageProgress: (0.5 + 0.05 + 0.4 + 1) / 4,
      distribution: [1, 0, 0, 0, 1, 1, 0, 0, 0, 1],
    });
  });

  it('is whole but empty for no objectives', () => {
    expect(summariseObjectives([], 0.3)).toEqual({
      total: 0,
      byStatus: noStatuses(),
      explicit: 0,
      netConfidence: null,
      averageProgress: null,
      distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });
});

describe('unitGroups', () => {
  //  D ─ A ─ A1        C        X (a group not in the tree)
  //    └ B
  const units = [
    { id: 'A1', parentId: 'A' },
    { id: 'D', parentId: null },
    { id: 'A', parentId: 'D' },
    { id: 'B', parentId: 'D' },
    { id: 'C', parentId: null },
  ];
  it('maps top-level groups to everything beneath them', () => {
    expect(Object.fromEntries(unitGroups(units, ['D', 'C', 'X']))).toEqual({ D: 'D', A: 'D', A1: 'D', B: 'D', C: 'C' });
  });
  it('maps a unit’s children and leaves the rest out', () => {
    expect(Object.fromEntries(unitGroups(units, ['A', 'B']))).toEqual({ A: 'A', A1: 'A', B: 'B' });
  });
  it('survives a loop that the unit rules never allow', () => {
    const loop = [
      { id: 'P', parentId: 'Q' },
      { id: 'Q', parentId: 'P' },
    ];
    expect(unitGroups(loop, ['G']).size).toBe(0);
  });
});

describe('confidenceTrend', () => {
  const start = new Date('2026-04-01T00:00:00Z');
  const end = new Date('2026-07-01T00:00:00Z'); // 91 days: 13 weeks

  it('has every week of the cycle, empty ones without an average', () => {
    const trend = confidenceTrend(start, end, [
      { week: 0, checkIns: 3, averageConfidence: 7 },
      { week: 2, checkIns: 1, averageConfidence: 4.5 },
      { week: 13, checkIns: 9, averageConfidence: 1 }, // after the cycle: ignored
    ]);
    expect(trend).toHaveLength(13);
    expect(trend.slice(0, 3)).toEqual([
      { week: 1, startsOn: '2026-04-01', checkIns: 3, averageConfidence: 7 },
      { week: 2, startsOn: '2026-04-08', checkIns: 0, averageConfidence: null },
      { week: 3, startsOn: '2026-04-15', checkIns: 1, averageConfidence: 4.5 },
    ]);
    expect(trend.at(-1)).toEqual({ week: 13, startsOn: '2026-06-24', checkIns: 0, averageConfidence: null });
  });

  it('keeps a short last week, and one week for a one-day cycle', () => {
    expect(confidenceTrend(start, new Date('2026-04-16T00:00:00Z'), [])).toHaveLength(3);
    expect(confidenceTrend(start, new Date('2026-04-02T00:00:00Z'), [])).toHaveLength(1);
  });

  it('puts a moment in the week it falls in', () => {
    expect(weekOfCycle(start, new Date('2026-04-07T23:59:59Z'))).toBe(0);
    expect(weekOfCycle(start, new Date('2026-04-08T00:00:00Z'))).toBe(1);
  });
});

describe('daysOverdue and shareOf', () => {
  const since = new Date('2026-05-01T12:00:00Z');
  it.each([
    { now: '2026-05-08T11:59:59Z', days: 0 }, // not yet due
    { now: '2026-05-08T12:00:00Z', days: 0 }, // due today
    { now: '2026-05-09T12:00:00Z', days: 1 },
    { now: '2026-05-20T13:00:00Z', days: 12 },
  ])('a weekly check-in last made on 1 May is $days days overdue at $now', ({ now, days }) => {
    expect(daysOverdue(since, 7, new Date(now))).toBe(days);
  });
  it('divides, or says there is nothing to divide', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
});
