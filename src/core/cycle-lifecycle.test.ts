import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES, type CycleStatus } from './domain.ts';
import { COMMAND_TRANSITIONS, cycleTransition, nextCycleStatuses, type CycleTransition } from './cycle-lifecycle.ts';

describe('cycleTransition', () => {
  const rows: { from: CycleStatus; to: CycleStatus; move: CycleTransition | null }[] = [
    { from: 'planning', to: 'planning', move: null },
    { from: 'planning', to: 'active', move: 'activate' },
    { from: 'planning', to: 'closed', move: null },
    { from: 'active', to: 'planning', move: 'plan' },
    { from: 'active', to: 'active', move: null },
    { from: 'active', to: 'closed', move: 'close' },
    { from: 'closed', to: 'planning', move: null },
    { from: 'closed', to: 'active', move: 'reopen' },
    { from: 'closed', to: 'closed', move: null },
  ];

  it('covers every pair of statuses', () => {
    expect(rows).toHaveLength(CYCLE_STATUSES.length ** 2);
  });

  it.each(rows)('$from → $to: $move', ({ from, to, move }) => {
    expect(cycleTransition(from, to)).toBe(move);
  });

  it('keeps closing and reopening for their own commands', () => {
    expect([...COMMAND_TRANSITIONS].sort()).toEqual(['close', 'reopen']);
  });

  it('lists the next statuses of each status', () => {
    expect(nextCycleStatuses('planning')).toEqual(['active']);
    expect(nextCycleStatuses('active')).toEqual(['planning', 'closed']);
    expect(nextCycleStatuses('closed')).toEqual(['active']);
  });
});
