import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('password rules', () => {
  it.each([
    ['', 'password_too_short'],
    ['1234567', 'password_too_short'],
    ['åäöåäöå', 'password_too_short'],
    ['password', 'password_too_common'],
    ['Password1', 'password_too_common'],
    ['12345678', 'password_too_common'],
    ['qwertyuiop', 'password_too_common'],
    ['x'.repeat(129), 'password_too_long'],
    ['korrekt häst batteri', null],
    ['x'.repeat(128), null],
    // Eight characters as people count them, though more UTF-16 units.
    ['😀😀😀😀😀😀😀😀', null],
  ])('%j → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('korrekt häst batteri');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'korrekt häst batteri')).toBe(true);
    expect(await verifyPassword(hash, 'fel lösenord')).toBe(false);
    expect(await verifyPassword(null, 'korrekt häst batteri')).toBe(false);
  });
});
