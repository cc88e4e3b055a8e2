import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain.ts';
import { examplesIn } from './library.ts';
import { keywordMatches, matchExample, showsExample } from './match.ts';

const activity = [{ ruleId: 'key-result.is-activity' }];

describe('matching a draft to a good example', () => {
  it('finds a sales example for a Swedish sales draft whose key result is an activity, and says why', () => {
    const match = matchExample(
      { title: 'Fler nöjda kunder', keyResults: ['Genomföra 40 kundmöten', 'Skicka offerter snabbare'] },
      activity,
      examplesIn('sv'),
      'sv',
    );
    expect(match?.example.function).toBe('sales');
    expect(match?.words).toEqual(['kunder', 'kundmöten', 'offerter']);
  });

  it('finds an IT example for an English draft about outages', () => {
    const match = matchExample(
      { title: 'Fewer outages', keyResults: ['Migrate the servers to the cloud'] },
      [{ ruleId: 'focus.key-result-count' }],
      examplesIn('en'),
      'en',
    );
    expect(match?.example.function).toBe('it');
    expect(match?.words).toEqual(['outages', 'servers']);
  });

  it('within a function, picks the example that shares most words with the draft', () => {
    const match = matchExample(
      { title: 'Bättre säkerhet', keyResults: ['Införa tvåfaktorsinloggning för alla konton'] },
      activity,
      examplesIn('sv'),
      'sv',
    );
    expect(match?.example.id).toBe('it-security');
  });

  it('counts a personal development objective towards personal development', () => {
    const match = matchExample(
      { title: 'Bli bättre på Excel', keyResults: ['Gå en Excelkurs'], kind: 'development' },
      activity,
      examplesIn('sv'),
      'sv',
    );
    expect(match?.example.function).toBe('personal-development');
    expect(match?.development).toBe(true);
  });

  it('shows none when the advice is not about how the OKR is written, or nothing points to an example', () => {
    const draft = { title: 'Fler nöjda kunder', keyResults: ['Genomföra 40 kundmöten'] };
    expect(matchExample(draft, [{ ruleId: 'key-result.no-owner' }], examplesIn('sv'), 'sv')).toBeNull();
    expect(matchExample(draft, [], examplesIn('sv'), 'sv')).toBeNull();
    expect(matchExample({ title: 'Xyz', keyResults: ['Qwerty'] }, activity, examplesIn('sv'), 'sv')).toBeNull();
    expect(showsExample('alignment.waterfall')).toBe(true);
    expect(showsExample('unit.no-vision-or-mission')).toBe(false);
  });

  it.each(LOCALES)('matches every example in the library to itself (%s)', (locale) => {
    const examples = examplesIn(locale);
    for (const example of examples) {
      const draft = { title: example.title, keyResults: example.keyResults.map((kr) => kr.title), kind: example.kind };
      expect(matchExample(draft, activity, examples, locale)?.example.id, example.title).toBe(example.id);
    }
  });

  it('matches keywords by their start, compounds from five letters, and short ones whole', () => {
    expect(keywordMatches('kunderna', 'kund')).toBe(true);
    expect(keywordMatches('nyckelkunder', 'kund')).toBe(false);
    expect(keywordMatches('nyckelkunder', 'kunder')).toBe(true);
    expect(keywordMatches('it', 'it')).toBe(true);
    expect(keywordMatches('item', 'it')).toBe(false);
  });
});
