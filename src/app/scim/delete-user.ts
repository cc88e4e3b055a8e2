// DELETE /Users/{id}: the person leaves the organisation (membership and unit memberships
// go; their OKRs stay, as when an admin removes a member), and when they belong to no
// other organisation that is live for them, their account is deactivated as well.
import { and, eq } from 'drizzle-orm';
import { memberships, unitMembers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetActors, forgetCallers } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { inTransaction } from '../transaction.ts';
import { assertLiveOwnerRemains, deactivateAccount, liveElsewhere } from './activation.ts';
import { lockUser, scimActor } from './scim-users.ts';
import { checkIfMatch } from './write-user.ts';

export async function deleteUser(deps: AppDeps, caller: Caller, id: string, ifMatch?: string): Promise<void> {
  const actor = scimActor(caller);
  await inTransaction(deps, async (tx) => {
    await takeTurnInOrg(tx, actor.orgId);
    const before = await lockUser(tx, actor.orgId, id);
    checkIfMatch(ifMatch, before);
    if (before.role === 'owner' && before.active) await assertLiveOwnerRemains(tx, actor.orgId, before.id);
    // The SCIM row goes with the membership (its foreign key cascades).
    await tx.delete(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.accountId, before.id)));
    const removedUnits = await tx
      .delete(unitMembers)
      .where(and(eq(unitMembers.orgId, actor.orgId), eq(unitMembers.accountId, before.id)))
      .returning({ unitId: unitMembers.unitId, role: unitMembers.role });
    if (!(await liveElsewhere(tx, before.id, actor.orgId))) await deactivateAccount(tx, deps, before.id);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.actorId,
      action: 'scim.user.delete',
      entityType: 'membership',
      entityId: before.id,
      before: {
        email: before.email,
        name: before.name,
        role: before.role,
        externalId: before.externalId,
        active: before.active,
        units: removedUnits,
      },
    });
  }).finally(() => {
    forgetActors(deps);
    forgetCallers(deps);
  });
}
