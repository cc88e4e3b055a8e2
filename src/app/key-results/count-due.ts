// How many of the caller's key results are due for a check-in: the count every signed-in
// page shows in its navigation and bell. The same key results as My week lists as due
// (`listKeyResults` with `ownerId=me&cycleStatus=active`, those the caller may check in on
// and whose `due` is true), counted in one prepared statement instead of read and presented
// in full on every page for one number.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { param, preparedByShape } from '../../db/prepared-shapes.ts';
import { preparedStatement } from '../../db/raw.ts';
import { keyResults, objectives } from '../../db/schema.ts';
import { checkInGrantedSql, grantParameters, NOTHING_GRANTED } from '../check-ins/granted-check-in.ts';
import { dueParams, isDueByParams, loadCadences } from '../check-ins/cadences.ts';
import type { AppDeps, Caller } from '../context.ts';
import { readableByParams, readerParams, readsEverything } from '../objectives/records.ts';
import { actorInOrg } from '../scope.ts';

export interface DueCount {
  count: number;
}

const k = alias(keyResults, 'k');
const o = alias(objectives, 'o');

/** One statement per shape: an admin reads every objective, anyone else those readable to them. */
const statementFor = preparedByShape(
  'due_count',
  (everything: boolean) => String(everything),
  (q, name, everything) =>
    preparedStatement<DueCount>(
      q,
      name,
      sql`select count(*)::int as count
            from key_results k
            join objectives o on o.org_id = k.org_id and o.id = k.objective_id
            join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
           where k.org_id = ${param('orgId')}::uuid and k.owner_id = ${param('authorId')}::uuid
             and k.archived_at is null and o.archived_at is null
             -- Active, and begun: nothing falls due before its cycle's first day (UTC).
             and c.status = 'active' and c.starts_on <= (${param('now')}::timestamptz at time zone 'UTC')::date
             ${everything ? sql`` : sql`and ${readableByParams(o)}`}
             and ${checkInGrantedSql}
             and ${isDueByParams({ lastCheckInAt: k.lastCheckInAt, createdAt: k.createdAt, unitId: o.unitId, doneAt: o.doneAt })}`,
    ),
);

export async function countDueKeyResults(deps: AppDeps, caller: Caller, orgId: string): Promise<DueCount> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const cadences = await loadCadences(deps.db, actor.orgId, deps.caches);
  const everything = readsEverything(actor);
  const [row] = await statementFor(
    deps.db,
    everything,
  )({
    orgId: actor.orgId,
    authorId: actor.accountId,
    ...readerParams(actor),
    // For people every relation of the grant is one SQL can check (granted-check-in.ts).
    ...(grantParameters(actor) ?? NOTHING_GRANTED),
    ...dueParams(cadences, deps.now()),
  });
  return { count: row?.count ?? 0 };
}
