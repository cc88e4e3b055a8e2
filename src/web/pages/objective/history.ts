// The planned course of a key result: a straight line from its start value at the start
// of the cycle to its target at the end (the way expected progress is reckoned). A
// threshold has no course, only its level.
import type { CheckIn, Cycle, KeyResult } from '../../api/types.ts';

export interface HistoryPoint {
  /** Milliseconds since 1970. */
  t: number;
  value: number;
}

export interface History {
  from: number;
  to: number;
  plan: HistoryPoint[];
  actual: (HistoryPoint & { checkIn: CheckIn })[];
}

const DAY = 86_400_000;

export const PLAN_COLOUR = 'var(--mantine-color-gray-6)';
export const ACTUAL_COLOUR = 'var(--mantine-color-blue-7)';

export function cycleSpan(cycle: Pick<Cycle, 'startsOn' | 'endsOn'>): { from: number; to: number } {
  return { from: Date.parse(`${cycle.startsOn}T00:00:00Z`), to: Date.parse(`${cycle.endsOn}T00:00:00Z`) + DAY };
}

/** What the plan line means: a course from start to target, a level to hold, or nothing (a milestone is done or not). */
export function planKind(metric: KeyResult['metric']): 'course' | 'level' | 'none' {
  if (metric === 'milestone') return 'none';
  return metric === 'stay_at_or_above' || metric === 'stay_at_or_below' ? 'level' : 'course';
}

export function plannedAt(
  kr: Pick<KeyResult, 'metric' | 'start' | 'target'>,
  span: { from: number; to: number },
  t: number,
) {
  if (planKind(kr.metric) !== 'course') return kr.target;
  const share = span.to > span.from ? Math.min(1, Math.max(0, (t - span.from) / (span.to - span.from))) : 1;
  return kr.start + (kr.target - kr.start) * share;
}

export function history(
  kr: Pick<KeyResult, 'metric' | 'start' | 'target'>,
  cycle: Pick<Cycle, 'startsOn' | 'endsOn'>,
  checkIns: CheckIn[],
): History {
  const span = cycleSpan(cycle);
  const actual = checkIns
    .map((checkIn) => ({ t: Date.parse(checkIn.createdAt), value: checkIn.value, checkIn }))
    .sort((a, b) => a.t - b.t);
  return {
    ...span,
    plan:
      planKind(kr.metric) === 'none'
        ? []
        : [
            { t: span.from, value: plannedAt(kr, span, span.from) },
            { t: span.to, value: plannedAt(kr, span, span.to) },
          ],
    actual,
  };
}
