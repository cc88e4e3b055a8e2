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
    ['x7Kp2mQz9w', null],
    // Eight characters as people count them, though more UTF-16 units.
    ['😀🚲🌲🏠🍎⚽🎻🐟', null],
  ])('%j → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  // What a guesser knows about Anna of Nordljus AB, and tries first.
  const anna = { email: 'anna.andersson@nordljus.example', name: 'Anna Andersson', orgNames: ['Nordljus AB'] };

  it.each([
    ['        ', 'password_too_guessable'],
    ['aaaaaaaa', 'password_too_guessable'],
    ['x'.repeat(128), 'password_too_guessable'],
    ['😀😀😀😀😀😀😀😀', 'password_too_guessable'],
    ['abcdefgh', 'password_too_guessable'],
    ['qwertyuiop-76543', 'password_too_guessable'],
    ['passwordmonkey', 'password_too_guessable'],
    ['abcabcabcabc', 'password_too_guessable'],
    ['Summer2024!', 'password_too_guessable'],
    ['anna.andersson@nordljus.example', 'password_too_personal'],
    ['AnnaAndersson1', 'password_too_personal'],
    ['Nordljus AB', 'password_too_personal'],
    ['nordljus2026!', 'password_too_personal'],
    ['riktning2026', 'password_too_personal'],
    ['riktning-demo', 'password_too_common'],
    ['Riktning-Demo', 'password_too_common'],
    ['correct-horse-battery', null],
    ['ljus över fjärden', null],
    ['Tr0ub4dor&3', null],
  ])('for Anna, %j → %s', (password, problem) => {
    expect(passwordProblem(password, anna)).toBe(problem);
  });

  it('counts what the person is called only against that person', () => {
    expect(passwordProblem('annaandersson')).toBeNull();
    expect(passwordProblem('annaandersson', anna)).toBe('password_too_personal');
    expect(passwordProblem('andersson1984', anna)).toBe('password_too_personal');
    // Known words with a little around them are as weak as the little around them.
    expect(passwordProblem('nordljus-anna-88')).toBeNull();
    expect(passwordProblem('nordljus-anna-88', anna)).toBe('password_too_personal');
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('korrekt häst batteri');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'korrekt häst batteri')).toBe(true);
    expect(await verifyPassword(hash, 'fel lösenord')).toBe(false);
    expect(await verifyPassword(null, 'korrekt häst batteri')).toBe(false);
  });
});
