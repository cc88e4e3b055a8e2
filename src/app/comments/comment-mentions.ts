// The mentions of a comment being written or edited: every token must name a member (so a
// stored comment never points at a stranger), and each mentioned member who may read the
// objective, other than the author, gets one e-mail per comment (the dedupe key), enqueued
// in the comment's own transaction.
import { eq } from 'drizzle-orm';
import { excerpt, MAX_MENTIONS, mentionedIds } from '../../core/mentions.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, type objectives } from '../../db/schema.ts';
import { appLink, type AppDeps } from '../context.ts';
import { invalid } from '../errors.ts';
import { enqueueMessage } from '../notifications/enqueue.ts';
import { mentionedMembers, type MentionedMember } from './mentioned-members.ts';

type ObjectiveRow = typeof objectives.$inferSelect;

/** The members a body mentions; refuses too many mentions and mentions of non-members. */
export async function checkMentions(
  q: Queryable,
  orgId: string,
  objective: ObjectiveRow,
  body: string,
): Promise<MentionedMember[]> {
  const ids = mentionedIds(body);
  if (ids.length > MAX_MENTIONS) throw invalid('/body/body', 'too_many_mentions', { limit: MAX_MENTIONS });
  const mentioned = await mentionedMembers(
    q,
    orgId,
    {
      level: objective.level as 'organization' | 'unit' | 'person',
      personId: objective.personId,
      unitId: objective.unitId,
      visibility: objective.visibility as 'public' | 'private',
      lifecycle: objective.lifecycle as 'draft' | 'published' | 'closed',
    },
    ids,
  );
  if (mentioned.length < ids.length) throw invalid('/body/body', 'mention_not_member');
  return mentioned;
}

export interface MentionMail {
  orgId: string;
  authorId: string;
  objective: ObjectiveRow;
  commentId: string;
  body: string;
  people: readonly MentionedMember[];
}

/** Mails the mentioned people (at most MAX_MENTIONS, so one enqueue each stays bounded). */
export async function mailMentioned(q: Queryable, deps: AppDeps, mail: MentionMail): Promise<void> {
  const recipients = mail.people.filter((p) => p.accountId !== mail.authorId && p.mayRead);
  if (recipients.length === 0) return;
  const [author] = await q.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, mail.authorId));
  const link = appLink(deps, `/orgs/${mail.orgId}/objectives/${mail.objective.id}#comment-${mail.commentId}`);
  for (const person of recipients) {
    await enqueueMessage(q, {
      orgId: mail.orgId,
      recipientId: person.accountId,
      kind: 'mention',
      dedupeKey: `mention:${mail.commentId}:${person.accountId}`,
      params: {
        authorName: author?.name ?? '',
        objectiveTitle: mail.objective.title,
        excerpt: excerpt(mail.body),
        link,
      },
    });
  }
}
