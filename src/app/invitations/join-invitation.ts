import type { OrgRole } from '../../core/domain.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { claimInvitation, completeInvitation } from './claim-invitation.ts';
import { forgetActors, forgetCallers } from '../caches.ts';

export interface JoinedOrganisation {
  orgId: string;
  role: OrgRole;
}

/**
 * The invited person, signed in as the invited account, joins the organisation with the
 * role the admin chose. Only that account may: a link forwarded to someone else, or
 * opened while signed in as another account, joins no one.
 */
export async function joinByInvitation(deps: AppDeps, caller: Caller, token: string): Promise<JoinedOrganisation> {
  if (caller.service) throw new AppError('forbidden', 'people_only');
  return inTransaction(deps, async (tx) => {
    const now = deps.now();
    const invitation = await claimInvitation(tx, token, now);
    if (!invitation.role || invitation.accountId !== caller.accountId) {
      throw new AppError('forbidden', 'invitation_other_account');
    }
    await completeInvitation(tx, invitation, now);
    return { orgId: invitation.orgId, role: invitation.role };
  }).finally(() => {
    forgetCallers(deps);
    forgetActors(deps);
  });
}
