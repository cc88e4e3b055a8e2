import { describe, expect, it } from 'vitest';
import { ShortLivedCache } from './caches.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ShortLivedCache', () => {
  it('answers from memory until the entry is older than its time to live', async () => {
    const cache = new ShortLivedCache<number>(40);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    await pause(60);
    expect(await cache.get('a', load)).toBe(2);
  });

  it('never keeps a missing answer, so a later sign-up or membership is seen at once', async () => {
    const cache = new ShortLivedCache<string>(10_000);
    let answer: string | null = null;
    expect(await cache.get('a', async () => answer)).toBeNull();
    answer = 'member';
    expect(await cache.get('a', async () => answer)).toBe('member');
  });

  it('does not store an answer loaded while the cache was cleared (it may predate the write)', async () => {
    const cache = new ShortLivedCache<string>(10_000);
    let release: (value: string) => void = () => {};
    const slow = cache.get('role', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear(); // a write committed while the load was on its way
    release('admin');
    expect(await slow).toBe('admin');
    expect(await cache.get('role', async () => 'viewer')).toBe('viewer');
  });

  it('shares one load among the requests that miss the same entry at once', async () => {
    const cache = new ShortLivedCache<string>(10_000);
    const releases: ((value: string) => void)[] = [];
    const load = () => new Promise<string>((resolve) => releases.push(resolve));
    const asked = [cache.get('role', load), cache.get('role', load), cache.get('role', load)];
    for (const release of releases) release('member');
    expect(await Promise.all(asked)).toEqual(['member', 'member', 'member']);
    expect(releases).toHaveLength(1);
    // A failed load is not kept: the next request loads again.
    await expect(cache.get('other', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('other', async () => 'back')).toBe('back');
  });

  it('does not share a load begun before the cache was cleared with a request after it', async () => {
    const cache = new ShortLivedCache<string>(10_000);
    let release: (value: string) => void = () => {};
    const before = cache.get('role', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear(); // a write committed while the load was on its way
    const after = cache.get('role', async () => 'viewer');
    release('admin');
    expect([await before, await after]).toEqual(['admin', 'viewer']);
  });

  it('holds at most its size, dropping the oldest entry first', async () => {
    const cache = new ShortLivedCache<string>(10_000, 2);
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    await cache.get('c', async () => 'C');
    expect(await cache.get('a', async () => 'A again')).toBe('A again');
    expect(await cache.get('c', async () => 'C again')).toBe('C');
  });

  it('holds its entries’ weights within its budget, dropping the oldest first, and counts a replaced or cleared entry out', async () => {
    const cache = new ShortLivedCache<string>(10_000, 100, () => true, { weigh: (text) => text.length, max: 10 });
    await cache.get('a', async () => 'aaaa');
    await cache.get('b', async () => 'bbbb');
    // 4 + 4 + 4 > 10: the oldest goes.
    await cache.get('c', async () => 'cccc');
    expect(await cache.get('a', async () => 'gone')).toBe('gone');
    // 'b' went for 'a' (4 + 4 + 4 again); 'c' and 'a' are kept.
    expect(await cache.get('c', async () => 'not kept')).toBe('cccc');
    // An entry turned down by isFresh is loaded again and counted once.
    expect(
      await cache.get(
        'c',
        async () => 'cc',
        () => false,
      ),
    ).toBe('cc');
    expect(await cache.get('d', async () => 'dddd')).toBe('dddd');
    expect(await cache.get('c', async () => 'not kept')).toBe('cc');
    cache.clear();
    await cache.get('x', async () => '0123456789');
    expect(await cache.get('x', async () => 'not kept')).toBe('0123456789');
  });

  it('asks a kept entry whether it is still fresh, and loads it again when not', async () => {
    const cache = new ShortLivedCache<{ at: number }>(10_000);
    await cache.get('a', async () => ({ at: 1 }));
    expect(
      await cache.get(
        'a',
        async () => ({ at: 2 }),
        (kept) => kept.at >= 1,
      ),
    ).toEqual({ at: 1 });
    expect(
      await cache.get(
        'a',
        async () => ({ at: 2 }),
        (kept) => kept.at >= 2,
      ),
    ).toEqual({ at: 2 });
  });
});
