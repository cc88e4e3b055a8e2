import { describe, expect, it } from 'vitest';
import type { Status } from './domain.ts';
import {
  AT_RISK_CONFIDENCE,
  AT_RISK_GAP,
  OFF_TRACK_CONFIDENCE,
  OFF_TRACK_GAP,
  type ScoreBand,
  scoreBand,
  suggestedStatus,
} from './status.ts';

describe('status thresholds', () => {
  // The tables below are written against these values; if they change, so must the tables.
  it('are the documented values', () => {
    expect({ AT_RISK_GAP, OFF_TRACK_GAP, AT_RISK_CONFIDENCE, OFF_TRACK_CONFIDENCE }).toEqual({
      AT_RISK_GAP: 0.15,
      OFF_TRACK_GAP: 0.35,
      AT_RISK_CONFIDENCE: 6,
      OFF_TRACK_CONFIDENCE: 3,
    });
  });
});

describe('suggestedStatus', () => {
  const rows: { case: string; progress: number; expected: number; confidence: number | null; status: Status }[] = [
    // figures only (nobody has checked in yet)
    { case: 'on schedule', progress: 0.5, expected: 0.5, confidence: null, status: 'on_track' },
    { case: 'ahead of schedule', progress: 0.8, expected: 0.5, confidence: null, status: 'on_track' },
    { case: 'nothing expected yet', progress: 0, expected: 0, confidence: null, status: 'on_track' },
    { case: 'done early', progress: 1, expected: 0.1, confidence: null, status: 'on_track' },
    { case: 'gap just under AT_RISK_GAP', progress: 0.36, expected: 0.5, confidence: null, status: 'on_track' },
    { case: 'gap 0.149', progress: 0.351, expected: 0.5, confidence: null, status: 'on_track' },
    {
      case: 'gap exactly AT_RISK_GAP (0.5 - 0.35)',
      progress: 0.35,
      expected: 0.5,
      confidence: null,
      status: 'at_risk',
    },
    { case: 'gap exactly AT_RISK_GAP (0.15 - 0)', progress: 0, expected: 0.15, confidence: null, status: 'at_risk' },
    {
      case: 'gap exactly AT_RISK_GAP (0.35 - 0.2)',
      progress: 0.2,
      expected: 0.35,
      confidence: null,
      status: 'at_risk',
    },
    {
      case: 'gap exactly AT_RISK_GAP (0.7 - 0.55)',
      progress: 0.55,
      expected: 0.7,
      confidence: null,
      status: 'at_risk',
    },
    { case: 'gap exactly AT_RISK_GAP (1 - 0.85)', progress: 0.85, expected: 1, confidence: null, status: 'at_risk' },
    { case: 'gap between the thresholds', progress: 0.2, expected: 0.5, confidence: null, status: 'at_risk' },
    { case: 'gap just under OFF_TRACK_GAP', progress: 0.16, expected: 0.5, confidence: null, status: 'at_risk' },
    { case: 'gap 0.349', progress: 0.151, expected: 0.5, confidence: null, status: 'at_risk' },
    {
      case: 'gap exactly OFF_TRACK_GAP (0.5 - 0.15)',
      progress: 0.15,
      expected: 0.5,
      confidence: null,
      status: 'off_track',
    },
    {
      case: 'gap exactly OFF_TRACK_GAP (0.35 - 0)',
      progress: 0,
      expected: 0.35,
      confidence: null,
      status: 'off_track',
    },
    {
      case: 'gap exactly OFF_TRACK_GAP (0.69 - 0.34)',
      progress: 0.34,
      expected: 0.69,
      confidence: null,
      status: 'off_track',
    },
    {
      case: 'gap exactly OFF_TRACK_GAP (1 - 0.65)',
      progress: 0.65,
      expected: 1,
      confidence: null,
      status: 'off_track',
    },
    { case: 'nothing done at the end', progress: 0, expected: 1, confidence: null, status: 'off_track' },

    // low confidence lowers an on-track verdict
    { case: 'on track, full confidence', progress: 0.5, expected: 0.5, confidence: 10, status: 'on_track' },
    { case: 'on track, confidence 7', progress: 0.5, expected: 0.5, confidence: 7, status: 'on_track' },
    {
      case: 'on track, confidence 6 (AT_RISK_CONFIDENCE)',
      progress: 0.5,
      expected: 0.5,
      confidence: 6,
      status: 'at_risk',
    },
    { case: 'on track, confidence 4', progress: 0.5, expected: 0.5, confidence: 4, status: 'at_risk' },
    {
      case: 'on track, confidence 3 (OFF_TRACK_CONFIDENCE)',
      progress: 0.5,
      expected: 0.5,
      confidence: 3,
      status: 'off_track',
    },
    { case: 'on track, confidence 0', progress: 0.5, expected: 0.5, confidence: 0, status: 'off_track' },
    { case: 'ahead, but confidence 5', progress: 0.9, expected: 0.5, confidence: 5, status: 'at_risk' },
    { case: 'ahead, but confidence 2', progress: 0.9, expected: 0.5, confidence: 2, status: 'off_track' },

    // low confidence lowers an at-risk verdict only to off track, never back up
    { case: 'at risk, confidence 7', progress: 0.2, expected: 0.5, confidence: 7, status: 'at_risk' },
    { case: 'at risk, confidence 6', progress: 0.2, expected: 0.5, confidence: 6, status: 'at_risk' },
    { case: 'at risk, confidence 4', progress: 0.2, expected: 0.5, confidence: 4, status: 'at_risk' },
    { case: 'at risk, confidence 3', progress: 0.2, expected: 0.5, confidence: 3, status: 'off_track' },

    // high confidence never raises a verdict
    { case: 'at risk, full confidence', progress: 0.2, expected: 0.5, confidence: 10, status: 'at_risk' },
    { case: 'off track, full confidence', progress: 0, expected: 0.8, confidence: 10, status: 'off_track' },
    { case: 'off track, confidence 8', progress: 0.1, expected: 0.5, confidence: 8, status: 'off_track' },
    { case: 'off track, confidence 5', progress: 0.1, expected: 0.5, confidence: 5, status: 'off_track' },
    { case: 'off track, confidence 0', progress: 0.1, expected: 0.5, confidence: 0, status: 'off_track' },
  ];

  it.each(rows)('$case: progress $progress, expected $expected, confidence $confidence -> $status', (row) => {
    expect(suggestedStatus(row)).toBe(row.status);
  });

  // Every pair of whole percentages exactly 15 (or 35) points apart sits on the boundary,
  // whatever floating point makes of the subtraction.
  const percentPairs = (points: number) =>
    Array.from({ length: 101 - points }, (_, progress) => ({
      progress: progress / 100,
      expected: (progress + points) / 100,
    }));

  it.each(percentPairs(15))('gap of exactly 15 points is at risk: $progress vs $expected', ({ progress, expected }) => {
    expect(suggestedStatus({ progress, expected, confidence: null })).toBe('at_risk');
  });

  it.each(percentPairs(35))(
    'gap of exactly 35 points is off track: $progress vs $expected',
    ({ progress, expected }) => {
      expect(suggestedStatus({ progress, expected, confidence: null })).toBe('off_track');
    },
  );

  it.each(percentPairs(14))('gap of 14 points is on track: $progress vs $expected', ({ progress, expected }) => {
    expect(suggestedStatus({ progress, expected, confidence: null })).toBe('on_track');
  });

  it.each(percentPairs(34))('gap of 34 points is at risk: $progress vs $expected', ({ progress, expected }) => {
    expect(suggestedStatus({ progress, expected, confidence: null })).toBe('at_risk');
  });
});

describe('scoreBand', () => {
  const rows: { score: number; band: ScoreBand }[] = [
    { score: 0, band: 'red' },
    { score: 0.1, band: 'red' },
    { score: 0.2, band: 'red' },
    { score: 0.3, band: 'red' },
    { score: 0.34, band: 'red' }, // rounds to 0.3
    { score: 0.35, band: 'yellow' }, // rounds to 0.4
    { score: 0.4, band: 'yellow' },
    { score: 0.5, band: 'yellow' },
    { score: 0.6, band: 'yellow' },
    { score: 0.64, band: 'yellow' }, // rounds to 0.6
    { score: 0.65, band: 'green' }, // rounds to 0.7
    { score: 0.7, band: 'green' },
    { score: 0.8, band: 'green' },
    { score: 0.9, band: 'green' },
    { score: 1, band: 'green' },
    // out of range: clamped into 0–1
    { score: -0.5, band: 'red' },
    { score: -Infinity, band: 'red' },
    { score: 1.5, band: 'green' },
    { score: Infinity, band: 'green' },
  ];

  it.each(rows)('$score -> $band', ({ score, band }) => {
    expect(scoreBand(score)).toBe(band);
  });
});
