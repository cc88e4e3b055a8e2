import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { findMember } from '../members/find-member.ts';
import { invitationEligibility, issueInvitation, type InvitationLink } from './invitation-links.ts';

/**
 * A fresh invitation link for a member who cannot sign in yet (the old link was lost or
 * has expired); older open links stop working. Only owners may do this for an owner: the
 * link lets its holder choose the account's password.
 */
export async function issueMemberInvitation(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  accountId: string,
): Promise<InvitationLink> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'member.manage')) throw forbidden();
    const member = await findMember(tx, actor.orgId, accountId);
    if (member.role === 'owner' && !can(actor, 'member.grantOwner')) throw forbidden();
    const eligibility = await invitationEligibility(tx, actor.orgId, member.accountId);
    if (eligibility === 'active') throw new AppError('conflict', 'already_active');
    if (eligibility === 'elsewhere') throw new AppError('conflict', 'invited_elsewhere');
    const { url, expiresAt } = await issueInvitation(tx, deps.now(), {
      orgId: actor.orgId,
      accountId: member.accountId,
      createdBy: caller.accountId,
    });
    return { url, expiresAt };
  });
}
