// Which of a person's notifications the inbox shows, and counts as unread: their own, in
// this organisation, about an objective they may still read (not archived; a private one
// or a draft only its owners') and a comment that was not removed. A notification is kept
// when it drops out of sight, so restoring the objective brings it back.
import { sql, type SQL } from 'drizzle-orm';
import { readableBy } from '../objectives/records.ts';
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
  const readable = readableBy(actor);
  return sql`n.org_id = ${actor.orgId}::uuid and n.recipient_id = ${actor.accountId}::uuid
       and objectives.org_id = n.org_id and objectives.archived_at is null
       and c.org_id = n.org_id and c.deleted_at is null
       ${readable ? sql`and ${readable}` : sql``}`;
}
