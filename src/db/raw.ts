// Raw SQL for the few statements the query builder does not express well (recursive CTEs).
// Both drivers answer with `{ rows }`; this gives them one typed shape.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './connect.ts';

export async function queryRows<Row>(q: Queryable, query: SQL): Promise<Row[]> {
  const result = (await q.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * A list of uuids as one bound parameter (a PostgreSQL array), for `column = any(...)`:
 * however long the list, the statement has one parameter (drivers limit their number),
 * and the planner answers it with one index scan whatever its statistics say.
 */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
