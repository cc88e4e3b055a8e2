// PUT (replace) and PATCH of a User: read the body first, then in one transaction lock the
// member, honour If-Match, work out the new state and write it.
import { applyPatch, parsePatch } from '../../core/scim/patch.ts';
import { parseUser, stateOf, type ScimUserState } from '../../core/scim/user.ts';
import { forgetActors, forgetCallers } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { inTransaction } from '../transaction.ts';
import { findUser, lockUser, scimActor, type MemberRecord } from './scim-users.ts';
import { checkIfMatch, writeUser } from './write-user.ts';

async function updateUser(
  deps: AppDeps,
  caller: Caller,
  id: string,
  ifMatch: string | undefined,
  next: (before: MemberRecord) => ScimUserState,
): Promise<MemberRecord> {
  const actor = scimActor(caller);
  await inTransaction(deps, async (tx) => {
    // Turns on the organisation: its last owner cannot be switched off twice at once.
    await takeTurnInOrg(tx, actor.orgId);
    const before = await lockUser(tx, actor.orgId, id);
    checkIfMatch(ifMatch, before);
    await writeUser(tx, deps, actor, before, next(before));
  }).finally(() => {
    forgetActors(deps);
    forgetCallers(deps);
  });
  return findUser(deps.db, actor.orgId, id);
}

/** PUT: the body is the whole User; an attribute left out is cleared, but `active` and the language stay as they are. */
export function replaceUser(
  deps: AppDeps,
  caller: Caller,
  id: string,
  body: unknown,
  ifMatch?: string,
): Promise<MemberRecord> {
  scimActor(caller);
  const input = parseUser(body);
  return updateUser(deps, caller, id, ifMatch, (before) => ({
    ...input,
    active: input.active ?? before.active,
    locale: input.locale ?? before.locale,
  }));
}

/** PATCH: operations on the User, all or nothing. */
export function patchUser(
  deps: AppDeps,
  caller: Caller,
  id: string,
  body: unknown,
  ifMatch?: string,
): Promise<MemberRecord> {
  scimActor(caller);
  const operations = parsePatch(body);
  return updateUser(deps, caller, id, ifMatch, (before) => applyPatch(stateOf(before), operations));
}
