// Which of a person's notifications the inbox shows, and counts as unread: their own, in
// this organisation, about an objective they may still read (not archived; a private one
// or a draft only its owners') and a comment that was not removed. A notification is kept
// when it drops out of sight, so restoring the objective brings it back.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { readableBy, readableByParams } from '../objectives/records.ts';
import type { OrgActor } from '../scope.ts';

/** The tables a visible notification is read from: `notifications n`, `objectives`, `comments c`. */
export const NOTIFICATIONS_JOINED = sql`notifications n
      join objectives on objectives.id = n.objective_id
      join comments c on c.id = n.comment_id`;

/**
 * The condition over NOTIFICATIONS_JOINED for the actor's visible notifications. The read
 * rule is core's canRead as SQL (records.ts), over the table named `objectives`.
 */
export function visibleTo(actor: OrgActor): SQL {
  return visibleWhere(sql`${actor.orgId}`, sql`${actor.accountId}`, readableBy(actor));
}

/**
 * visibleTo with the caller as placeholders (`orgId`, and readerParams's `me` and `led`), so
 * that one prepared statement serves every caller; `everything` for one who reads every objective.
 */
export function visibleByParams(everything: boolean): SQL {
  return visibleWhere(sql.placeholder('orgId'), sql.placeholder('me'), everything ? undefined : readableByParams());
}

function visibleWhere(orgId: SQLWrapper, recipientId: SQLWrapper, readable: SQL | undefined): SQL {
  return sql`n.org_id = ${orgId}::uuid and n.recipient_id = ${recipientId}::uuid
       and objectives.org_id = n.org_id and objectives.archived_at is null
       and c.org_id = n.org_id and c.deleted_at is null
       ${readable ? sql`and ${readable}` : sql``}`;
}
