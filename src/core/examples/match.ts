// Which good example to show beside the coach's advice on a draft. Simple enough to
// explain in a sentence: each example scores a point for every word of the draft that is
// one of its function's keywords (functions.ts) or that it uses itself, and the highest
// score wins. Only advice about how the objective and its key results are written calls
// for an example.
import type { RuleId } from '../coach/rule-ids.ts';
import type { Locale, ObjectiveKind } from '../domain.ts';
import { EXAMPLE_FUNCTIONS, type ExampleFunction, type LocalizedExample } from './model.ts';
import { FUNCTION_KEYWORDS } from './functions.ts';

/** The advice a well-written example answers: outcomes, not activities; measurable; focused; the team's own. */
export const EXAMPLE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'key-result.is-activity',
  'key-result.no-measurable-target',
  'key-result.start-equals-target',
  'focus.key-result-count',
  'alignment.waterfall',
]);

export const showsExample = (ruleId: string): boolean => EXAMPLE_RULES.has(ruleId as RuleId);

export interface DraftToMatch {
  title: string;
  keyResults: readonly string[];
  kind?: ObjectiveKind;
}

export interface ExampleMatch {
  example: LocalizedExample;
  /** The draft's words that led here: its function's keywords and the words it shares with the example. */
  words: string[];
  /** The draft is a personal development objective, which counts towards that function. */
  development: boolean;
}

/** Words shorter than this say little about the topic ("från", "till", "with"). */
const SHARED_MIN = 5;

const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Whether a word is one of a keyword's: itself, a word it starts, or (from five letters) a compound holding it. */
export function keywordMatches(word: string, keyword: string): boolean {
  if (keyword.length <= 3) return word === keyword;
  return word.startsWith(keyword) || (keyword.length >= 5 && word.includes(keyword));
}

/** Words of at least five letters, compared by their first five ("kunder" and "kunden" alike). */
const sharedKeys = (words: readonly string[]) =>
  new Set(words.filter((w) => w.length >= SHARED_MIN).map((w) => w.slice(0, SHARED_MIN)));

/**
 * The good example for a draft and the coach's advice on it, or null when the advice
 * does not call for one or nothing in the draft points to an example.
 */
export function matchExample(
  draft: DraftToMatch,
  advice: readonly { ruleId: string }[],
  examples: readonly LocalizedExample[],
  locale: Locale,
): ExampleMatch | null {
  if (!advice.some((a) => showsExample(a.ruleId))) return null;
  const draftWords = [...new Set(wordsOf([draft.title, ...draft.keyResults].join(' ')))];
  const development = draft.kind === 'development';
  const hits = new Map<ExampleFunction, string[]>(
    EXAMPLE_FUNCTIONS.map((fn) => [
      fn,
      draftWords.filter((word) => FUNCTION_KEYWORDS[fn][locale].some((keyword) => keywordMatches(word, keyword))),
    ]),
  );

  let best: { match: ExampleMatch; score: number } | null = null;
  for (const example of examples) {
    const bonus = development && example.function === 'personal-development' ? 1 : 0;
    const exampleKeys = sharedKeys(wordsOf([example.title, ...example.keyResults.map((kr) => kr.title)].join(' ')));
    const fnWords = hits.get(example.function) ?? [];
    const words = draftWords.filter(
      (word) => fnWords.includes(word) || (word.length >= SHARED_MIN && exampleKeys.has(word.slice(0, SHARED_MIN))),
    );
    const score = words.length + bonus;
    // The first of equals wins: the library's order.
    if (score > 0 && (!best || score > best.score)) best = { match: { example, words, development: bonus > 0 }, score };
  }
  return best?.match ?? null;
}
