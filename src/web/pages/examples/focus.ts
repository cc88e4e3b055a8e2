// The example the coach's advice points to, and why (core/examples/match.ts): what the
// examples dialog opens at.
import type { ExampleMatch } from '../../../core/examples/match.ts';

export interface ExampleFocus {
  id: string;
  words: string[];
  development: boolean;
}

export const focusOf = (match: ExampleMatch): ExampleFocus => ({
  id: match.example.id,
  words: match.words,
  development: match.development,
});
