// Text search with LIKE: the caller's text is matched literally, wildcards included.

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for "contains this text". */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
