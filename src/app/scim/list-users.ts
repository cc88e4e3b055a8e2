// GET /Users: the organisation's members, filtered and paged by startIndex (1-based) and
// count, with the total, in one statement (the total beside each row).
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { parseFilter } from '../../core/scim/filter.ts';
import { accounts, memberships, scimUsers } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { emailIs, memberColumns, scimActor, scimRowOfMember, toRecord, type MemberRecord } from './scim-users.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListUsersInput {
  filter?: string;
  startIndex: number;
  count: number;
}

export interface UserList {
  totalResults: number;
  startIndex: number;
  users: MemberRecord[];
}

export async function listUsers(deps: AppDeps, caller: Caller, input: ListUsersInput): Promise<UserList> {
  const { orgId } = scimActor(caller);
  const filter = input.filter === undefined ? undefined : parseFilter(input.filter);
  // userName and emails.value are the e-mail address: the unique index on lower(email) finds it.
  const where =
    filter === undefined
      ? undefined
      : filter.attribute === 'externalId'
        ? eq(scimUsers.externalId, filter.value)
        : emailIs(filter.value);
  const rows = await deps.db
    .select({ ...memberColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(scimUsers, scimRowOfMember)
    .where(and(eq(memberships.orgId, orgId), where))
    .orderBy(asc(memberships.accountId))
    .limit(literalLimit(input.count))
    .offset(input.startIndex - 1);
  let totalResults = rows[0]?.total;
  if (totalResults === undefined) {
    // A page past the end (or of none) has no row to carry the total.
    const [counted] = await deps.db
      .select({ total: count() })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .leftJoin(scimUsers, scimRowOfMember)
      .where(and(eq(memberships.orgId, orgId), where));
    totalResults = counted?.total ?? 0;
  }
  return { totalResults, startIndex: input.startIndex, users: rows.map(toRecord) };
}
