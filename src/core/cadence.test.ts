import { describe, expect, it } from 'vitest';
import { effectiveCadences, type UnitCadence } from './cadence.ts';

const unit = (id: string, parentId: string | null, cadenceDays: number | null = null): UnitCadence => ({
  id,
  parentId,
  cadenceDays,
});

describe('effectiveCadences', () => {
  it('a unit without its own cadence follows its nearest ancestor that has one, else the organisation', () => {
    const units = [
      unit('division', null, 14),
      unit('team', 'division'),
      unit('squad', 'team'),
      unit('fast-team', 'division', 3),
      unit('fast-squad', 'fast-team'),
      unit('other-division', null),
      unit('other-team', 'other-division'),
    ];
    expect(Object.fromEntries(effectiveCadences(units, 7))).toEqual({
      division: 14,
      team: 14,
      squad: 14,
      'fast-team': 3,
      'fast-squad': 3,
    });
  });

  it('leaves out units whose cadence equals the organisation’s, even when set', () => {
    expect(effectiveCadences([unit('a', null, 7), unit('b', 'a')], 7).size).toBe(0);
  });

  it('gives the same answer whatever order the units come in', () => {
    const units = [unit('c', 'b'), unit('b', 'a'), unit('a', null, 21)];
    expect(Object.fromEntries(effectiveCadences(units, 7))).toEqual({ a: 21, b: 21, c: 21 });
  });

  it('stops on a damaged tree with a loop instead of hanging', () => {
    const units = [unit('x', 'y'), unit('y', 'x')];
    expect(effectiveCadences(units, 7).size).toBe(0);
  });
});
