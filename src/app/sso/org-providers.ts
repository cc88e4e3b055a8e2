// An organisation's own OpenID Connect provider, set by its admins: read (never the client
// secret), set or replaced (If-Match), removed. Each change is audited without the secret.
// The sign-in routes read it as OidcSettings (orgProviderSettings).
import { eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { issuerProblem, type SsoMappedRole } from '../../core/sso.ts';
import type { Queryable, Tx } from '../../db/connect.ts';
import { orgSsoProviders, organizations } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { appLink, type AppDeps, type Caller } from '../context.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import type { OidcSettings } from './relying-party.ts';

export interface OrgSsoProviderInput {
  issuer: string;
  clientId: string;
  /** Required when there is none yet; left out, the stored one stays. */
  clientSecret?: string;
  name: string;
  allowedDomains: string[];
  groupsClaim?: string;
  roleMap: Record<string, SsoMappedRole>;
}

export interface OrgSsoProviderView {
  issuer: string;
  clientId: string;
  name: string;
  allowedDomains: string[];
  groupsClaim: string;
  roleMap: Record<string, SsoMappedRole>;
  /** What to register with the provider as the redirect (callback) URI. */
  redirectUri: string;
  /** The sign-in page that offers this provider, to share or bookmark. */
  signInUrl: string;
  version: number;
  updatedAt: string;
}

type Row = typeof orgSsoProviders.$inferSelect;

/** The organisation's provider's callback; it must be registered with the provider as it is. */
export const orgRedirectUri = (deps: Pick<AppDeps, 'publicUrl'>, orgId: string) =>
  appLink(deps, `/api/v1/auth/sso/orgs/${orgId}/callback`);

const present = (deps: AppDeps, row: Row, slug: string): OrgSsoProviderView => ({
  issuer: row.issuer,
  clientId: row.clientId,
  name: row.name,
  allowedDomains: row.allowedDomains,
  groupsClaim: row.groupsClaim,
  roleMap: row.roleMap as Record<string, SsoMappedRole>,
  redirectUri: orgRedirectUri(deps, row.orgId),
  signInUrl: appLink(deps, `/login?org=${encodeURIComponent(slug)}`),
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

async function manager(q: Queryable, caller: Caller, orgId: string): Promise<OrgActor> {
  const actor = await actorInOrg(q, caller, orgId);
  if (!can(actor, 'org.update')) throw forbidden();
  return actor;
}

async function loadRow(q: Queryable, orgId: string, lock = false) {
  const query = q
    .select({ row: orgSsoProviders, slug: organizations.slug })
    .from(organizations)
    .leftJoin(orgSsoProviders, eq(orgSsoProviders.orgId, organizations.id))
    .where(eq(organizations.id, orgId));
  const [found] = lock ? await query.for('update', { of: organizations }) : await query;
  return { row: found?.row ?? null, slug: found?.slug ?? '' };
}

export async function getOrgSsoProvider(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
): Promise<OrgSsoProviderView | null> {
  const actor = await manager(deps.db, caller, orgId);
  const { row, slug } = await loadRow(deps.db, actor.orgId);
  return row && present(deps, row, slug);
}

const normaliseDomains = (domains: string[]) => [
  ...new Set(domains.map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean)),
];

/**
 * Sets the organisation's provider, or replaces it: `version` is the one last read (If-Match),
 * required once there is one, and absent before.
 */
export async function putOrgSsoProvider(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  version: number | undefined,
  input: OrgSsoProviderInput,
): Promise<OrgSsoProviderView> {
  const issuer = input.issuer.trim().replace(/\/+$/, '');
  if (issuerProblem(issuer)) throw invalid('/body/issuer', 'sso_issuer');
  return inTransaction(deps, async (tx: Tx) => {
    const actor = await manager(tx, caller, orgId);
    const { row: before, slug } = await loadRow(tx, actor.orgId, true);
    if (before && version === undefined) throw new AppError('precondition_required', 'precondition_required');
    if (version !== undefined && before?.version !== version) {
      throw new AppError('precondition_failed', 'precondition_failed');
    }
    const clientSecret = input.clientSecret ?? before?.clientSecret;
    if (!clientSecret) throw invalid('/body/clientSecret', 'required');
    const values = {
      issuer,
      clientId: input.clientId.trim(),
      clientSecret,
      name: input.name.trim(),
      allowedDomains: normaliseDomains(input.allowedDomains),
      groupsClaim: input.groupsClaim?.trim() || 'groups',
      roleMap: input.roleMap,
    };
    const [row] = before
      ? await tx
          .update(orgSsoProviders)
          .set({ ...values, version: before.version + 1, updatedAt: deps.now() })
          .where(eq(orgSsoProviders.orgId, actor.orgId))
          .returning()
      : await tx
          .insert(orgSsoProviders)
          .values({ ...values, orgId: actor.orgId, updatedAt: deps.now() })
          .returning();
    if (!row) throw new Error('the provider was not written');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: before ? 'sso_provider.update' : 'sso_provider.create',
      entityType: 'sso_provider',
      entityId: actor.orgId,
      // What was set, but never the secret: only whether it changed.
      after: { ...values, clientSecret: undefined, clientSecretChanged: input.clientSecret !== undefined },
    });
    return present(deps, row, slug);
  });
}

/** Removes the organisation's provider; "SSO required" goes with it unless the installation has SSO. */
export async function deleteOrgSsoProvider(deps: AppDeps, caller: Caller, orgId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await manager(tx, caller, orgId);
    const [removed] = await tx
      .delete(orgSsoProviders)
      .where(eq(orgSsoProviders.orgId, actor.orgId))
      .returning({ issuer: orgSsoProviders.issuer });
    if (!removed) throw new AppError('not_found', 'not_found', { entity: 'sso_provider' });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'sso_provider.delete',
      entityType: 'sso_provider',
      entityId: actor.orgId,
      before: { issuer: removed.issuer },
    });
  });
}

/** The organisation's provider as the sign-in needs it, or null when it has none. */
export async function orgProviderSettings(
  deps: AppDeps,
  orgId: string,
): Promise<{ settings: OidcSettings; version: number } | null> {
  const { row, slug } = await loadRow(deps.db, orgId);
  if (!row) return null;
  return {
    version: row.version,
    settings: {
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecret: row.clientSecret,
      name: row.name,
      allowedDomains: row.allowedDomains,
      joinOrgSlug: slug,
      groupsClaim: row.groupsClaim,
      roleMap: row.roleMap as Record<string, SsoMappedRole>,
      redirectUri: orgRedirectUri(deps, orgId),
      allowHttp: new URL(row.issuer).protocol === 'http:',
    },
  };
}

/** The provider the sign-in page offers for an organisation's slug (?org=), if it has one. */
export async function orgProviderBySlug(q: Queryable, slug: string): Promise<{ orgId: string; name: string } | null> {
  const [found] = await q
    .select({ orgId: orgSsoProviders.orgId, name: orgSsoProviders.name })
    .from(orgSsoProviders)
    .innerJoin(organizations, eq(organizations.id, orgSsoProviders.orgId))
    .where(eq(organizations.slug, slug));
  return found ?? null;
}
