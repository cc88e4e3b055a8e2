// The inbox rows a comment causes, written in the comment's transaction as one statement:
// each mentioned member who may read the objective gets a `mention`, and the objective's
// owners (the person of a personal objective; the leads of a unit's own unit) a `comment`
// unless the comment mentions them. Never the author. The unique key (organisation,
// recipient, comment) makes a second notice of the same comment a no-op, so an edit may
// ask again for everyone it mentions.
import { sql, type SQL } from 'drizzle-orm';
import { MAX_MENTIONS } from '../../core/mentions.ts';
import type { Queryable } from '../../db/connect.ts';
import { literalLimit, uuidArray } from '../../db/raw.ts';
import type { ObjectiveRow } from '../objectives/owner-context.ts';
import type { MentionedMember } from './mentioned-members.ts';

export interface CommentNotice {
  orgId: string;
  authorId: string;
  objective: ObjectiveRow;
  commentId: string;
  /** The members the comment mentions (checkMentions: at most MAX_MENTIONS). */
  mentioned: readonly MentionedMember[];
  /** A new comment tells the owners; an edit only the newly mentioned. */
  toOwners: boolean;
  now: Date;
}

export async function notifyComment(q: Queryable, notice: CommentNotice): Promise<void> {
  const readers = notice.mentioned.filter((p) => p.mayRead).map((p) => p.accountId);
  const owners = notice.toOwners ? ownersOf(notice.objective) : null;
  if (readers.length === 0 && !owners) return;
  const { orgId, objective } = notice;
  const everyoneMentioned = uuidArray(notice.mentioned.map((p) => p.accountId));
  const toOwners = owners
    ? sql`union all
            select owner.id, 'comment' from (${owners}) as owner(id) where owner.id <> all(${everyoneMentioned})`
    : sql``;
  await q.execute(sql`
    insert into notifications (org_id, recipient_id, kind, objective_id, comment_id, author_id, created_at)
    select ${orgId}::uuid, r.account_id, r.kind, ${objective.id}::uuid, ${notice.commentId}::uuid,
           ${notice.authorId}::uuid, ${notice.now.toISOString()}::timestamptz
      from (select unnest(${uuidArray(readers)}) as account_id, 'mention' as kind ${toOwners}) r
      -- Still a member: someone who left (or was deactivated) keeps their objectives but is told nothing.
      join memberships m on m.org_id = ${orgId}::uuid and m.account_id = r.account_id and m.deactivated_at is null
     where r.account_id <> ${notice.authorId}::uuid
    on conflict (org_id, recipient_id, comment_id) do nothing`);
}

/** Who owns the objective, as a one-column select; none for the organisation's own. */
function ownersOf(objective: ObjectiveRow): SQL | null {
  if (objective.level === 'person') return sql`select ${objective.personId}::uuid`;
  // The unit's own leads: a lead of a unit above reads its objectives, but is not told of every comment.
  if (objective.level === 'unit')
    return sql`select um.account_id from unit_members um
                where um.org_id = ${objective.orgId}::uuid and um.unit_id = ${objective.unitId}::uuid
                  and um.role = 'lead'
                limit ${literalLimit(MAX_MENTIONS)}`;
  // The organisation's objectives belong to everyone: nobody in particular is told.
  return null;
}
