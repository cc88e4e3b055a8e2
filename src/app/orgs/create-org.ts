import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import type { Tx } from '../../db/connect.ts';
import { memberships, organizations } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { forgetActors } from '../caches.ts';
import { presentOrg, type OrgView } from './org-view.ts';

export interface CreateOrgInput {
  name: string;
  slug: string;
  defaultLocale?: Locale;
}

/**
 * Inserts an organisation with the account as its owner, in the caller's transaction.
 * Shared by "start an organisation" and the first-run set-up.
 */
export async function insertOrgWithOwner(tx: Tx, ownerId: string, input: CreateOrgInput) {
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, input.slug));
  if (taken) throw new AppError('conflict', 'slug_taken', {}, [{ field: '/body/slug', key: 'invalid' }]);
  const [org] = await tx
    .insert(organizations)
    .values({ name: input.name.trim(), slug: input.slug, defaultLocale: input.defaultLocale ?? 'sv' })
    .returning();
  if (!org) throw new Error('insert returned no row');
  await tx.insert(memberships).values({ orgId: org.id, accountId: ownerId, role: 'owner' });
  await recordAudit(tx, {
    orgId: org.id,
    actorId: ownerId,
    action: 'organization.create',
    entityType: 'organization',
    entityId: org.id,
    after: org,
  });
  return org;
}

/** Any signed-in account may start an organisation; it becomes its owner. */
export async function createOrg(deps: AppDeps, caller: Caller, input: CreateOrgInput): Promise<OrgView> {
  return inTransaction(deps, async (tx) => {
    const org = await insertOrgWithOwner(tx, caller.accountId, input);
    return presentOrg(org, { orgId: org.id, accountId: caller.accountId, role: 'owner', ledUnitIds: new Set() }, []);
  }).finally(() => forgetActors(deps)); // a new membership
}
