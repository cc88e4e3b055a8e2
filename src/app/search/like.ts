// Text search with LIKE: the caller's text is matched literally, wildcards included.

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for "contains this text". */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/**
 * The LIKE patterns a quick search selects by, and the one it ranks by. A query of three
 * characters or more matches anywhere in the text. A shorter one makes no trigram, so a
 * trigram index could only read itself whole: it matches the start of the text or of a
 * word (after a space) instead, which the index's word-start trigrams serve.
 */
export function searchPatterns(query: string): { prefix: string; match: string[] } {
  const prefix = `${escapeLike(query)}%`;
  return { prefix, match: query.length >= 3 ? [containsPattern(query)] : [prefix, `% ${prefix}`] };
}
