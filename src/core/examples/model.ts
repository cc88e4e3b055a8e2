// The library of example OKRs: well-written objectives with key results that are outcomes
// ("from X to Y"), per function, in Swedish and English. Each example is written in each
// language as an organisation in that language would write it, not translated word for word.
import type { Locale, Metric, ObjectiveKind } from '../domain.ts';

/** The functions (areas of an organisation) the library has examples for. */
export const EXAMPLE_FUNCTIONS = [
  'sales',
  'marketing',
  'hr',
  'it',
  'product',
  'public-sector',
  'personal-development',
] as const;
export type ExampleFunction = (typeof EXAMPLE_FUNCTIONS)[number];

/** A key result measured from a start to a target; a milestone is done or not, an activity, so none is here. */
export interface ExampleKeyResult {
  title: string;
  metric: Exclude<Metric, 'milestone'>;
  start: number;
  target: number;
  unit: string;
}

/** Three or four key results: the method's focus range. */
export type ExampleKeyResults = readonly [ExampleKeyResult, ExampleKeyResult, ExampleKeyResult, ExampleKeyResult?];

export interface ExampleText {
  title: string;
  /** Why the objective matters, in a sentence or two. */
  description: string;
  keyResults: ExampleKeyResults;
}

export interface OkrExample {
  /** Stable: links and tests name an example by it. */
  id: string;
  function: ExampleFunction;
  /** A team's objective, or a person's (personal development). */
  level: 'unit' | 'person';
  kind: ObjectiveKind;
  text: Record<Locale, ExampleText>;
}

/** An example in one language, as the API and the web app hand it out. */
export interface LocalizedExample {
  id: string;
  function: ExampleFunction;
  level: OkrExample['level'];
  kind: ObjectiveKind;
  title: string;
  description: string;
  keyResults: ExampleKeyResult[];
}

export const localize = (example: OkrExample, locale: Locale): LocalizedExample => {
  const { title, description, keyResults } = example.text[locale];
  return {
    id: example.id,
    function: example.function,
    level: example.level,
    kind: example.kind,
    title,
    description,
    keyResults: keyResults.filter((kr): kr is ExampleKeyResult => kr !== undefined),
  };
};
