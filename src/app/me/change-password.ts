// Changing one's own password. Whoever knew the old password may be signed in elsewhere: every
// other session ends, and on request the personal API tokens are revoked too. The session
// the change is made in stays, so the person is not signed out of the page they are on.
import { eq } from 'drizzle-orm';
import { accounts, memberships, organizations } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { endOtherSessions } from '../auth/session.ts';
import { revokeAllApiTokens } from '../auth/api-tokens.ts';
import { forgetCallers } from '../caches.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** Revoke every personal API token as well. */
  revokeTokens?: boolean;
}

export interface PasswordChanged {
  /** The account's other sessions that were signed in and now are not. */
  endedSessions: number;
  revokedTokens: number;
}

export async function changePassword(
  deps: AppDeps,
  caller: Caller,
  input: ChangePasswordInput,
  /** The session cookie of the request, if it came with one: that session stays. */
  currentSessionToken: string | undefined,
): Promise<PasswordChanged> {
  const [account] = await deps.db
    .select({ hash: accounts.passwordHash, email: accounts.email, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, caller.accountId));
  const orgs = await deps.db
    .select({ name: organizations.name, slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.accountId, caller.accountId));
  assertAcceptablePassword(
    input.newPassword,
    { email: account?.email, name: account?.name, orgNames: orgs.flatMap((org) => [org.name, org.slug]) },
    '/body/newPassword',
  );
  if (!(await verifyPassword(account?.hash ?? null, input.currentPassword))) {
    throw new AppError('forbidden', 'invalid_credentials');
  }
  const hash = await hashPassword(input.newPassword);
  return inTransaction(deps, async (tx) => {
    const now = deps.now();
    await tx.update(accounts).set({ passwordHash: hash }).where(eq(accounts.id, caller.accountId));
    const changed = {
      endedSessions: await endOtherSessions(tx, now, caller.accountId, currentSessionToken),
      revokedTokens: input.revokeTokens ? await revokeAllApiTokens(tx, now, caller.accountId) : 0,
    };
    await recordAudit(tx, {
      orgId: null,
      actorId: caller.accountId,
      action: 'account.password_change',
      entityType: 'account',
      entityId: caller.accountId,
      after: changed,
    });
    return changed;
  }).finally(() => forgetCallers(deps));
}
