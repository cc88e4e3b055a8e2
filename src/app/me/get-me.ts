import { asc, eq } from 'drizzle-orm';
import type { Locale, OrgRole } from '../../core/domain.ts';
import { accounts, memberships, organizations } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import type { Caller } from '../context.ts';
import { notFound } from '../errors.ts';

export interface MeView {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  version: number;
  memberships: { orgId: string; orgName: string; orgSlug: string; role: OrgRole }[];
}

export async function getMe(deps: { db: Queryable }, caller: Caller): Promise<MeView> {
  const [account] = await deps.db.select().from(accounts).where(eq(accounts.id, caller.accountId));
  if (!account) throw notFound('account');
  const orgs = await deps.db
    .select({
      orgId: organizations.id,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.accountId, caller.accountId))
    .orderBy(asc(organizations.name));
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    locale: account.locale as Locale,
    version: account.version,
    memberships: orgs.map((o) => ({ ...o, role: o.role as OrgRole })),
  };
}
