import type { AppDeps, Caller } from '../context.ts';
import { findUser, scimActor, type MemberRecord } from './scim-users.ts';

/** GET /Users/{id}: one member of the token's organisation. */
export async function getUser(deps: AppDeps, caller: Caller, id: string): Promise<MemberRecord> {
  return findUser(deps.db, scimActor(caller).orgId, id);
}
