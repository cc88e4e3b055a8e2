// Final scores at the end of a cycle (DESIGN.md section 2): 0.0–1.0 in tenths. Closing a
// cycle suggests them from progress; owners then correct them. Pure functions.
import { objectiveProgress, type WeightedProgress } from './progress.ts';

/** A score rounded to tenths, clamped to 0–1 (0.25 → 0.3, 1.2 → 1). */
export function roundScore(value: number): number {
  const tenths = Math.round(Math.min(1, Math.max(0, value)) * 10 + 1e-9);
  return tenths / 10;
}

/** A key result's suggested score: its progress, rounded to tenths. */
export const suggestedKeyResultScore = (progress: number): number => roundScore(progress);

export interface ScoredKeyResult {
  /** The owner's final score, or null when none is given yet. */
  finalScore: number | null;
  progress: number;
  weight: number;
}

/**
 * An objective's suggested score: the weighted mean (as for progress) of its key results'
 * scores — the final score where an owner gave one, else the suggestion from progress —
 * rounded to tenths. With no key results there is nothing achieved to score: 0.
 */
export function suggestedObjectiveScore(keyResults: readonly ScoredKeyResult[]): number {
  const scores: WeightedProgress[] = keyResults.map((kr) => ({
    progress: kr.finalScore ?? suggestedKeyResultScore(kr.progress),
    weight: kr.weight,
  }));
  return roundScore(objectiveProgress(scores));
}
