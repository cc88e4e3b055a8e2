import { and, eq, isNull, sql } from 'drizzle-orm';
import { accounts } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.ts';
import { startSession, type StartedSession } from '../auth/session.ts';
import { assertPasswordAllowed } from '../auth/sso-required.ts';
import { findOpenInvitation, invitationInvalid, type OpenInvitation } from './invitation-links.ts';
import { claimInvitation, completeInvitation } from './claim-invitation.ts';
import { forgetActors, forgetCallers } from '../caches.ts';

export interface AcceptInvitationInput {
  password: string;
  /** The person's own spelling of their name, if the admin's needs correcting. */
  name?: string;
  /** The session cookie the browser already had, if any: it is ended (no fixation). */
  previousSessionToken?: string;
}

/** An account that is someone's already joins signed in (join-invitation.ts), never by a password. */
function assertChoosesPassword(invitation: OpenInvitation): void {
  if (invitation.acceptBy !== 'password') throw new AppError('conflict', 'invitation_sign_in');
}

/**
 * Sets the password of an account new to Riktning (or of a member who cannot sign in
 * yet), makes it a member if invited to join, and signs the person in. A link works once.
 */
export async function acceptInvitation(
  deps: AppDeps,
  token: string,
  input: AcceptInvitationInput,
): Promise<StartedSession> {
  // Cheap refusals before the (deliberately slow) password hashing.
  const open = await findOpenInvitation(deps.db, token, deps.now());
  if (!open) throw invitationInvalid();
  assertChoosesPassword(open);
  assertAcceptablePassword(input.password, {
    email: open.email,
    name: [open.name, input.name ?? ''].join(' '),
    orgNames: [open.orgName],
  });
  const passwordHash = await hashPassword(input.password);

  return inTransaction(deps, async (tx) => {
    const now = deps.now();
    const invitation = await claimInvitation(tx, token, now);
    assertChoosesPassword(invitation);
    const name = input.name?.trim();
    const [account] = await tx
      .update(accounts)
      .set({ passwordHash, ...(name ? { name, version: sql`${accounts.version} + 1` } : {}) })
      .where(and(eq(accounts.id, invitation.accountId), isNull(accounts.passwordHash)))
      .returning({ id: accounts.id });
    if (!account) throw invitationInvalid();
    await completeInvitation(tx, invitation, now, name ? { name } : {});
    // Where the organisation signs in through the identity provider, the invited person does too.
    await assertPasswordAllowed(deps, tx, invitation.accountId);
    return startSession(tx, now, account.id, { previousSessionToken: input.previousSessionToken, via: 'invitation' });
  }).finally(() => {
    forgetCallers(deps);
    forgetActors(deps);
  });
}
