// Raw SQL for the few statements the query builder does not express well (recursive CTEs).
// Both drivers answer with `{ rows }`; this gives them one typed shape.
import { createHash } from 'node:crypto';
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Queryable } from './connect.ts';

export async function queryRows<Row>(q: Queryable, query: SQL): Promise<Row[]> {
  const result = (await q.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * `queryRows`, prepared under a name made from the statement's text: PostgreSQL parses and
 * plans it once per connection instead of on every call, which for the long set-based
 * statements of the coach or alignment health costs more than running them. Only for
 * statements whose text takes a few shapes (values bound as parameters, `uuidArray`), never
 * with `literalText` or another value written into the text: each distinct text stays
 * prepared on every connection.
 */
export async function preparedRows<Row>(q: Queryable, query: SQL): Promise<Row[]> {
  const built = dialect.sqlToQuery(query);
  const name = `p_${createHash('sha1').update(built.sql).digest('base64url')}`;
  const result = (await q._.session.prepareQuery(built, undefined, name, false).execute()) as { rows: Row[] };
  return result.rows;
}

/**
 * A statement built once (e.g. by db/prepared-shapes.ts) and prepared under `name`; each
 * call fills its placeholders (`sql.placeholder`) with `values`.
 */
export function preparedStatement<Row>(q: Queryable, name: string, query: SQL) {
  const prepared = q._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  return async (values: Record<string, unknown>): Promise<Row[]> =>
    ((await prepared.execute(values)) as { rows: Row[] }).rows;
}

/**
 * A list of uuids as one bound parameter (a PostgreSQL array), for `column = any(...)`:
 * however long the list, the statement has one parameter (drivers limit their number),
 * and the planner answers it with one index scan whatever its statistics say.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${uuidArrayLiteral(ids)}::uuid[]`;
}

/** A list of uuids as the text of a PostgreSQL array, the value of a `::uuid[]` placeholder. */
export function uuidArrayLiteral(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

/**
 * A list of texts as one bound parameter (a PostgreSQL text array), for `column = any(...)`;
 * each item quoted, as e-mail addresses and names may hold commas, quotes or backslashes.
 */
export function textArray(values: readonly string[]): SQL {
  const quoted = values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
  return sql`${`{${quoted.join(',')}}`}::text[]`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A hand-written statement with `$1…$n` parameters, prepared under its name: PostgreSQL
 * parses and plans it once per connection instead of on every call. Use it on hot paths
 * whose SQL never changes shape; the name must be unique to the text.
 */
export function namedStatement<Row>(name: string, text: string) {
  return async (q: Queryable, ...params: unknown[]): Promise<Row[]> => {
    const prepared = q._.session.prepareQuery({ sql: text, params }, undefined, name, false);
    const result = (await prepared.execute()) as { rows: Row[] };
    return result.rows;
  };
}

/**
 * A row limit written into the statement instead of bound as a parameter. The application's
 * PostgreSQL connections plan every statement generically (connect.ts), and a generic plan
 * assumes that `limit $n` wants a tenth of the table: for a page of 11 events out of a
 * million it would plan a parallel scan and size its caches for half a million rows (a feed
 * page took 60 ms instead of 1). The query builder embeds an SQL value as it is; the type
 * says Placeholder because that is what `.limit()` accepts besides a number.
 */
export function literalLimit(rows: number): Placeholder {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`not a row limit: ${rows}`);
  return sql.raw(String(rows)) as unknown as Placeholder;
}

/**
 * A text written into the statement as a string literal instead of bound as a parameter,
 * for a LIKE pattern the planner must see: under the generic plans of the application's
 * PostgreSQL connections (connect.ts), `lower(title) like $1` cannot be estimated, so the
 * planner reads whole tables instead of a trigram index (a search took 300 ms instead of
 * 40). Quoted as libpq's PQescapeLiteral does: quotes doubled, and backslashes doubled in
 * an E'' literal, which means the same whatever `standard_conforming_strings` says.
 */
export function literalText(value: string): SQL {
  // PostgreSQL's text cannot hold a NUL character at all.
  const text = value.replaceAll('\0', '');
  const quoted = `'${text.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return sql.raw(text.includes('\\') ? `E${quoted}` : quoted);
}
