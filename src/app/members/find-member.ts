import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { accounts, memberships } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../scope.ts';
import { MEMBER_COLUMNS, type MemberRow } from './member-view.ts';

/** One member of the organisation, or not_found (also for people of other organisations). */
export async function findMember(q: Queryable, orgId: string, accountId: string): Promise<MemberRow> {
  if (!isUuid(accountId)) throw notFound('member');
  const [row] = await q
    .select(MEMBER_COLUMNS)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.accountId, accountId)));
  if (!row) throw notFound('member');
  return row;
}
