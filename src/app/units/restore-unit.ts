import { sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { archivedParent, forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion } from '../versioning.ts';
import { findUnit, MAX_DEPTH } from './unit-tree.ts';
import { loadUnitDetail, type UnitDetailView } from './unit-view.ts';
import { forgetActors, forgetCadences } from '../caches.ts';

/**
 * Brings back an archived unit and the units that were archived with it, if it is still
 * the version the caller saw. Whoever may archive a unit may restore it.
 */
export async function restoreUnit(deps: AppDeps, caller: Caller, id: string, version: number): Promise<UnitDetailView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'unit', id);
    if (!can(actor, 'unit.archive', { unitId: id })) throw forbidden();
    const before = await findUnit(tx, actor.orgId, id, true);
    assertVersion(before.version, version);
    if (!before.archivedAt) return loadUnitDetail(tx, actor, before.id);
    if (before.parentId) {
      const parent = await findUnit(tx, actor.orgId, before.parentId);
      if (parent.archivedAt) throw archivedParent('unit', parent.name);
    }
    const now = deps.now().toISOString();
    const restored = await queryRows<{ id: string }>(
      tx,
      sql`
      with recursive down(id, depth) as (
        select id, 0 from units where id = ${before.id} and org_id = ${actor.orgId}
        union all
        select c.id, down.depth + 1 from units c join down on c.parent_id = down.id
         where c.org_id = ${actor.orgId} and down.depth < ${MAX_DEPTH}
           and c.archived_at = (select archived_at from units where id = ${before.id})
      )
      update units set archived_at = null, updated_at = ${now}::timestamptz, version = version + 1
       where org_id = ${actor.orgId} and id in (select id from down)
      returning id`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'unit.restore',
      entityType: 'unit',
      entityId: before.id,
      before: { archivedAt: before.archivedAt },
      after: { restoredUnitIds: restored.map((r) => r.id) },
    });
    return loadUnitDetail(tx, actor, before.id);
  }).finally(() => {
    forgetActors(deps);
    forgetCadences(deps);
  });
}
