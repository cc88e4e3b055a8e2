// Statements whose text depends only on the shape of the question (which filters are set,
// whether the caller reads everything, how many rows a page holds), built once per database
// and shape and prepared under a name: PostgreSQL then plans each once per connection
// instead of on every request, and no query is built in JavaScript again.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from './connect.ts';

export function preparedByShape<Shape, Statement>(
  prefix: string,
  keyOf: (shape: Shape) => string,
  build: (q: Queryable, name: string, shape: Shape) => Statement,
): (q: Queryable, shape: Shape) => Statement {
  const built = new WeakMap<Queryable, Map<string, Statement>>();
  return (q, shape) => {
    const key = keyOf(shape);
    let statements = built.get(q);
    if (!statements) built.set(q, (statements = new Map()));
    let statement = statements.get(key);
    if (!statement) {
      // Statement names are cut at 63 characters by PostgreSQL: a digest keeps them apart.
      const name = `${prefix}_${createHash('sha1').update(key).digest('hex').slice(0, 20)}`;
      statement = build(q, name, shape);
      statements.set(key, statement);
    }
    return statement;
  };
}

/** A value of a statement built once per shape, filled in at each call by its name. */
export const param = (name: string) => sql.placeholder(name);

/**
 * The shape of a list's question: which of its filters are set, whether the caller reads
 * everything (an admin) or only what is readable to them, and how many rows a page reads
 * (written into the statement: raw.ts, literalLimit).
 */
export interface ListShape<Filter extends string> {
  filters: Filter[];
  everything: boolean;
  rows: number;
}

/** The key of a shape made of flags and counts, e.g. `{ after: true, rows: 201 }`. */
export const shapeKey = (shape: Readonly<Record<string, boolean | number>>): string =>
  Object.entries(shape)
    .map(([name, value]) => `${name}=${value}`)
    .join(',');

export const listShapeKey = ({ filters, everything, rows }: ListShape<string>): string =>
  `${everything}:${rows}:${filters.join(',')}`;

/** The names of `filters` whose value is given, in the order `filters` lists them. */
export function filtersGiven<Filter extends string>(
  filters: Record<Filter, unknown>,
  given: Partial<Record<NoInfer<Filter>, unknown>>,
): Filter[] {
  return (Object.keys(filters) as Filter[]).filter((filter) => given[filter] !== undefined);
}
