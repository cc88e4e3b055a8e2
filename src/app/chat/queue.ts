// Chat posts waiting to be sent: each rendered for its channel's chat when it is queued, so
// what is posted is what was true then, and written in one statement for any number of
// channels. A dedupe key keeps a scheduled message to one per channel and period, however
// many server processes schedule it.
import type { ChatKind } from '../../core/chat/chat-channel.ts';
import { chatPostBody } from '../../core/chat/chat-channel.ts';
import type { ChatMessage } from '../../core/chat/chat-message.ts';
import type { Locale } from '../../core/domain.ts';
import type { Queryable } from '../../db/connect.ts';
import { chatPosts } from '../../db/schema.ts';

/** What is posted for a kind of message other than the chat messages themselves. */
export const TEST_POST = 'test';

export interface QueuedPost {
  orgId: string;
  channelId: string;
  kind: ChatKind;
  message: ChatMessage;
  /** `test` for the test button; the message's kind otherwise. */
  messageKind?: string;
  dedupeKey?: string | null;
}

/** The organisation's language: what a channel is posted in, whoever reads it. */
export const orgLocale = (defaultLocale: string): Locale => (defaultLocale === 'en' ? 'en' : 'sv');

/** Queues the posts in one statement; one already queued under the same dedupe key is skipped. Returns the ids added. */
export async function queueChatPosts(q: Queryable, posts: readonly QueuedPost[], now: Date): Promise<string[]> {
  if (posts.length === 0) return [];
  const added = await q
    .insert(chatPosts)
    .values(
      posts.map((post) => ({
        orgId: post.orgId,
        channelId: post.channelId,
        messageKind: post.messageKind ?? post.message.kind,
        dedupeKey: post.dedupeKey ?? null,
        body: chatPostBody(post.kind, post.message),
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [chatPosts.orgId, chatPosts.dedupeKey] })
    .returning({ id: chatPosts.id });
  return added.map((row) => row.id);
}
