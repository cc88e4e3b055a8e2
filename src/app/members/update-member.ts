import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { OrgRole } from '../../core/domain.ts';
import { memberships } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { findMember } from './find-member.ts';
import { loadMember, type MemberView } from './member-view.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { assertOwnerRemains } from './owners.ts';
import { forgetActors } from '../caches.ts';

export interface UpdateMemberInput {
  role: OrgRole;
}

/** Changes a member's role. Only owners grant or take away the owner role. */
export async function updateMember(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  accountId: string,
  input: UpdateMemberInput,
): Promise<MemberView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'member.manage')) throw forbidden();
    await takeTurnInOrg(tx, actor.orgId);
    const before = await findMember(tx, actor.orgId, accountId);
    if ((input.role === 'owner' || before.role === 'owner') && !can(actor, 'member.grantOwner')) throw forbidden();
    if (before.role === input.role) return loadMember(tx, actor.orgId, before);
    if (before.role === 'owner') await assertOwnerRemains(tx, actor.orgId, before.accountId);

    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.accountId, before.accountId)));
    const after = { ...before, role: input.role };
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'member.update',
      entityType: 'membership',
      entityId: before.accountId,
      before: { role: before.role },
      after: { role: after.role },
    });
    return loadMember(tx, actor.orgId, after);
  }).finally(() => forgetActors(deps));
}
