import { eq, sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { OrgRole } from '../../core/domain.ts';
import { accounts, memberships } from '../../db/schema.ts';
import { ensureAccount } from './account-for-address.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { loadMember, type MemberView } from './member-view.ts';
import { invitationEligibility, issueInvitation, type InvitationLink } from '../invitations/invitation-links.ts';
import { forgetActors } from '../caches.ts';

export interface AddMemberInput {
  email: string;
  name: string;
  role: OrgRole;
}

export interface AddedMember extends MemberView {
  /** For a person who cannot sign in yet: the link to hand over, so they can set a password. */
  invitation?: InvitationLink;
}

/**
 * Adds a person to the organisation by e-mail. A new address gets an account without a
 * password; a known address is attached as it is — its name belongs to its owner and is
 * not changed here. When the person cannot sign in yet, the answer carries an invitation
 * link for them (see invitation-links.ts for when another organisation's link is theirs).
 */
export async function addMember(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: AddMemberInput,
): Promise<AddedMember> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'member.manage')) throw forbidden();
    if (input.role === 'owner' && !can(actor, 'member.grantOwner')) throw forbidden();
    const email = input.email.trim().toLowerCase();
    const byEmail = eq(sql`lower(${accounts.email})`, email);

    const { created } = await ensureAccount(tx, actor.orgId, { email, name: input.name.trim() });
    const [account] = await tx
      .select({ id: accounts.id, name: accounts.name, email: accounts.email })
      .from(accounts)
      .where(byEmail);
    if (!account) throw new Error('account neither created nor found');

    const [membership] = await tx
      .insert(memberships)
      .values({ orgId: actor.orgId, accountId: account.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw new AppError('conflict', 'already_member');

    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'member.add',
      entityType: 'membership',
      entityId: account.id,
      after: {
        accountId: account.id,
        email: account.email,
        name: account.name,
        role: membership.role,
        accountCreated: created,
      },
    });
    const invitation =
      (await invitationEligibility(tx, actor.orgId, account.id)) === 'pending'
        ? await issueInvitation(tx, deps.now(), {
            orgId: actor.orgId,
            accountId: account.id,
            createdBy: caller.accountId,
          })
        : undefined;
    const member = await loadMember(tx, actor.orgId, {
      accountId: account.id,
      name: account.name,
      email: account.email,
      role: membership.role,
      deactivatedAt: membership.deactivatedAt,
    });
    return invitation ? { ...member, invitation } : member;
  }).finally(() => forgetActors(deps));
}
