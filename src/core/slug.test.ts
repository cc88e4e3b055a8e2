import { describe, expect, it } from 'vitest';
import { isSlug, suggestSlug } from './slug.ts';

describe('short names', () => {
  it('are 2–60 lower-case letters, digits and hyphens, with no hyphen first or last', () => {
    expect(['ab', 'nordljus-ab', 'a'.repeat(60), 'q4-2026'].map(isSlug)).toEqual([true, true, true, true]);
    expect(['a', 'a'.repeat(61), '-ab', 'ab-', 'Ab', 'a b', 'åby'].map(isSlug)).toEqual(Array(7).fill(false));
  });

  it('are suggested from a name, and what is suggested is taken', () => {
    expect(suggestSlug('Sidoprojektet Åby')).toBe('sidoprojektet-aby');
    expect(suggestSlug(`${'Långt namn '.repeat(10)}!`).length).toBeLessThanOrEqual(60);
    expect(isSlug(suggestSlug(`${'Långt namn '.repeat(10)}!`))).toBe(true);
  });
});
