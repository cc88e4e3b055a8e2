// Deactivating and reactivating a member through SCIM. An account may belong to several
// organisations, and one organisation's provider speaks for its own membership only:
// deactivating switches the membership off (memberships.deactivated_at: it opens nothing,
// app/scope.ts, and the person's OKRs keep their owner); when no other organisation's
// membership of the account is live, the account is deactivated too — it can no longer
// sign in, its sessions end and its personal tokens are revoked. Reactivating switches the
// membership on and the account with it.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { ScimError } from '../../core/scim/errors.ts';
import type { Tx } from '../../db/connect.ts';
import { accounts, apiTokens, memberships, sessions } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';

/** Whether the account has a live membership in an organisation other than `orgId`. */
export async function liveElsewhere(tx: Tx, accountId: string, orgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), ne(memberships.orgId, orgId), isNull(memberships.deactivatedAt)))
    .limit(1);
  return row !== undefined;
}

/** Whether the account belongs to any organisation other than `orgId`, live or not. */
export async function memberElsewhere(tx: Tx, accountId: string, orgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), ne(memberships.orgId, orgId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Refuses to switch off the organisation's last live owner: someone must keep a way in.
 * Call it after takeTurnInOrg, so two concurrent deactivations cannot both pass.
 */
export async function assertLiveOwnerRemains(tx: Tx, orgId: string, accountId: string): Promise<void> {
  const [other] = await tx
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, 'owner'),
        ne(memberships.accountId, accountId),
        isNull(memberships.deactivatedAt),
        eq(accounts.status, 'active'),
      ),
    )
    .limit(1);
  if (!other) {
    throw new ScimError(
      400,
      "active: this User is the organisation's last owner and cannot be deactivated or deleted; make another member owner first",
      'mutability',
    );
  }
}

/** Ends the account's way in: no sign-in, no session, no personal token (they stay revoked if it comes back). */
export async function deactivateAccount(tx: Tx, deps: AppDeps, accountId: string): Promise<void> {
  await tx
    .update(accounts)
    .set({ status: 'deactivated', version: sql`${accounts.version} + 1` })
    .where(and(eq(accounts.id, accountId), eq(accounts.status, 'active')));
  await tx.delete(sessions).where(eq(sessions.accountId, accountId));
  await tx
    .update(apiTokens)
    .set({ revokedAt: deps.now() })
    .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)));
}

async function setMembershipOff(tx: Tx, orgId: string, accountId: string, at: Date | null): Promise<void> {
  await tx
    .update(memberships)
    .set({ deactivatedAt: at })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.accountId, accountId)));
}

/** Switches the membership off, and the account when none of its memberships stays live. */
export async function deactivateMember(tx: Tx, deps: AppDeps, orgId: string, accountId: string): Promise<void> {
  await setMembershipOff(tx, orgId, accountId, deps.now());
  if (!(await liveElsewhere(tx, accountId, orgId))) await deactivateAccount(tx, deps, accountId);
}

/** Switches the membership on, and the account with it. */
export async function reactivateMember(tx: Tx, orgId: string, accountId: string): Promise<void> {
  await setMembershipOff(tx, orgId, accountId, null);
  await tx
    .update(accounts)
    .set({ status: 'active', version: sql`${accounts.version} + 1` })
    .where(and(eq(accounts.id, accountId), ne(accounts.status, 'active')));
}
