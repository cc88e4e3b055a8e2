import { describe, expect, it } from 'vitest';
import { dice, figures, guessLanguage, pairLanguage, similarity, stemOf, stems, words } from './text.ts';

describe('words and language', () => {
  it('splits on anything but letters and digits, lower-cased, keeping å, ä and ö', () => {
    expect(words('Öka NPS från 30 till 45 %!')).toEqual(['öka', 'nps', 'från', '30', 'till', '45']);
    expect(words('E-mail, self-service')).toEqual(['e', 'mail', 'self', 'service']);
    expect(words('  ')).toEqual([]);
  });

  it.each([
    ['Öka deltagandet på interna event jämfört med förra året', 'sv'],
    ['Increase participation at internal events compared to last year', 'en'],
    ['Increase NPS to 45', 'en'],
    ['300 deltagare', 'sv'],
    ['NPS 45', 'sv'], // a tie goes to Swedish
  ] as const)('guesses the language of “%s” as %s', (text, language) => {
    expect(guessLanguage(words(text))).toBe(language);
  });

  it('compares a pair in one language, guessed from both', () => {
    expect(pairLanguage('Happy customers', 'NPS for happy customers from 20 to 45')).toBe('en');
    expect(pairLanguage('Nöjda kunder', 'NPS 45')).toBe('sv');
  });
});

describe('stems', () => {
  it('drops stop words and reduces Swedish words to their stems', () => {
    expect(stems('300 deltagare på interna event')).toEqual(['300', 'deltag', 'int', 'event']);
    expect(stemOf('deltagare', 'sv')).toBe(stemOf('deltagandet', 'sv'));
    expect(stemOf('lansera', 'sv')).toBe(stemOf('lanserad', 'sv'));
  });

  it('reduces English words to their stems', () => {
    expect(stems('Increase NPS from 30 to 45', 'en')).toEqual(['increas', 'nps', '30', '45']);
    expect(stemOf('launching', 'en')).toBe(stemOf('launched', 'en'));
    expect(stemOf('events', 'en')).toBe('event');
  });

  it('finds the figures of a text', () => {
    expect(figures('NPS från 30 till 45 %, 1 000 kunder')).toEqual(['30', '45', '1', '000']);
    expect(figures('Inga siffror')).toEqual([]);
  });
});

describe('similarity', () => {
  it('is 1 for the same words in another form, 0 for nothing shared or nothing to compare', () => {
    expect(similarity('300 deltagare på interna event', '300 deltagare på de interna eventen')).toBe(1);
    expect(similarity('Launch the new website', 'launched new websites')).toBe(1);
    expect(similarity('Fler nöjda kunder', 'Lägre kostnader')).toBe(0);
    expect(similarity('och på', 'Lägre kostnader')).toBe(0);
  });

  it('is symmetric and between 0 and 1', () => {
    const pairs = [
      ['300 deltagare på interna event', 'Öka deltagandet på interna event jämfört med förra året'],
      ['Increase NPS to 45', 'Increase NPS from 30 to 45'],
    ] as const;
    for (const [a, b] of pairs) {
      expect(similarity(a, b)).toBe(similarity(b, a));
      expect(similarity(a, b)).toBeGreaterThan(0);
      expect(similarity(a, b)).toBeLessThan(1);
    }
  });

  it('tells the worked example’s own objective from a copy', () => {
    // Shared: deltag, int, event; the objective adds öka and året, the key result 300.
    expect(
      similarity('Öka deltagandet på interna event jämfört med förra året', '300 deltagare på interna event'),
    ).toBe(6 / 9);
    expect(similarity('Increase NPS to 45', 'Increase NPS from 30 to 45')).toBeCloseTo(6 / 7);
  });

  it('computes Dice over sets', () => {
    expect(dice(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(dice(new Set(), new Set(['a']))).toBe(0);
  });
});
