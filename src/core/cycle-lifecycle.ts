// The life of a cycle: planning → active → closed, and back from closed to active when an
// admin reopens it. Closing and reopening are commands of their own (they score and audit
// the cycle's OKRs), so a plain edit of a cycle may only move between planning and active.
import type { CycleStatus } from './domain.ts';

/** A new cycle is planned or already running; it closes only through the close command. */
export const CREATABLE_CYCLE_STATUSES = ['planning', 'active'] as const satisfies readonly CycleStatus[];

/** How a cycle gets from one status to another. */
export type CycleTransition = 'activate' | 'plan' | 'close' | 'reopen';

/**
 * The allowed moves. A planned cycle cannot be closed: it never ran, so it has no results
 * to score or learn from; activate it first. A closed cycle reopens as active (never as
 * planning), since its OKRs have already been worked on.
 */
const TRANSITIONS: Record<CycleStatus, Partial<Record<CycleStatus, CycleTransition>>> = {
  planning: { active: 'activate' },
  active: { planning: 'plan', closed: 'close' },
  closed: { active: 'reopen' },
};

/** The move from one status to another, or null when there is none (also for "no change"). */
export function cycleTransition(from: CycleStatus, to: CycleStatus): CycleTransition | null {
  return TRANSITIONS[from][to] ?? null;
}

/** Moves that need their own command instead of a plain edit of the cycle. */
export const COMMAND_TRANSITIONS: ReadonlySet<CycleTransition> = new Set(['close', 'reopen']);

/** The statuses a cycle may move to next, in the order the app offers them. */
export function nextCycleStatuses(from: CycleStatus): CycleStatus[] {
  return Object.keys(TRANSITIONS[from]) as CycleStatus[];
}
