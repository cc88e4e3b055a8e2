// Keyset pagination: an opaque cursor holding the last row's sort key.
import { sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import { invalid } from './errors.ts';
import { isUuid } from './scope.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageSize(request: PageRequest): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, request.limit ?? DEFAULT_PAGE_SIZE));
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with the given shape, or rejects it as bad input. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('/query/cursor', 'cursor_invalid');
}

/** Splits a query result fetched with limit + 1 rows into a page and the next cursor. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  present: (row: Row) => T,
  keyOf: (row: Row) => (string | number)[],
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * The keyset condition "after this row" as one row comparison, `(time, id) > (t, i)`
 * (or `<` for newest-first lists), which PostgreSQL turns into an index seek; the
 * equivalent OR of two comparisons is applied only as a filter after reading.
 */
export function keysetAfter(
  time: Column,
  id: Column,
  cursorTime: string | Placeholder,
  cursorId: string | Placeholder,
  order: 'asc' | 'desc' = 'asc',
): SQL {
  const compare = order === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql`(${time}, ${id}) ${compare} (${cursorTime}::timestamptz, ${cursorId}::uuid)`;
}

/**
 * "After the row in this cursor" for lists ordered by (time, id): the cursor is checked
 * here, so that a made-up one is bad input rather than a failing cast in the database.
 */
export function afterTimeCursor(cursor: string | undefined, time: Column, id: Column, order: 'asc' | 'desc' = 'asc') {
  const after = parseTimeCursor(cursor);
  return after && keysetAfter(time, id, after[0], after[1], order);
}

/** The (time, id) a cursor of a list ordered by (time, id) holds; a made-up one is bad input. */
export function parseTimeCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  const [cursorTime, cursorId] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (!isUuid(cursorId) || Number.isNaN(Date.parse(cursorTime))) throw invalid('/query/cursor', 'cursor_invalid');
  return [cursorTime, cursorId];
}
