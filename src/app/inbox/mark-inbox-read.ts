// Marks my notifications read — the ones named, or all of them — and answers how many are
// still unread, in one statement after the caller's (cached) membership. Ids that are not
// the caller's unread notifications in this organisation change nothing: marking read is
// idempotent, and another person's notification is simply not among one's own.
import { sql } from 'drizzle-orm';
import { queryRows, uuidArray } from '../../db/raw.ts';
import { forgetOkrAnswers } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { actorInOrg } from '../scope.ts';
import { NOTIFICATIONS_JOINED, visibleTo } from './inbox-visible.ts';

export interface MarkReadInput {
  /** Absent: every notification of the caller's in the organisation. */
  ids?: string[];
}

export async function markInboxRead(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: MarkReadInput,
): Promise<{ unread: number }> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  // The count reads the rows as they were before the update (one statement, one snapshot),
  // so it leaves out those the update marks.
  const [row] = await queryRows<{ unread: number }>(
    deps.db,
    sql`
    with marked as (
      update notifications set read_at = ${deps.now().toISOString()}::timestamptz
       where org_id = ${actor.orgId}::uuid and recipient_id = ${actor.accountId}::uuid and read_at is null
         ${input.ids ? sql`and id = any(${uuidArray(input.ids)})` : sql``}
      returning id)
    select count(*)::int as unread from ${NOTIFICATIONS_JOINED}
     where ${visibleTo(actor)} and n.read_at is null and n.id not in (select id from marked)`,
  );
  // Written without a transaction, so nothing else drops the kept inbox it changes.
  forgetOkrAnswers(deps);
  return { unread: Number(row?.unread ?? 0) };
}
