import { eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { Locale } from '../../core/domain.ts';
import { organizations, orgSsoProviders, type OrgSettings } from '../../db/schema.ts';
import type { Tx } from '../../db/connect.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forgetCadences, forgetOrgs } from '../caches.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { presentOrg, type OrgView } from './org-view.ts';
import { loadThemes } from '../themes/theme-view.ts';

export interface UpdateOrgInput {
  name?: string;
  slug?: string;
  vision?: string;
  mission?: string;
  strategy?: string;
  defaultLocale?: Locale;
  settings?: OrgSettings;
}

export async function updateOrg(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  version: number,
  input: UpdateOrgInput,
): Promise<OrgView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'org.update')) throw forbidden();
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, actor.orgId)).for('update');
    if (!before) throw notFound('organization');
    assertVersion(before.version, version);
    // Requiring single sign-on where there is none would lock the members out.
    if (input.settings?.ssoRequired && !deps.ssoEnabled && !(await hasOwnProvider(tx, actor.orgId))) {
      throw invalid('/body/settings/ssoRequired', 'sso_not_configured');
    }
    if (input.slug && input.slug !== before.slug) {
      const [taken] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, input.slug));
      if (taken) throw new AppError('conflict', 'slug_taken', {}, [{ field: '/body/slug', key: 'invalid' }]);
    }
    const patch = definedFields({
      ...input,
      name: input.name?.trim(),
      settings: input.settings ? { ...before.settings, ...input.settings } : undefined,
    });
    const [after] = await tx
      .update(organizations)
      .set({ ...patch, version: before.version + 1, updatedAt: deps.now() })
      .where(eq(organizations.id, actor.orgId))
      .returning();
    if (!after) throw notFound('organization');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'organization.update',
      entityType: 'organization',
      entityId: actor.orgId,
      before,
      after,
    });
    return presentOrg(after, actor, await loadThemes({ db: tx }, actor.orgId));
    // The check-in cadence is one of the settings: key-result lists and dashboards cache it.
  }).finally(() => {
    forgetOrgs(deps);
    forgetCadences(deps);
  });
}

/** Whether the organisation has its own single sign-on provider (app/sso/org-providers.ts). */
async function hasOwnProvider(tx: Tx, orgId: string): Promise<boolean> {
  const [found] = await tx
    .select({ orgId: orgSsoProviders.orgId })
    .from(orgSsoProviders)
    .where(eq(orgSsoProviders.orgId, orgId));
  return found !== undefined;
}
