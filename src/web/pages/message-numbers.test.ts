// Counts in the texts are written the reader's way: i18next's number format (Intl, per
// language) gives "12 345 mål" and "12,345 objectives"; a bare {{count}} prints 12345 in both.
// The same goes for every other value that is always a count or a limit.
import { describe, expect, it } from 'vitest';
import { common } from '../i18n/common.ts';

const pages = import.meta.glob<Record<string, Record<string, object>>>('./*/messages.ts', { eager: true });

/** Every text of every namespace in both languages, with where it is. */
function* texts(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) yield* texts(inner, `${path}.${key}`);
}

describe('counts in the texts', () => {
  it('go through the number format in every text of both languages', () => {
    const all = [...texts(common, 'common'), ...Object.entries(pages).flatMap(([file, m]) => [...texts(m, file)])];
    expect(all.length).toBeGreaterThan(500);
    const bare = all
      .filter(([, text]) => /\{\{\s*(count|total|shown|onTrack|atRisk|offTrack|min|max|over)\s*\}\}/.test(text))
      .map(([path]) => path);
    expect(bare).toEqual([]);
  });
});
