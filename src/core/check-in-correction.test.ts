import { describe, expect, it } from 'vitest';
import { correctableUntil, correctionRefusal } from './check-in-correction.ts';

const author = '11111111-1111-4111-8111-111111111111';
const made = new Date('2026-12-01T09:00:00Z');
const at = (hours: number) => new Date(made.getTime() + hours * 3_600_000);

describe('correcting a check-in', () => {
  it('is for its author, for a day after it was made', () => {
    const checkIn = { authorId: author, createdAt: made };
    expect(correctionRefusal(checkIn, author, at(0))).toBeNull();
    expect(correctionRefusal(checkIn, author, at(23.99))).toBeNull();
    expect(correctionRefusal(checkIn, author, at(24))).toBe('check_in_correction_over');
    expect(correctableUntil(checkIn)).toEqual(at(24));
  });

  it('is not for anyone else, nor for a check-in whose author is gone', () => {
    expect(correctionRefusal({ authorId: author, createdAt: made }, 'someone-else', at(1))).toBe('check_in_not_yours');
    expect(correctionRefusal({ authorId: null, createdAt: made }, author, at(1))).toBe('check_in_not_yours');
  });
});
