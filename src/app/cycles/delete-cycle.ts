// A cycle made by mistake (a second "2027", a quarter too many) can be deleted while
// nothing hangs on it: no objective (archived ones count), no reflection, nothing closed —
// in it or in the cycles within it, which go with it. Everything else is history and stays.
import { sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { queryRows, uuidArray } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCycles } from '../caches.ts';
import { assertVersion } from '../versioning.ts';
import { findCycle } from './cycle-rules.ts';

export async function deleteCycle(deps: AppDeps, caller: Caller, id: string, version: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'cycle', id);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    // In turn with cycle moves, so no cycle is put inside this one while it goes.
    await takeTurnInOrg(tx, actor.orgId);
    const cycle = await findCycle(tx, actor.orgId, id, true);
    assertVersion(cycle.version, version);
    // Every cycle of the tree locked before it is judged: a quarter closed meanwhile must not
    // go with its year unseen (closing locks the cycle it closes).
    const tree = await queryRows<{ id: string; status: string }>(
      tx,
      sql`with recursive tree(id) as (
            select ${cycle.id}::uuid
            union
            select c.id from cycles c join tree on c.parent_id = tree.id where c.org_id = ${actor.orgId}
          )
          select c.id, c.status from cycles c
           where c.org_id = ${actor.orgId} and c.id in (select id from tree)
           for update`,
    );
    const ids = tree.map((c) => c.id);
    const [usage] = await queryRows<{ objectives: number; reflections: number }>(
      tx,
      sql`select (select count(*)::int from objectives o
                   where o.org_id = ${actor.orgId} and o.cycle_id = any(${uuidArray(ids)})) as objectives,
                 (select count(*)::int from reflections r
                   where r.org_id = ${actor.orgId} and r.cycle_id = any(${uuidArray(ids)})) as reflections`,
    );
    if (!usage) throw new Error('aggregate returned no row');
    if (tree.some((c) => c.status === 'closed'))
      throw new AppError('conflict', 'cycle_closed_kept', { name: cycle.name });
    if (usage.objectives + usage.reflections > 0)
      throw new AppError('conflict', 'cycle_not_empty', { name: cycle.name, count: usage.objectives });
    // One statement: the parent link is checked once it has run, when both ends are gone.
    await tx.execute(sql`delete from cycles where org_id = ${actor.orgId} and id = any(${uuidArray(ids)})`);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'cycle.delete',
      entityType: 'cycle',
      entityId: cycle.id,
      before: { ...cycle, within: ids.filter((within) => within !== cycle.id) },
    });
  }).finally(() => forgetCycles(deps));
}
