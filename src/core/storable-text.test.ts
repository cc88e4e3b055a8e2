import { describe, expect, it } from 'vitest';
import { firstUnstorable, isStorableText } from './storable-text.ts';

describe('storable text', () => {
  it('refuses U+0000 and lone surrogates, keeps surrogate pairs and everything else', () => {
    expect(['a\u0000b', 'a\ud800', '\udc00b', '😀\ud83d'].filter(isStorableText)).toEqual([]);
    expect(['', 'Växa 😀', '\u0001\u001f\ufffe\uffff', 'tab\tnew\nline'].every(isStorableText)).toBe(true);
  });

  it('names the first bad string or key by its JSON pointer', () => {
    expect(firstUnstorable({ title: 'ok', tags: ['a', 'b\u0000'] }, '/body')).toBe('/body/tags/1');
    expect(firstUnstorable({ 'a/b': { 'c~d': '\ud800' } }, '/body')).toBe('/body/a~1b/c~0d');
    expect(firstUnstorable({ ok: 1, ['k\u0000']: 'v' }, '/query')).toBe('/query/k\ufffd');
    expect(firstUnstorable('x\u0000', '/params/id')).toBe('/params/id');
  });

  it('finds nothing in clean values, numbers, nulls and files', () => {
    expect(firstUnstorable({ a: [1, null, true, { b: 'Mål' }] }, '/body')).toBeNull();
    expect(firstUnstorable(new Uint8Array([97, 0, 98]), '/body')).toBeNull();
    expect(firstUnstorable(undefined, '/body')).toBeNull();
  });

  it('walks a megabyte of JSON in a few milliseconds', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `${i}`, title: 'Ökad kundnöjdhet '.repeat(10), n: i }));
    const body = JSON.parse(JSON.stringify({ rows })) as unknown;
    expect(JSON.stringify(body).length).toBeGreaterThan(1_000_000);
    firstUnstorable(body, '/body');
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect(firstUnstorable(body, '/body')).toBeNull();
    // Generous for a shared two-core machine; on a quiet one it is about 2 ms a walk.
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
