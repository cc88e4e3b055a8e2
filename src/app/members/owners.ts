// An organisation always keeps at least one owner: someone must be able to grant roles.
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { memberships } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

/**
 * Refuses to take the owner role away from the last owner. Call it after takeTurnInOrg,
 * so two owners demoting each other at once cannot both pass.
 */
export async function assertOwnerRemains(tx: Tx, orgId: string, leavingAccountId: string): Promise<void> {
  const [other] = await tx
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner'), ne(memberships.accountId, leavingAccountId)),
    )
    .limit(1);
  if (!other) throw new AppError('conflict', 'last_owner');
}
