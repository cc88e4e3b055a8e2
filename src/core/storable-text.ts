// Text PostgreSQL can keep: it refuses U+0000 in text and jsonb (an error for the whole
// request), and a lone UTF-16 surrogate has no UTF-8 form, so the driver's encoding turns
// it into U+FFFD and the stored text is silently not what was sent. Both are refused on
// the way in, naming where they are.

// With the u flag a well-formed surrogate pair is one code point (an emoji), so \p{Cs}
// matches only a surrogate on its own. One regular-expression test per string keeps a walk
// over a megabyte of JSON to a few milliseconds.
const UNSTORABLE = /[\0\p{Cs}]/u;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** A JSON pointer segment (RFC 6901), with the unstorable characters shown as U+FFFD. */
const segment = (key: string) =>
  key
    .replace(/~/g, '~0')
    .replace(/\//g, '~1')
    .replace(/[\0\p{Cs}]/gu, '\uFFFD');

/**
 * The JSON pointer (below `base`) of the first string or object key in `value` holding a
 * character that cannot be stored, or null when there is none. Buffers (a file sent as
 * the body) are not text and are left to their readers.
 */
export function firstUnstorable(value: unknown, base: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : base;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnstorable(value[i], `${base}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const path = `${base}/${segment(key)}`;
    if (!isStorableText(key)) return path;
    const found = firstUnstorable((value as Record<string, unknown>)[key], path);
    if (found !== null) return found;
  }
  return null;
}
