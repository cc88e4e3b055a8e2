import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Locale, OrgRole } from '../../core/domain.ts';
import { accounts, memberships, organizations } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import type { AppCaches } from '../caches.ts';
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

/**
 * The account and its organisations in one statement: every page load asks for it, so the
 * server keeps it a few seconds like the caller's session (caches.ts), cleared by the
 * writes to the account, its memberships and its organisations' rows. A write that answers
 * with it reads it in its transaction (no caches given).
 */
export async function getMe(deps: { db: Queryable; caches?: AppCaches }, caller: Caller): Promise<MeView> {
  const read = () => readMe(deps.db, caller.accountId);
  const me = deps.caches ? await deps.caches.me.get(caller.accountId, read) : await read();
  if (!me) throw notFound('account');
  return me;
}

async function readMe(db: Queryable, accountId: string): Promise<MeView | null> {
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      email: accounts.email,
      locale: accounts.locale,
      version: accounts.version,
      orgId: organizations.id,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      role: memberships.role,
    })
    .from(accounts)
    .leftJoin(memberships, and(eq(memberships.accountId, accounts.id), isNull(memberships.deactivatedAt)))
    .leftJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(accounts.id, accountId))
    .orderBy(asc(organizations.name), asc(organizations.id));
  const [account] = rows;
  if (!account) return null;
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    locale: account.locale as Locale,
    version: account.version,
    memberships: rows.flatMap((o) =>
      o.orgId === null || o.orgName === null || o.orgSlug === null || o.role === null
        ? []
        : [{ orgId: o.orgId, orgName: o.orgName, orgSlug: o.orgSlug, role: o.role as OrgRole }],
    ),
  };
}
