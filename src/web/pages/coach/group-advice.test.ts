import { describe, expect, it } from 'vitest';
import type { Advice } from '../../api/types.ts';
import { groupAdvice } from './group-advice.ts';

const advice = (ruleId: Advice['ruleId'], title: string, target: string): Advice => ({
  ruleId,
  severity: 'hint',
  target: { type: 'unit', id: target, name: target },
  objectiveId: null,
  title,
  why: 'why',
  todo: 'todo',
});

describe('groupAdvice', () => {
  it('makes one piece of the same words about several owners, keeping the order of first appearance', () => {
    const few = 'Bara 1 mål i perioden; fokusintervallet börjar på 3';
    const items = [
      advice('focus.too-few-objectives', few, 'Marknad'),
      advice('key-result.no-owner', '”NPS” saknar ägare', 'Sälj'),
      advice('focus.too-few-objectives', few, 'Sälj'),
      advice('focus.too-few-objectives', 'Bara 2 mål i perioden; fokusintervallet börjar på 3', 'Drift'),
      advice('focus.too-few-objectives', few, 'Logistik'),
    ];
    expect(groupAdvice(items).map((group) => group.map((a) => a.target.name))).toEqual([
      ['Marknad', 'Sälj', 'Logistik'],
      ['Sälj'],
      ['Drift'],
    ]);
  });
});
