// What both ways of accepting an invitation share: taking the link under a lock, and
// the membership and record that accepting leaves.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { invitations, memberships } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { hashSecret } from '../auth/secrets.ts';
import { findOpenInvitation, invitationInvalid, type OpenInvitation } from './invitation-links.ts';

/** The open invitation with this token, locked for this transaction; invitation_invalid else. */
export async function claimInvitation(tx: Tx, token: string, now: Date): Promise<OpenInvitation> {
  // Lock first, then judge: an accept of the same link that got here first has
  // committed by the time the lock is ours, and the check below sees it.
  await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecret(token)))
    .for('update');
  const invitation = await findOpenInvitation(tx, token, now);
  if (!invitation) throw invitationInvalid();
  return invitation;
}

/** Marks the invitation accepted; an invitation to join makes the account a member now. */
export async function completeInvitation(
  tx: Tx,
  invitation: OpenInvitation,
  now: Date,
  details: Record<string, unknown> = {},
): Promise<void> {
  if (invitation.role) {
    await tx
      .insert(memberships)
      .values({ orgId: invitation.orgId, accountId: invitation.accountId, role: invitation.role });
  }
  await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
  await recordAudit(tx, {
    orgId: invitation.orgId,
    actorId: invitation.accountId,
    action: 'invitation.accept',
    entityType: 'invitation',
    entityId: invitation.id,
    after: { accountId: invitation.accountId, ...(invitation.role ? { role: invitation.role } : {}), ...details },
  });
}
