// How much of a password a guesser does not get for free. Guessers try common passwords and
// words, the person's own e-mail, name and organisation, runs (1234, abcd, qwerty) and
// repeats first; so the password is cut into the pieces that cost them least, each such
// piece counted as what it adds (two, or one for what they know about the person), every
// other character as one. This is zxcvbn's idea on zxcvbn-ts's word lists, kept small: the
// scorer itself (@zxcvbn-ts/core) is not among the project's dependencies.
import { dictionary } from '@zxcvbn-ts/language-common';

/** The least strength a chosen password must have: about eight characters a guesser must find. */
export const PASSWORD_STRENGTH_MIN = 8;

/** What a guesser may know about the person choosing the password. */
export interface PasswordContext {
  email?: string;
  name?: string;
  /** The organisations' names (the person's, or the one being set up). */
  orgNames?: readonly string[];
}

export interface PasswordStrength {
  strength: number;
  /** The weakest cutting used something the guesser knows about the person. */
  personal: boolean;
}

// About 50,000 passwords seen most often in breaches and the 7,776 words of the diceware list.
const GUESSABLE_WORDS: ReadonlySet<string> = new Set([
  ...(dictionary.passwords as string[]),
  ...(dictionary.diceware as string[]),
]);
// Longer pieces are never words; runs and repeats may be as long as the password.
const LONGEST_WORD = 32;
const SHORTEST_PIECE = 3;
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiopå', 'asdfghjklöä', 'zxcvbnm', 'azertyuiop', 'qwertzuiopü'];
const PRODUCT_WORDS = ['riktning'];

export function passwordStrength(password: string, context: PasswordContext = {}): PasswordStrength {
  const personalWords = personalWordsOf(context);
  return cheapestCutting([...password.normalize('NFKC').toLowerCase()], personalWords);
}

function cheapestCutting(chars: readonly string[], personalWords: ReadonlySet<string>): PasswordStrength {
  // best[i]: the cheapest cutting of the first i characters.
  const best: PasswordStrength[] = [{ strength: 0, personal: false }];
  for (let end = 1; end <= chars.length; end++) {
    const previous = best[end - 1] as PasswordStrength;
    let cheapest: PasswordStrength = { strength: previous.strength + 1, personal: previous.personal };
    for (let start = 0; start <= end - SHORTEST_PIECE; start++) {
      const piece = chars.slice(start, end);
      const cost = pieceCost(piece, personalWords);
      const before = best[start] as PasswordStrength;
      if (cost && before.strength + cost.strength < cheapest.strength) {
        cheapest = { strength: before.strength + cost.strength, personal: before.personal || cost.personal };
      }
    }
    best.push(cheapest);
  }
  return best[chars.length] as PasswordStrength;
}

/** What a piece adds when a guesser tries it as a whole; undefined when they would not. */
function pieceCost(piece: readonly string[], personalWords: ReadonlySet<string>): PasswordStrength | undefined {
  if (piece.length <= LONGEST_WORD) {
    const text = piece.join('');
    if (personalWords.has(text)) return { strength: 1, personal: true };
    if (GUESSABLE_WORDS.has(text)) return { strength: 2, personal: false };
  }
  if (isRun(piece)) return { strength: 2, personal: false };
  const unit = repeatedUnit(piece);
  if (unit) {
    const once = cheapestCutting(unit, personalWords);
    return { strength: once.strength + 1, personal: once.personal };
  }
  return undefined;
}

/** One character repeated, a run of neighbouring characters (abc, 987) or of keys (qwe, lkj). */
function isRun(piece: readonly string[]): boolean {
  const codes = piece.map((char) => char.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) <= 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step)) return true;
  const text = piece.join('');
  const reversed = [...piece].reverse().join('');
  return KEYBOARD_ROWS.some((row) => row.includes(text) || row.includes(reversed));
}

/** The shortest unit of two or more characters the piece repeats ("abab" → "ab"), if any. */
function repeatedUnit(piece: readonly string[]): readonly string[] | undefined {
  for (let size = 2; size <= piece.length / 2; size++) {
    if (piece.length % size !== 0) continue;
    if (piece.every((char, i) => char === piece[i % size])) return piece.slice(0, size);
  }
  return undefined;
}

/** The e-mail, the name and the organisations' names, whole and in their parts, lower case. */
function personalWordsOf(context: PasswordContext): ReadonlySet<string> {
  const words = new Set<string>(PRODUCT_WORDS);
  const add = (text: string, separators: RegExp) => {
    const lower = text.normalize('NFKC').trim().toLowerCase();
    for (const word of [lower, lower.replace(separators, ''), ...lower.split(separators)]) {
      if ([...word].length >= SHORTEST_PIECE) words.add(word);
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
  return words;
}
