// Password rules and hashing: 8–128 characters, not one of the most common passwords,
// stored as argon2id.
import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../errors.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// About 50,000 passwords seen most often in breaches, from the zxcvbn-ts project.
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary.passwords as string[]);

export function passwordProblem(password: string): string | null {
  // Count characters as people see them, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'password_too_short';
  if (length > PASSWORD_MAX) return 'password_too_long';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password_too_common';
  return null;
}

export function assertAcceptablePassword(password: string, field = '/body/password'): void {
  const problem = passwordProblem(password);
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
