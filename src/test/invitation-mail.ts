// The invitation as its recipient gets it: the newest invitation e-mail in the outbox for
// an address, and the token its link carries (only the e-mail holds it; the database
// stores a hash).
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { outboxMessages } from '../db/schema.ts';

export async function mailedInvitation(db: Queryable, orgId: string, email: string) {
  const [message] = await db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.orgId, orgId),
        eq(outboxMessages.kind, 'invitation'),
        eq(outboxMessages.toAddress, email.toLowerCase()),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(1);
  const match = /\/invite\/([A-Za-z0-9_-]{43})\b/.exec(message?.textBody ?? '');
  if (!message || !match?.[1]) throw new Error(`no invitation e-mail to ${email}`);
  return { message, token: match[1], path: `/invite/${match[1]}` };
}
