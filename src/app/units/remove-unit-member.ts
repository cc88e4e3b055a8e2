import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { unitMembers } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource, isUuid } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotArchived, findUnit } from './unit-tree.ts';
import { forgetActors } from '../caches.ts';

/** Takes a person out of one unit; they stay in the organisation. */
export async function removeUnitMember(
  deps: AppDeps,
  caller: Caller,
  unitId: string,
  accountId: string,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'unit', unitId);
    if (!can(actor, 'unit.manageMembers', { unitId })) throw forbidden();
    const unit = await findUnit(tx, actor.orgId, unitId);
    assertNotArchived(unit);
    if (!isUuid(accountId)) throw notFound('member');
    const [removed] = await tx
      .delete(unitMembers)
      .where(
        and(eq(unitMembers.orgId, actor.orgId), eq(unitMembers.unitId, unit.id), eq(unitMembers.accountId, accountId)),
      )
      .returning();
    if (!removed) throw notFound('member');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'unit.member_remove',
      entityType: 'unit',
      entityId: unit.id,
      before: { accountId: removed.accountId, role: removed.role },
    });
  }).finally(() => forgetActors(deps));
}
