// Password rules and hashing: 8–128 characters, not one of the most common passwords nor
// the demo's public one, hard enough to guess (zxcvbn, password-strength.ts), stored as argon2id.
// The rules apply where a person chooses a password; the demo's seeding does not choose.
import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../errors.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { PASSWORD_SCORE_MIN, passwordStrength, type PasswordContext } from './password-strength.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// About 50,000 passwords seen most often in breaches, from the zxcvbn-ts project.
// And the demo's, which is printed at start and in the README.
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([...(dictionary.passwords as string[]), DEMO_PASSWORD]);

/** The message key of what is wrong with the password, or null; `context` is what a guesser knows of the person. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  // Count characters as people see them, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'password_too_short';
  if (length > PASSWORD_MAX) return 'password_too_long';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password_too_common';
  const { score, personal } = passwordStrength(password, context);
  if (score < PASSWORD_SCORE_MIN) return personal ? 'password_too_personal' : 'password_too_guessable';
  return null;
}

export function assertAcceptablePassword(password: string, context: PasswordContext, field = '/body/password'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw invalid(field, problem);
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash we still spend the time of a verification, so timing does not tell
  // which e-mail addresses have accounts.
  const target = hash ?? (await dummyHash());
  const ok = await argon2.verify(target, password).catch(() => false);
  return hash !== null && ok;
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('riktning-timing-equaliser'));
