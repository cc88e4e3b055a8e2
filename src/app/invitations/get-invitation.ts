import type { AppDeps } from '../context.ts';
import { findOpenInvitation, invitationInvalid, type AcceptBy } from './invitation-links.ts';

export interface InvitationView {
  orgName: string;
  email: string;
  /** The name to start from when choosing a password; absent when the person signs in. */
  name?: string;
  expiresAt: string;
  acceptBy: AcceptBy;
}

/** What the person opening a link sees before accepting. Public: the token is the key. */
export async function getInvitation(deps: AppDeps, token: string): Promise<InvitationView> {
  const invitation = await findOpenInvitation(deps.db, token, deps.now());
  if (!invitation) throw invitationInvalid();
  return {
    orgName: invitation.orgName,
    email: invitation.email,
    ...(invitation.acceptBy === 'password' ? { name: invitation.name } : {}),
    expiresAt: invitation.expiresAt.toISOString(),
    acceptBy: invitation.acceptBy,
  };
}
