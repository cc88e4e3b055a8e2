import { describe, expect, it } from 'vitest';
import { isCheckInDue } from './check-in-due.ts';

const at = (iso: string) => new Date(iso);

describe('isCheckInDue', () => {
  it.each([
    ['checked in yesterday, weekly', '2026-05-14T10:00:00Z', '2026-05-01T00:00:00Z', 7, false],
    ['checked in exactly a week ago', '2026-05-08T10:00:00Z', '2026-05-01T00:00:00Z', 7, true],
    ['checked in eight days ago', '2026-05-07T10:00:00Z', '2026-05-01T00:00:00Z', 7, true],
    ['never, created two days ago', null, '2026-05-13T10:00:00Z', 7, false],
    ['never, created ten days ago', null, '2026-05-05T10:00:00Z', 7, true],
    ['checked in ten days ago, fortnightly', '2026-05-05T10:00:00Z', '2026-05-01T00:00:00Z', 14, false],
  ])('%s → %s', (_name, last, created, cadence, due) => {
    expect(isCheckInDue(last ? at(last) : null, at(created), cadence, at('2026-05-15T10:00:00Z'), false)).toBe(due);
  });

  it('owes nothing once the objective is marked done', () => {
    const now = at('2026-05-15T10:00:00Z');
    expect(isCheckInDue(at('2026-05-01T10:00:00Z'), at('2026-04-01T00:00:00Z'), 7, now, false)).toBe(true);
    expect(isCheckInDue(at('2026-05-01T10:00:00Z'), at('2026-04-01T00:00:00Z'), 7, now, true)).toBe(false);
  });
});
