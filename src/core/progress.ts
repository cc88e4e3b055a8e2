// Progress of key results and objectives (DESIGN.md section 2). Pure functions.
import type { Metric } from './domain.ts';

export interface KeyResultMeasure {
  metric: Metric;
  start: number;
  target: number;
  current: number;
}

export interface WeightedProgress {
  progress: number;
  weight: number;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * Progress 0–1 of one key result.
 * - increase_to / decrease_to: the share of the way from start to target, clamped. When
 *   start equals target there is no way to go, so it counts as reached once current is
 *   at (or beyond, in the metric's direction) the target.
 * - stay_at_or_above / stay_at_or_below: a threshold, so 1 while it holds, else 0.
 * - milestone: 1 when current has reached target (done), else 0.
 */
export function keyResultProgress({ metric, start, target, current }: KeyResultMeasure): number {
  switch (metric) {
    case 'increase_to':
      if (target === start) return current >= target ? 1 : 0;
      return clamp01((current - start) / (target - start));
    case 'decrease_to':
      if (target === start) return current <= target ? 1 : 0;
      return clamp01((current - start) / (target - start));
    case 'stay_at_or_above':
      return current >= target ? 1 : 0;
    case 'stay_at_or_below':
      return current <= target ? 1 : 0;
    case 'milestone':
      return current >= target ? 1 : 0;
  }
}

/**
 * Objective progress: the weighted mean of its key results. An objective with no key
 * results has progress 0. When every weight is zero, the key results count equally,
 * since a weight of zero everywhere says nothing about relative importance.
 */
export function objectiveProgress(keyResults: readonly WeightedProgress[]): number {
  if (keyResults.length === 0) return 0;
  const totalWeight = keyResults.reduce((sum, kr) => sum + Math.max(0, kr.weight), 0);
  if (totalWeight === 0) {
    return keyResults.reduce((sum, kr) => sum + kr.progress, 0) / keyResults.length;
  }
  return keyResults.reduce((sum, kr) => sum + kr.progress * Math.max(0, kr.weight), 0) / totalWeight;
}

/** The elapsed share 0–1 of a cycle at a moment: the progress one would expect by now. */
export function expectedProgress(cycleStart: Date, cycleEnd: Date, now: Date): number {
  const length = cycleEnd.getTime() - cycleStart.getTime();
  if (length <= 0) return now.getTime() >= cycleEnd.getTime() ? 1 : 0;
  return clamp01((now.getTime() - cycleStart.getTime()) / length);
}

/** A cycle's first and last day as moments (UTC): from the start of the first to the end of the last. */
export const cycleBounds = (cycle: { startsOn: string; endsOn: string }) => ({
  start: new Date(`${cycle.startsOn}T00:00:00Z`),
  // The cycle's last day counts in full.
  end: new Date(new Date(`${cycle.endsOn}T00:00:00Z`).getTime() + 86_400_000),
});
