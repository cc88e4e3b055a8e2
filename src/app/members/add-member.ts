import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { OrgRole } from '../../core/domain.ts';
import { accounts, memberships } from '../../db/schema.ts';
import { ensureAccount } from './account-for-address.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { issueInvitation } from '../invitations/invitation-links.ts';
import { mailInvitation } from '../invitations/invitation-mail.ts';

export interface AddMemberInput {
  email: string;
  /** Used only if the address is new to Riktning; the person may correct it on accepting. */
  name: string;
  role: OrgRole;
}

/** What the admin learns of an invitation: nothing about the address beyond itself. */
export interface PendingInvitation {
  email: string;
  role: OrgRole;
  expiresAt: string;
}

/**
 * Invites a person by e-mail: the invitation is mailed to the address, and the person
 * becomes a member when they accept it. Whether the address has an account, and whose,
 * stays theirs: the answer, the work done and the e-mail are the same either way (a new
 * address gets an account without a password, as before, which the invitation lets its
 * owner complete). Inviting the same address again replaces the open invitation.
 */
export async function addMember(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: AddMemberInput,
): Promise<PendingInvitation> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'member.manage')) throw forbidden();
    if (input.role === 'owner' && !can(actor, 'member.grantOwner')) throw forbidden();
    const email = input.email.trim().toLowerCase();

    await ensureAccount(tx, actor.orgId, { email, name: input.name.trim() });
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(sql`lower(${accounts.email})`, email));
    if (!account) throw new Error('account neither created nor found');
    // The organisation's own people are no secret to its admins.
    const [member] = await tx
      .select({ accountId: memberships.accountId })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.accountId, account.id)));
    if (member) throw new AppError('conflict', 'already_member');

    const invitation = await issueInvitation(tx, deps.now(), {
      orgId: actor.orgId,
      accountId: account.id,
      createdBy: caller.accountId,
      role: input.role,
    });
    await mailInvitation(tx, deps, {
      ...invitation,
      orgId: actor.orgId,
      accountId: account.id,
      invitedBy: caller.accountId,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'member.invite',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { email, role: input.role },
    });
    return { email, role: input.role, expiresAt: invitation.expiresAt };
  });
}
