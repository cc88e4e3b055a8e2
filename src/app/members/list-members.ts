import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { accounts, memberships } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { invalid } from '../errors.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg, isUuid } from '../scope.ts';
import { containsPattern } from '../search/like.ts';
import { MEMBER_COLUMNS, presentMember, unitsOfMembers, type MemberView } from './member-view.ts';
import { literalLimit } from '../../db/raw.ts';

export interface ListMembersInput extends PageRequest {
  /** Part of a name or e-mail address. */
  q?: string;
}

/** `%` and `_` in a search are meant literally, not as LIKE wildcards. */

/** Everyone in the organisation may see who else is in it (transparency). */
export async function listMembers(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListMembersInput,
): Promise<Page<MemberView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const conditions: (SQL | undefined)[] = [eq(memberships.orgId, actor.orgId)];
  const search = input.q?.trim();
  if (search) {
    const pattern = containsPattern(search);
    conditions.push(or(ilike(accounts.name, pattern), ilike(accounts.email, pattern)));
  }
  if (input.cursor) {
    const [name, id] = decodeCursor(input.cursor, ['string', 'string']);
    if (!isUuid(String(id))) throw invalid('/query/cursor', 'cursor_invalid');
    conditions.push(sql`(${accounts.name}, ${accounts.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await deps.db
    .select(MEMBER_COLUMNS)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(...conditions))
    .orderBy(asc(accounts.name), asc(accounts.id))
    .limit(literalLimit(limit + 1));
  const pageRows = rows.slice(0, limit);
  const memberUnits = await unitsOfMembers(
    deps.db,
    actor.orgId,
    pageRows.map((r) => r.accountId),
  );
  return toPage(
    rows,
    limit,
    (row) => presentMember(row, memberUnits.get(row.accountId)),
    (row) => [row.name, row.accountId],
  );
}
