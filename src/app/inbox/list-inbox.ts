// My inbox in one organisation (the header's bell): a page of notifications, newest
// first, and how many are unread, in one prepared statement after the caller's (cached)
// membership.
import { sql } from 'drizzle-orm';
import { excerpt } from '../../core/mentions.ts';
import type { NotificationKind } from '../../core/domain.ts';
import { param, preparedByShape, shapeKey } from '../../db/prepared-shapes.ts';
import { literalLimit, preparedStatement } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { pageSize, parseTimeCursor, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { readerParams, readsEverything } from '../objectives/records.ts';
import { NOTIFICATIONS_JOINED, visibleByParams } from './inbox-visible.ts';

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  read: boolean;
  createdAt: string;
  /** Null when the author's account is gone. */
  authorName: string | null;
  objectiveId: string;
  objectiveTitle: string;
  commentId: string;
  excerpt: string;
}

export interface Inbox extends Page<InboxItem> {
  unread: number;
}

interface Row {
  unread: number;
  /** The page's columns are null when the page is empty (the unread count's row alone). */
  id: string | null;
  kind: NotificationKind;
  read: boolean;
  created_at: Date | string;
  author_name: string | null;
  objective_id: string;
  objective_title: string;
  comment_id: string;
  body: string;
}

/** Enough of a comment for its excerpt (core's excerpt reads no more of it either). */
const BODY_READ = 280 * 4;

/** The shape of a page's question: whether the reader reads everything, whether it goes on from a cursor, its rows. */
type InboxShape = { everything: boolean; after: boolean; rows: number };

/**
 * The count is one row and the page hangs off it (left join lateral), so an empty page
 * still answers the count. Each reads along its own index (schema.ts: notifications).
 * Built and prepared once per shape; each call fills in the caller and the cursor.
 */
const inboxPage = preparedByShape('inbox_page', shapeKey, (q, name, shape: InboxShape) => {
  const visible = visibleByParams(shape.everything);
  return preparedStatement<Row>(
    q,
    name,
    sql`
    select u.unread, p.*
      from (select count(*)::int as unread from ${NOTIFICATIONS_JOINED} where ${visible} and n.read_at is null) u
      left join lateral (
        select n.id, n.kind, n.read_at is not null as read, n.created_at, a.name as author_name,
               n.objective_id, objectives.title as objective_title, n.comment_id, left(c.body, ${BODY_READ}) as body
          from ${NOTIFICATIONS_JOINED}
          left join accounts a on a.id = n.author_id
         where ${visible}
           ${shape.after ? sql`and (n.created_at, n.id) < (${param('afterTime')}::timestamptz, ${param('afterId')}::uuid)` : sql``}
         order by n.created_at desc, n.id desc
         limit ${literalLimit(shape.rows)}) p on true`,
  );
});

export async function listInbox(deps: AppDeps, caller: Caller, orgId: string, input: PageRequest): Promise<Inbox> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  const after = parseTimeCursor(input.cursor);
  const everything = readsEverything(actor);
  const rows = await inboxPage(deps.db, { everything, after: after !== undefined, rows: limit + 1 })({
    orgId: actor.orgId,
    ...readerParams(actor),
    ...(after ? { afterTime: after[0], afterId: after[1] } : {}),
  });
  const unread = Number(rows[0]?.unread ?? 0);
  const items = rows.filter((row): row is Row & { id: string } => row.id !== null);
  return {
    ...toPage(items, limit, present, (row) => [iso(row.created_at), row.id]),
    unread,
  };
}

const iso = (time: Date | string) => new Date(time).toISOString();

function present(row: Row & { id: string }): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    read: row.read,
    createdAt: iso(row.created_at),
    authorName: row.author_name,
    objectiveId: row.objective_id,
    objectiveTitle: row.objective_title,
    commentId: row.comment_id,
    excerpt: excerpt(row.body),
  };
}
