// Writing a member's new SCIM state (PUT and PATCH): the account, what SCIM keeps beside
// it, and whether the membership is live — in the caller's transaction, audited.
import { and, eq, ne, sql } from 'drizzle-orm';
import { ScimError } from '../../core/scim/errors.ts';
import { ifMatchHolds, type ScimUserState } from '../../core/scim/user.ts';
import type { Tx } from '../../db/connect.ts';
import { accounts, scimUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { AppDeps } from '../context.ts';
import { assertLiveOwnerRemains, deactivateMember, memberElsewhere, reactivateMember } from './activation.ts';
import { emailIs, type MemberRecord, type ScimActor } from './scim-users.ts';

/** If-Match, when the provider sends one, must name the version it read (RFC 7644 §3.14). */
export function checkIfMatch(ifMatch: string | undefined, before: MemberRecord): void {
  if (ifMatch !== undefined && !ifMatchHolds(ifMatch, before.version)) {
    throw new ScimError(412, `If-Match: the User has changed since; its version is now W/"${before.version}"`);
  }
}

/** What SCIM keeps beside the account: written with a new version whenever it is written. */
export async function saveScimRow(
  tx: Tx,
  deps: AppDeps,
  orgId: string,
  accountId: string,
  state: Pick<ScimUserState, 'externalId' | 'givenName' | 'familyName'>,
): Promise<void> {
  const values = { externalId: state.externalId, givenName: state.givenName, familyName: state.familyName };
  await tx
    .insert(scimUsers)
    .values({ orgId, accountId, ...values })
    .onConflictDoUpdate({
      target: [scimUsers.orgId, scimUsers.accountId],
      set: { ...values, version: sql`${scimUsers.version} + 1`, updatedAt: deps.now() },
    });
}

/**
 * Writes the member's new state. The account's address, name and language are the
 * person's own when they also belong to another organisation: then a new userName is
 * refused (another organisation's people must not follow this provider's say) and name and
 * language are left as they are.
 */
export async function writeUser(
  tx: Tx,
  deps: AppDeps,
  actor: ScimActor,
  before: MemberRecord,
  after: ScimUserState,
): Promise<void> {
  const shared = await memberElsewhere(tx, before.id, actor.orgId);
  const account: { email?: string; name?: string; locale?: string } = {};
  if (after.userName !== before.email.toLowerCase()) {
    if (shared) {
      throw new ScimError(
        400,
        'userName: this person also belongs to another organisation, so their address is theirs to change',
        'mutability',
      );
    }
    const [taken] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(emailIs(after.userName), ne(accounts.id, before.id)));
    if (taken) throw new ScimError(409, `userName ${after.userName} is already taken`, 'uniqueness');
    account.email = after.userName;
  }
  if (!shared && after.name !== before.name) account.name = after.name;
  if (!shared && after.locale !== null && after.locale !== before.locale) account.locale = after.locale;
  const scimChanged =
    after.externalId !== before.externalId ||
    after.givenName !== before.givenName ||
    after.familyName !== before.familyName;
  const activeChanged = after.active !== before.active;
  if (Object.keys(account).length === 0 && !scimChanged && !activeChanged) return;

  if (Object.keys(account).length > 0) {
    await tx
      .update(accounts)
      .set({ ...account, version: sql`${accounts.version} + 1` })
      .where(eq(accounts.id, before.id));
  }
  // The SCIM row carries the resource's version and time of change, so it is written at every change.
  await saveScimRow(tx, deps, actor.orgId, before.id, after);
  if (activeChanged && !after.active) {
    if (before.role === 'owner') await assertLiveOwnerRemains(tx, actor.orgId, before.id);
    await deactivateMember(tx, deps, actor.orgId, before.id);
  } else if (activeChanged) {
    await reactivateMember(tx, actor.orgId, before.id);
  }
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorId: actor.actorId,
    action: 'scim.user.update',
    entityType: 'membership',
    entityId: before.id,
    before: {
      ...(account.email ? { email: before.email } : {}),
      ...(account.name ? { name: before.name } : {}),
      ...(account.locale ? { locale: before.locale } : {}),
      ...(scimChanged ? { externalId: before.externalId } : {}),
      ...(activeChanged ? { active: before.active } : {}),
    },
    after: {
      ...account,
      ...(scimChanged ? { externalId: after.externalId } : {}),
      ...(activeChanged ? { active: after.active } : {}),
    },
  });
}
