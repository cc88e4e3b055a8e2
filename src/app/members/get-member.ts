import type { AppDeps, Caller } from '../context.ts';
import { actorInOrg } from '../scope.ts';
import { findMember } from './find-member.ts';
import { loadMember, type MemberView } from './member-view.ts';

/** One person of the organisation; everyone in it may see who else is (as in the member list). */
export async function getMember(deps: AppDeps, caller: Caller, orgId: string, accountId: string): Promise<MemberView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  return loadMember(deps.db, actor.orgId, await findMember(deps.db, actor.orgId, accountId));
}
