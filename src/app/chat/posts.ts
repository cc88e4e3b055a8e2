// A channel's recent posts (for whoever keeps the channel), newest first, and its test
// button: this week's digest of the channel's scope as it stands, queued now and sent by the
// job runner like any other post, so the log shows whether the chat took it.
import { and, desc, eq } from 'drizzle-orm';
import type { ChatKind } from '../../core/chat/chat-channel.ts';
import { literalLimit } from '../../db/raw.ts';
import { chatPosts, organizations } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { afterTimeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { inTransaction } from '../transaction.ts';
import { ownChannel } from './channels.ts';
import { orgLocale, queueChatPosts, TEST_POST } from './queue.ts';
import { loadScopeFigures } from './scope-messages.ts';

// The words of the webhook deliveries' log, so both logs read alike.
type PostStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

export interface ChatPostView {
  id: string;
  /** A chat message kind, or `test`. */
  messageKind: string;
  status: PostStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  /** When it is tried (again), while it is pending. */
  nextAttemptAt: string | null;
  responseStatus: number | null;
  /** The start of the chat's answer, or why nothing was sent. */
  detail: string | null;
}

type Row = typeof chatPosts.$inferSelect;

const present = (row: Row): ChatPostView => ({
  id: row.id,
  messageKind: row.messageKind,
  status: row.status as PostStatus,
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
  lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
  responseStatus: row.responseStatus,
  detail: row.lastError,
});

export async function listChatPosts(
  deps: AppDeps,
  caller: Caller,
  channelId: string,
  input: PageRequest,
): Promise<Page<ChatPostView>> {
  return inTransaction(deps, async (tx) => {
    const { actor } = await ownChannel(tx, caller, channelId, false);
    const limit = pageSize(input);
    const rows = await tx
      .select()
      .from(chatPosts)
      .where(
        and(
          eq(chatPosts.orgId, actor.orgId),
          eq(chatPosts.channelId, channelId),
          afterTimeCursor(input.cursor, chatPosts.createdAt, chatPosts.id, 'desc'),
        ),
      )
      .orderBy(desc(chatPosts.createdAt), desc(chatPosts.id))
      .limit(literalLimit(limit + 1));
    return toPage(rows, limit, present, (row) => [row.createdAt.toISOString(), row.id]);
  });
}

/** Queues the channel's digest as it stands now, in the organisation's language. */
export async function sendTestPost(deps: AppDeps, caller: Caller, channelId: string): Promise<ChatPostView> {
  return inTransaction(deps, async (tx) => {
    const { actor, row, unitName } = await ownChannel(tx, caller, channelId, false);
    const [org] = await tx
      .select({ name: organizations.name, defaultLocale: organizations.defaultLocale })
      .from(organizations)
      .where(eq(organizations.id, actor.orgId));
    if (!org) throw new Error('the channel’s organisation is gone');
    const now = deps.now();
    const scope = { unitId: row.unitId, name: unitName ?? org.name };
    const figures = await loadScopeFigures(deps, tx, actor.orgId, [scope], now);
    const message = figures.digest(scope, orgLocale(org.defaultLocale), true);
    if (!message) throw new Error('an empty digest is always made');
    const [id] = await queueChatPosts(
      tx,
      [{ orgId: actor.orgId, channelId: row.id, kind: row.kind as ChatKind, message, messageKind: TEST_POST }],
      now,
    );
    const [queued] = await tx
      .select()
      .from(chatPosts)
      .where(and(eq(chatPosts.orgId, actor.orgId), eq(chatPosts.id, id ?? '')));
    if (!queued) throw new Error('the test post was not queued');
    return present(queued);
  });
}
