import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { memberships, unitMembers } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { findMember } from './find-member.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { assertOwnerRemains } from './owners.ts';
import { forgetActors } from '../caches.ts';

/**
 * Takes a person out of the organisation and out of its units. The account stays: it may
 * belong to other organisations, and the person's past check-ins keep their author.
 */
export async function removeMember(deps: AppDeps, caller: Caller, orgId: string, accountId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'member.manage')) throw forbidden();
    await takeTurnInOrg(tx, actor.orgId);
    const before = await findMember(tx, actor.orgId, accountId);
    if (before.role === 'owner') {
      if (!can(actor, 'member.grantOwner')) throw forbidden();
      await assertOwnerRemains(tx, actor.orgId, before.accountId);
    }
    // The membership first: a concurrent "add to unit" holds it locked while it checks, so
    // once this delete gets through, the delete below sees every unit row it added.
    await tx
      .delete(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.accountId, before.accountId)));
    const removedUnits = await tx
      .delete(unitMembers)
      .where(and(eq(unitMembers.orgId, actor.orgId), eq(unitMembers.accountId, before.accountId)))
      .returning({ unitId: unitMembers.unitId, role: unitMembers.role });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'member.remove',
      entityType: 'membership',
      entityId: before.accountId,
      before: { ...before, units: removedUnits },
    });
  }).finally(() => forgetActors(deps));
}
