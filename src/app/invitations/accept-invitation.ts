import { and, eq, isNull, sql } from 'drizzle-orm';
import { accounts, invitations } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.ts';
import { hashSecret } from '../auth/secrets.ts';
import { startSession, type StartedSession } from '../auth/session.ts';
import { assertPasswordAllowed } from '../auth/sso-required.ts';
import { findOpenInvitation, invitationInvalid } from './invitation-links.ts';
import { forgetCallers } from '../caches.ts';

export interface AcceptInvitationInput {
  password: string;
  /** The person's own spelling of their name, if the admin's needs correcting. */
  name?: string;
  /** The session cookie the browser already had, if any: it is ended (no fixation). */
  previousSessionToken?: string;
}

/** Sets the password of the invited account and signs the person in. A link works once. */
export async function acceptInvitation(
  deps: AppDeps,
  token: string,
  input: AcceptInvitationInput,
): Promise<StartedSession> {
  // Cheap refusals before the (deliberately slow) password hashing.
  const open = await findOpenInvitation(deps.db, token, deps.now());
  if (!open) throw invitationInvalid();
  assertAcceptablePassword(input.password, {
    email: open.email,
    name: [open.name, input.name ?? ''].join(' '),
    orgNames: [open.orgName],
  });
  const passwordHash = await hashPassword(input.password);

  return inTransaction(deps, async (tx) => {
    // Lock first, then judge: an accept of the same link that got here first has
    // committed by the time the lock is ours, and the check below sees it.
    await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashSecret(token)))
      .for('update');
    const now = deps.now();
    const invitation = await findOpenInvitation(tx, token, now);
    if (!invitation) throw invitationInvalid();
    // Where the organisation signs in through the identity provider, the invited person does too.
    await assertPasswordAllowed(deps, tx, invitation.accountId);
    const name = input.name?.trim();
    const [account] = await tx
      .update(accounts)
      .set({ passwordHash, ...(name ? { name, version: sql`${accounts.version} + 1` } : {}) })
      .where(and(eq(accounts.id, invitation.accountId), isNull(accounts.passwordHash)))
      .returning({ id: accounts.id });
    if (!account) throw invitationInvalid();
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      orgId: invitation.orgId,
      actorId: account.id,
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { accountId: account.id, ...(name ? { name } : {}) },
    });
    return startSession(tx, now, account.id, { previousSessionToken: input.previousSessionToken, via: 'invitation' });
  }).finally(() => forgetCallers(deps));
}
