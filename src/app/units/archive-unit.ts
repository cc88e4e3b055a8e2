import { sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { findUnit, MAX_DEPTH } from './unit-tree.ts';
import { forgetActors, forgetCadences } from '../caches.ts';

/**
 * Archives a unit together with every unit beneath it (a team cannot outlive its
 * division in the lists). They share one archived_at, so restoring the unit brings back
 * exactly what was archived with it. Archiving twice changes nothing. Answers the unit's
 * version, which an undo names in If-Match.
 */
export async function archiveUnit(deps: AppDeps, caller: Caller, id: string): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'unit', id);
    if (!can(actor, 'unit.archive', { unitId: id })) throw forbidden();
    const before = await findUnit(tx, actor.orgId, id, true);
    if (before.archivedAt) return before.version;
    const now = deps.now().toISOString();
    const archived = await queryRows<{ id: string }>(
      tx,
      sql`
      with recursive down(id, depth) as (
        select id, 0 from units where id = ${before.id} and org_id = ${actor.orgId}
        union all
        select c.id, down.depth + 1 from units c join down on c.parent_id = down.id
         where c.org_id = ${actor.orgId} and c.archived_at is null and down.depth < ${MAX_DEPTH}
      )
      update units set archived_at = ${now}::timestamptz, updated_at = ${now}::timestamptz, version = version + 1
       where org_id = ${actor.orgId} and archived_at is null and id in (select id from down)
      returning id`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'unit.archive',
      entityType: 'unit',
      entityId: before.id,
      before,
      after: { archivedAt: now, archivedUnitIds: archived.map((r) => r.id) },
    });
    return before.version + 1;
  }).finally(() => {
    forgetActors(deps);
    forgetCadences(deps);
  });
}
