// An invitation reaches the person by e-mail, through the outbox, in the inviting
// organisation's language.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, organizations } from '../../db/schema.ts';
import { appLink, type AppDeps } from '../context.ts';
import { enqueueMessage } from '../notifications/enqueue.ts';
import type { IssuedInvitation } from './invitation-links.ts';

export async function mailInvitation(
  tx: Tx,
  deps: AppDeps,
  invitation: IssuedInvitation & { orgId: string; accountId: string; invitedBy: string },
): Promise<void> {
  const [org] = await tx
    .select({ name: organizations.name, locale: organizations.defaultLocale })
    .from(organizations)
    .where(eq(organizations.id, invitation.orgId));
  const [inviter] = await tx
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, invitation.invitedBy));
  await enqueueMessage(tx, {
    orgId: invitation.orgId,
    recipientId: invitation.accountId,
    kind: 'invitation',
    dedupeKey: `invitation:${invitation.id}`,
    // The organisation's language, not the account's: the same e-mail for every address.
    locale: org?.locale === 'en' ? 'en' : 'sv',
    params: {
      orgName: org?.name ?? '',
      inviterName: inviter?.name ?? '',
      link: appLink(deps, invitation.url),
      expiresOn: invitation.expiresAt.slice(0, 10),
    },
  });
}
