// Short ways to write an example's key results: the direction, then the words, start,
// target and unit, as a person reads them.
import type { ExampleKeyResult } from '../model.ts';

export const up = (title: string, start: number, target: number, unit: string): ExampleKeyResult => ({
  title,
  metric: 'increase_to',
  start,
  target,
  unit,
});

export const down = (title: string, start: number, target: number, unit: string): ExampleKeyResult => ({
  title,
  metric: 'decrease_to',
  start,
  target,
  unit,
});
