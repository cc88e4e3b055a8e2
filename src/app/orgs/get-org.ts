import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import type { AppCaches } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { presentOrg, type OrgView } from './org-view.ts';
import { loadThemes } from '../themes/theme-view.ts';

export async function getOrg(deps: AppDeps, caller: Caller, orgId: string): Promise<OrgView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  return presentOrg(await loadOrgRow(deps, actor.orgId), actor, await loadThemes(deps, actor.orgId));
}

/** The organisation's row: every page shows it, so it is kept a few seconds, cleared by its update (caches.ts). */
export async function loadOrgRow(deps: { db: Queryable; caches?: AppCaches }, orgId: string) {
  const read = () => readOrg(deps.db, orgId);
  const row = deps.caches ? await deps.caches.orgs.get(orgId, read) : await read();
  if (!row) throw notFound('organization');
  return row;
}

async function readOrg(db: Queryable, orgId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  return row ?? null;
}
