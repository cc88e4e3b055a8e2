// Suggested status and final-score colour bands. Pure functions.
import type { Status } from './domain.ts';

export interface StatusInput {
  progress: number;
  expected: number;
  /** Latest confidence 0–10, or null when nobody has checked in yet. */
  confidence: number | null;
}

/** How far behind the expected progress a key result may be before it is at risk / off track. */
export const AT_RISK_GAP = 0.15;
export const OFF_TRACK_GAP = 0.35;
export const GAP_TOLERANCE = 1e-9;
/** Confidence at or below these levels signals risk, whatever the figures say. */
export const AT_RISK_CONFIDENCE = 6;
export const OFF_TRACK_CONFIDENCE = 3;

/**
 * Suggests on track / at risk / off track by comparing progress with the elapsed share of
 * the cycle, then letting the owner's latest confidence lower (never raise) the verdict:
 * people often know before the numbers do.
 */
export function suggestedStatus({ progress, expected, confidence }: StatusInput): Status {
  // The tolerance keeps a gap of exactly a threshold on the threshold: in binary floating
  // point 0.35 - 0.2 is 0.1499…97, which would otherwise count as on track.
  const gap = expected - progress + GAP_TOLERANCE;
  let status: Status = gap >= OFF_TRACK_GAP ? 'off_track' : gap >= AT_RISK_GAP ? 'at_risk' : 'on_track';
  if (confidence !== null) {
    if (confidence <= OFF_TRACK_CONFIDENCE) status = 'off_track';
    else if (confidence <= AT_RISK_CONFIDENCE && status === 'on_track') status = 'at_risk';
  }
  return status;
}

export type ScoreBand = 'red' | 'yellow' | 'green';

/**
 * Colour band of a final score 0.0–1.0: 0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green. Scores
 * are given in tenths; values between the bands belong to the band they round into.
 */
export function scoreBand(score: number): ScoreBand {
  const tenths = Math.round(Math.min(1, Math.max(0, score)) * 10);
  if (tenths <= 3) return 'red';
  if (tenths <= 6) return 'yellow';
  return 'green';
}
