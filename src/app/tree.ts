// Trees stored as parent_id (units, cycles): moving a node beneath itself must be refused.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { queryRows } from '../db/raw.ts';

const TREE_TABLES = { unit: 'units', cycle: 'cycles' } as const;

/**
 * True when `parentId` is `nodeId` or lies beneath it, i.e. making `parentId` the parent
 * would close a loop. Walks up from `parentId` at most `maxDepth` steps.
 */
export async function isWithinTree(
  q: Queryable,
  tree: keyof typeof TREE_TABLES,
  orgId: string,
  nodeId: string,
  parentId: string,
  maxDepth: number,
): Promise<boolean> {
  const table = sql.identifier(TREE_TABLES[tree]);
  const [row] = await queryRows<{ loop: boolean }>(
    q,
    sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${table} where id = ${parentId} and org_id = ${orgId}
      union all
      select p.id, p.parent_id, up.depth + 1 from ${table} p join up on p.id = up.parent_id
       where p.org_id = ${orgId} and up.depth < ${maxDepth}
    )
    select exists(select 1 from up where id = ${nodeId}) as loop`,
  );
  return row?.loop === true;
}
