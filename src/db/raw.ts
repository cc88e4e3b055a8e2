// Raw SQL for the few statements the query builder does not express well (recursive CTEs).
// Both drivers answer with `{ rows }`; this gives them one typed shape.
import type { SQL } from 'drizzle-orm';
import type { Queryable } from './connect.ts';

export async function queryRows<Row>(q: Queryable, query: SQL): Promise<Row[]> {
  const result = (await q.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
