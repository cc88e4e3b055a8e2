import { describe, expect, it } from 'vitest';
import { parseWalPosition } from './read-replica.ts';

const position = (text: string): bigint => {
  const parsed = parseWalPosition(text);
  if (parsed === null) throw new Error(`not a WAL position: ${text}`);
  return parsed;
};

describe('WAL positions', () => {
  it('compare as PostgreSQL orders them, across the 4 GB boundary of their lower half', () => {
    const positions = ['0/16B3748', '0/FFFFFFFF', '1/0', '1/A', '16/B374D848'].map(position);
    const sorted = [...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted).toEqual(positions);
    expect(position('1/0') - position('0/FFFFFFFF')).toBe(1n);
    expect(position(' 0/16b3748 ')).toBe(position('0/16B3748'));
  });

  it('are nothing for text that is not one (a forged or garbled cookie)', () => {
    for (const text of ['', '0', '0/', '/1', '0/1/2', 'g/1', '123456789/0', '0/1; x=1']) {
      expect(parseWalPosition(text)).toBeNull();
    }
  });
});
