import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { presentOrg, type OrgView } from './org-view.ts';

export async function getOrg(deps: AppDeps, caller: Caller, orgId: string): Promise<OrgView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const [row] = await deps.db.select().from(organizations).where(eq(organizations.id, actor.orgId));
  if (!row) throw notFound('organization');
  return presentOrg(row, actor);
}
