// POST /Users: a person joins the organisation as a member. A new address gets an account
// without a password (they sign in through single sign-on, which links it by its verified
// address, or an invitation); a known address gets this membership, its name and language
// staying its owner's. Someone already a member is refused as not unique.
import { eq } from 'drizzle-orm';
import { ScimError } from '../../core/scim/errors.ts';
import { parseUser } from '../../core/scim/user.ts';
import { accounts, memberships, serviceAccounts } from '../../db/schema.ts';
import { ensureAccount } from '../members/account-for-address.ts';
import { recordAudit } from '../audit.ts';
import { forgetActors, forgetCallers } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { deactivateMember, reactivateMember } from './activation.ts';
import { emailIs, findUser, scimActor, type MemberRecord } from './scim-users.ts';
import { saveScimRow } from './write-user.ts';

export async function createUser(deps: AppDeps, caller: Caller, body: unknown): Promise<MemberRecord> {
  const actor = scimActor(caller);
  const input = parseUser(body);
  const taken = () => new ScimError(409, `userName ${input.userName} is already a User here`, 'uniqueness');
  const accountId = await inTransaction(deps, async (tx) => {
    const { created } = await ensureAccount(tx, actor.orgId, {
      email: input.userName,
      name: input.name,
      locale: input.locale,
    });
    const [account] = await tx
      .select({ id: accounts.id, status: accounts.status, service: serviceAccounts.accountId })
      .from(accounts)
      .leftJoin(serviceAccounts, eq(serviceAccounts.accountId, accounts.id))
      .where(emailIs(input.userName));
    if (!account) throw new Error('account neither created nor found');
    // A service account's address cannot be made anyone's (it is .invalid, but be sure).
    if (account.service !== null) throw taken();
    const [membership] = await tx
      .insert(memberships)
      .values({ orgId: actor.orgId, accountId: account.id, role: 'member' })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw taken();
    await saveScimRow(tx, deps, actor.orgId, account.id, input);
    const active = input.active ?? true;
    if (!active) await deactivateMember(tx, deps, actor.orgId, account.id);
    else if (account.status !== 'active') await reactivateMember(tx, actor.orgId, account.id);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.actorId,
      action: 'scim.user.create',
      entityType: 'membership',
      entityId: account.id,
      after: {
        email: input.userName,
        name: input.name,
        externalId: input.externalId,
        role: 'member',
        active,
        accountCreated: created,
      },
    });
    return account.id;
  }).finally(() => {
    forgetActors(deps);
    forgetCallers(deps);
  });
  return findUser(deps.db, actor.orgId, accountId);
}
