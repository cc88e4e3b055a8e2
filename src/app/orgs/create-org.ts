import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { memberships, organizations } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { presentOrg, type OrgView } from './org-view.ts';

export interface CreateOrgInput {
  name: string;
  slug: string;
  defaultLocale?: Locale;
}

/** Any signed-in account may start an organisation; it becomes its owner. */
export async function createOrg(deps: AppDeps, caller: Caller, input: CreateOrgInput): Promise<OrgView> {
  return inTransaction(deps, async (tx) => {
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
    await tx.insert(memberships).values({ orgId: org.id, accountId: caller.accountId, role: 'owner' });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: caller.accountId,
      action: 'organization.create',
      entityType: 'organization',
      entityId: org.id,
      after: org,
    });
    return presentOrg(org, { orgId: org.id, accountId: caller.accountId, role: 'owner', ledUnitIds: new Set() });
  });
}
