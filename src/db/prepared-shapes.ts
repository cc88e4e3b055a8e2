// Statements whose text depends only on the shape of the question (which filters are set,
// whether the caller reads everything, how many rows a page holds), built once per database
// and shape and prepared under a name: PostgreSQL then plans each once per connection
// instead of on every request, and no query is built in JavaScript again.
import { createHash } from 'node:crypto';
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
