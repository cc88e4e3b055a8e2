// The library's examples are the method's own: every one passes the coach with no advice
// at all, in both languages, and every function has at least three.
import { describe, expect, it } from 'vitest';
import { runCoach } from '../coach/rules.ts';
import type { CoachObjective, CoachSnapshot } from '../coach/model.ts';
import { LOCALES, type Locale } from '../domain.ts';
import { EXAMPLES, examplesIn } from './library.ts';
import { EXAMPLE_FUNCTIONS, type LocalizedExample } from './model.ts';

const ANCHOR = 'org-anchor';

/** An example as an objective under review: a team's supporting the organisation's, or a person's development plan. */
function objectiveOf(example: LocalizedExample): CoachObjective {
  return {
    id: example.id,
    title: example.title,
    level: example.level,
    unitId: example.level === 'unit' ? example.function : null,
    personId: example.level === 'person' ? 'kim' : null,
    kind: example.kind,
    inCycle: true,
    supports: example.level === 'unit' ? [ANCHOR] : [],
    supportsKeyResults: [],
    servesTheme: false,
    keyResults: example.keyResults.map((kr, i) => ({
      id: `${example.id}/${i}`,
      ...kr,
      ownerId: 'kim',
      hasActionPlan: null,
    })),
  };
}

/**
 * A well-kept organisation with every example of the language as an objective of its
 * function's team (or of one person), early in the cycle. Every example is also one of the
 * organisation's objectives for the year, so the waterfall rule compares each title with
 * every key result in the library, its own included.
 */
function snapshotOf(examples: readonly LocalizedExample[]): CoachSnapshot {
  const objectives = examples.map(objectiveOf);
  const asOrganisation = objectives.map((o): CoachObjective => ({
    ...o,
    id: `org/${o.id}`,
    level: 'organization',
    unitId: null,
    personId: null,
    inCycle: false,
    supports: [],
  }));
  const anchor: CoachObjective = {
    id: ANCHOR,
    title: 'Växa tillsammans med våra kunder',
    level: 'organization',
    unitId: null,
    personId: null,
    kind: 'committed',
    inCycle: false,
    supports: [],
    supportsKeyResults: [],
    servesTheme: false,
    keyResults: [],
  };
  return {
    now: new Date('2026-04-02T08:00:00Z'),
    org: {
      id: 'org',
      vision: 'En vision',
      strategy: 'En strategi',
      focus: { objectivesMin: 3, objectivesMax: 4, keyResultsMin: 3, keyResultsMax: 4 },
    },
    cycle: { id: 'q2', startsOn: '2026-04-01', endsOn: '2026-06-30' },
    units: EXAMPLE_FUNCTIONS.map((fn) => ({ id: fn, name: fn, vision: 'En vision', mission: 'Ett uppdrag' })),
    objectives: [anchor, ...asOrganisation, ...objectives],
  };
}

describe('the example library', () => {
  it.each(LOCALES)('passes the coach with no advice at all (%s)', (locale) => {
    const advice = runCoach(snapshotOf(examplesIn(locale)));
    expect(advice.map((a) => `${a.ruleId} on ${a.target.id}: ${JSON.stringify(a.params)}`)).toEqual([]);
  });

  it('would hear from the coach about an example that is not one', () => {
    const [first, second] = examplesIn('sv') as [LocalizedExample, LocalizedExample];
    // Another example's key result as its objective, and a task as its only key result.
    const poor: LocalizedExample = {
      ...first,
      title: second.keyResults[0]?.title ?? '',
      keyResults: [{ title: 'Genomföra 10 kundmöten', metric: 'increase_to', start: 0, target: 10, unit: 'möten' }],
    };
    const rules = new Set(runCoach(snapshotOf([poor, ...examplesIn('sv').slice(1)])).map((a) => a.ruleId));
    expect([...rules].sort()).toEqual(['alignment.waterfall', 'focus.key-result-count', 'key-result.is-activity']);
  });

  it.each(LOCALES)('has at least three examples per function, each with 3–4 key results (%s)', (locale) => {
    for (const fn of EXAMPLE_FUNCTIONS) {
      const ofFunction = examplesIn(locale, fn);
      expect(ofFunction.length, fn).toBeGreaterThanOrEqual(3);
      for (const example of ofFunction) {
        expect(example.title.trim(), example.id).not.toBe('');
        expect(example.description.trim(), example.id).not.toBe('');
        expect(example.keyResults.length, example.id).toBeGreaterThanOrEqual(3);
        expect(example.keyResults.length, example.id).toBeLessThanOrEqual(4);
      }
    }
  });

  it('names each example by a stable, unique id that starts with its function', () => {
    const ids = EXAMPLES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const example of EXAMPLES) expect(example.id).toMatch(new RegExp(`^${example.function}-[a-z0-9-]+$`));
  });

  it('writes each example in both languages, not the same words twice', () => {
    for (const example of EXAMPLES) {
      expect(example.text.sv.title, example.id).not.toBe(example.text.en.title);
      // Personal development is a person's own plan; every other example is a team's.
      expect(example.level === 'person', example.id).toBe(example.function === 'personal-development');
      expect(example.kind === 'development', example.id).toBe(example.function === 'personal-development');
    }
  });

  /** A figure as the language writes it, spaces as plain spaces ("1 200", "1,200"; "3,5", "3.5"). */
  const written = (value: number, locale: Locale) =>
    value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB').replace(/\s/g, ' ');

  it.each(LOCALES)(
    'words every key result as a change from its start to its target, which it moves towards (%s)',
    (locale) => {
      for (const example of examplesIn(locale)) {
        for (const kr of example.keyResults) {
          const title = kr.title.replace(/\s/g, ' ');
          expect(title, example.id).toContain(written(kr.start, locale));
          expect(title, example.id).toContain(written(kr.target, locale));
          expect(kr.unit.trim(), kr.title).not.toBe('');
          if (kr.metric === 'increase_to') expect(kr.target, kr.title).toBeGreaterThan(kr.start);
          if (kr.metric === 'decrease_to') expect(kr.target, kr.title).toBeLessThan(kr.start);
        }
      }
    },
  );
});
