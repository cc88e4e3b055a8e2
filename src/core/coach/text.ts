// Text comparison that works in Swedish and English: words are lower-cased, stop words
// dropped, and each word reduced to its stem (Snowball, from nlp.js), so "deltagare" and
// "deltagandet", or "launching" and "launched", count as the same word.
import StemmerSv from '@nlpjs/lang-sv/src/stemmer-sv.js';
import StopwordsSv from '@nlpjs/lang-sv/src/stopwords-sv.js';
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import StopwordsEn from '@nlpjs/lang-en-min/src/stopwords-en.js';

const stemmers = { sv: new StemmerSv(), en: new StemmerEn() };
const stopwords = { sv: new StopwordsSv(), en: new StopwordsEn() };
export type Language = keyof typeof stemmers;
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

/**
 * Comparing thousands of titles repeats the same work: the coach compares every team
 * objective with every key result above it, and the same words recur. Remember recent
 * answers (a plain cache; it changes no result, and the arrays it hands out are not changed).
 */
const CACHE_LIMIT = 20_000;
function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
const stemCache = {
  sv: remembered((word) => stemmers.sv.stem(word)),
  en: remembered((word) => stemmers.en.stem(word)),
};

/** Words of a text: letters and digits, lower-cased. */
export const words: (text: string) => readonly string[] = remembered(
  (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [],
);

/** How strongly words look Swedish and English: their letters and their stop words. */
function languageScore(list: readonly string[]): { sv: number; en: number } {
  let sv = 0;
  let en = 0;
  for (const word of list) {
    if (/[åäö]/.test(word)) sv += 2;
    if (stopwords.sv.isStopword(word)) sv++;
    if (stopwords.en.isStopword(word)) en++;
  }
  return { sv, en };
}
const textLanguageScore = remembered((text) => languageScore(words(text)));

/** Swedish or English, by which language's stop words and letters the words use more (Swedish on a tie). */
export function guessLanguage(list: readonly string[]): Language {
  const { sv, en } = languageScore(list);
  return en > sv ? 'en' : 'sv';
}

/** Stem of a single word in a given language. */
export function stemOf(word: string, language: Language): string {
  return stemCache[language](word.toLowerCase());
}

const stemsIn = {
  sv: remembered((text) => textStems(text, 'sv')),
  en: remembered((text) => textStems(text, 'en')),
};
function textStems(text: string, language: Language): readonly string[] {
  return words(text)
    .filter((word) => !stopwords[language].isStopword(word))
    .map((word) => stemOf(word, language));
}

/** The stems of a text's meaningful words, in the given language or the one the text seems to be in. */
export function stems(text: string, language: Language = guessLanguage(words(text))): readonly string[] {
  return stemsIn[language](text);
}

const stemSetsIn = {
  sv: remembered((text): ReadonlySet<string> => new Set(stems(text, 'sv'))),
  en: remembered((text): ReadonlySet<string> => new Set(stems(text, 'en'))),
};

/** `stems` as a set, for comparing a text with many others (the same set each time; not to be changed). */
export function stemSet(text: string, language: Language): ReadonlySet<string> {
  return stemSetsIn[language](text);
}

/**
 * The language to compare two texts in: guessed from both together, so that both are
 * stemmed alike (a short title alone often has no stop word to tell by). The same as
 * guessing from both texts' words at once: each word counts on its own.
 */
export function pairLanguage(a: string, b: string): Language {
  const left = textLanguageScore(a);
  const right = textLanguageScore(b);
  return right.en + left.en > right.sv + left.sv ? 'en' : 'sv';
}

/** Dice similarity 0–1 of two sets. */
export function dice(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** Dice similarity 0–1 of the two texts' sets of stems. */
export function similarity(a: string, b: string): number {
  const language = pairLanguage(a, b);
  return dice(stemSet(a, language), stemSet(b, language));
}

/** A word that is a figure. One object for every call: the bundle builds it with `new RegExp`. */
const FIGURE = /^\p{N}+$/u;

/** The figures (runs of digits) a text mentions. */
export const figures = (text: string): string[] => words(text).filter((word) => FIGURE.test(word));

/** `figures` as a set, remembered like the stems (the same set each time; not to be changed). */
export const figureSet: (text: string) => ReadonlySet<string> = remembered((text) => new Set(figures(text)));
