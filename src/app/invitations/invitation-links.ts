// Invitation links: how a person without a password gets in. There is no mail server
// yet, so the admin receives the link and hands it over. The token is 256 random bits and
// only its hash is stored; a link is open while it is not accepted, not expired (issuing
// a fresh link expires the older ones), the person is still a member, still has no way to
// sign in, and the inviting organisation is the one the person joined first.
//
// Why "joined first": an account may belong to several organisations, and a link lets
// whoever holds it choose the account's password. Without that rule the admin of any
// organisation (anyone may start one) could add the address of a person invited
// elsewhere and take the account over before its owner accepts.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../db/connect.ts';
import { accounts, invitations, memberships, organizations } from '../../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';

export const INVITATION_DAYS = 14;

export interface InvitationLink {
  /** A path of the web app, relative to the server's address: `/invite/<token>`. */
  url: string;
  expiresAt: string;
}

export const invitationPath = (token: string): string => `/invite/${token}`;

/** Unknown, expired, used, revoked: the answer is the same and reveals nothing more. */
export const invitationInvalid = () => new AppError('not_found', 'invitation_invalid');

/** The organisation an account joined first: the only one whose links it accepts. */
const firstOrgOf = (accountId: AnyPgColumn) =>
  sql`(select m1.org_id from ${memberships} m1 where m1.account_id = ${accountId}
        order by m1.created_at, m1.org_id limit 1)`;

/**
 * Whether this organisation may hand out a link for one of its members: 'active' when the
 * person can already sign in, 'elsewhere' when another organisation invited them first.
 */
export async function invitationEligibility(
  q: Queryable,
  orgId: string,
  accountId: string,
): Promise<'pending' | 'active' | 'elsewhere'> {
  const [row] = await q
    .select({
      active: sql<boolean>`(${accounts.passwordHash} is not null or ${accounts.ssoSubject} is not null)`,
      firstOrgId: sql<string>`${firstOrgOf(accounts.id)}`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw notFound('member');
  if (row.active) return 'active';
  return row.firstOrgId === orgId ? 'pending' : 'elsewhere';
}

/**
 * A fresh link for a member, in the caller's transaction; older open links of the person
 * in this organisation stop working. The member's row is locked first, so two admins
 * issuing at once leave one open link, and a removal cannot slip in between.
 */
export async function issueInvitation(
  tx: Tx,
  now: Date,
  target: { orgId: string; accountId: string; createdBy: string },
): Promise<InvitationLink> {
  const [member] = await tx
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.orgId, target.orgId), eq(memberships.accountId, target.accountId)))
    .for('update');
  if (!member) throw notFound('member');
  const revoked = await tx
    .update(invitations)
    .set({ expiresAt: now })
    .where(
      and(
        eq(invitations.orgId, target.orgId),
        eq(invitations.accountId, target.accountId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ id: invitations.id });
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const [row] = await tx
    .insert(invitations)
    .values({ ...target, tokenHash: hashSecret(token), createdAt: now, expiresAt })
    .returning({ id: invitations.id });
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, {
    orgId: target.orgId,
    actorId: target.createdBy,
    action: 'invitation.issue',
    entityType: 'invitation',
    entityId: row.id,
    after: { accountId: target.accountId, expiresAt: expiresAt.toISOString(), revoked: revoked.map((r) => r.id) },
  });
  return { url: invitationPath(token), expiresAt: expiresAt.toISOString() };
}

export interface OpenInvitation {
  id: string;
  orgId: string;
  orgName: string;
  accountId: string;
  email: string;
  name: string;
  expiresAt: Date;
}

/** The open invitation with this token, or undefined. */
export async function findOpenInvitation(q: Queryable, token: string, now: Date): Promise<OpenInvitation | undefined> {
  const [row] = await q
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      orgName: organizations.name,
      accountId: invitations.accountId,
      email: accounts.email,
      name: accounts.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, invitations.orgId), eq(memberships.accountId, invitations.accountId)),
    )
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
        isNull(accounts.passwordHash),
        isNull(accounts.ssoSubject),
        eq(accounts.status, 'active'),
        eq(invitations.orgId, firstOrgOf(invitations.accountId)),
      ),
    );
  return row;
}
