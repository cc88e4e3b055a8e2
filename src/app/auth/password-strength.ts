// How hard a password is to guess, by zxcvbn (zxcvbn-ts): it finds the pieces a guesser tries
// first — common passwords and words, runs (1234, qwerty), repeats, dates — and the words of
// the person's own e-mail, name and organisation, given to it as "user inputs", and scores the
// guesses left from 0 (too guessable) to 4 (very unguessable).
import { zxcvbn, zxcvbnOptions, type MatchExtended } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs });

/**
 * The least score a chosen password must reach: 3, "safely unguessable", about 10^8 guesses
 * or more — with argon2id hashing, out of reach of an offline attack on a stolen table.
 */
export const PASSWORD_SCORE_MIN = 3;

/** What a guesser may know about the person choosing the password. */
export interface PasswordContext {
  email?: string;
  name?: string;
  /** The organisations' names (the person's, or the one being set up). */
  orgNames?: readonly string[];
}

export interface PasswordStrength {
  /** zxcvbn's score, 0–4. */
  score: number;
  /** The guessing used something known about the person (their e-mail, name, organisation). */
  personal: boolean;
}

// The product's own name is as known to a guesser as the person's.
const PRODUCT_WORDS = ['riktning'];

export function passwordStrength(password: string, context: PasswordContext = {}): PasswordStrength {
  const userInputs = userInputsOf(context);
  const result = zxcvbn(password, userInputs);
  if (!result.sequence.some(isPersonal)) return { score: result.score, personal: false };
  // What is known of the person adds nothing: zxcvbn counts it as a few guesses, but a
  // password such as "Nordljus AB 2026" is then as strong as its " 2026". Scored without it.
  const rest = result.sequence
    .filter((match) => !isPersonal(match))
    .map((match) => match.token)
    .join('');
  return { score: Math.min(result.score, zxcvbn(rest, userInputs).score), personal: true };
}

const isPersonal = (match: MatchExtended): boolean =>
  match.pattern === 'dictionary' && 'dictionaryName' in match && match.dictionaryName === 'userInputs';

/** The e-mail, the name and the organisations' names, whole and in their parts. */
function userInputsOf(context: PasswordContext): string[] {
  const words = new Set<string>(PRODUCT_WORDS);
  const add = (text: string, separators: RegExp) => {
    const lower = text.normalize('NFKC').trim().toLowerCase();
    for (const word of [lower, lower.replace(separators, ''), ...lower.split(separators)]) {
      if ([...word].length >= 3) words.add(word);
    }
  };
  if (context.email) {
    const [local = '', domain = ''] = context.email.split('@');
    add(context.email, /[@.]/);
    add(local, /[._+-]/);
    add(domain, /[.-]/);
  }
  if (context.name) add(context.name, /[\s.-]+/);
  for (const orgName of context.orgNames ?? []) add(orgName, /[\s.,&-]+/);
  return [...words];
}
