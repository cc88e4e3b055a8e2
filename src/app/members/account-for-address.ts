// A person added by address (by an admin, or by the organisation's provider through SCIM):
// a new address gets an account without a password, a known one is used as it is.
import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import type { Tx } from '../../db/connect.ts';
import { accounts, organizations } from '../../db/schema.ts';

/**
 * Makes the account for a new address (in the organisation's language unless given) and
 * says whether it did. ON CONFLICT: two calls for the same new address at once both end
 * with one account.
 */
export async function ensureAccount(
  tx: Tx,
  orgId: string,
  person: { email: string; name: string; locale?: Locale | null },
): Promise<{ created: boolean }> {
  const [org] = await tx
    .select({ locale: organizations.defaultLocale })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const created = await tx
    .insert(accounts)
    .values({
      email: person.email,
      name: person.name,
      locale: person.locale ?? org?.locale ?? 'sv',
      passwordHash: null,
    })
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  return { created: created.length > 0 };
}
