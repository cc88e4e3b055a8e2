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
import { presentAttempts, type PostAttempts } from '../webhooks/outbound-queue.ts';

/** A post in a channel's log, in the words of the webhook deliveries' log. */
export interface ChatPostView extends PostAttempts {
  id: string;
  /** A chat message kind, or `test`. */
  messageKind: string;
}

const present = (row: typeof chatPosts.$inferSelect): ChatPostView => ({
  id: row.id,
  messageKind: row.messageKind,
  ...presentAttempts(row),
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
