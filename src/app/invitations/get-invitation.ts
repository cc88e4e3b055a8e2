import type { AppDeps } from '../context.ts';
import { findOpenInvitation, invitationInvalid } from './invitation-links.ts';

export interface InvitationView {
  orgName: string;
  email: string;
  name: string;
  expiresAt: string;
}

/** What the person opening a link sees before choosing a password. Public: the token is the key. */
export async function getInvitation(deps: AppDeps, token: string): Promise<InvitationView> {
  const invitation = await findOpenInvitation(deps.db, token, deps.now());
  if (!invitation) throw invitationInvalid();
  return {
    orgName: invitation.orgName,
    email: invitation.email,
    name: invitation.name,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
