// Invitations: how a person joins an organisation. An admin's invitation is mailed to
// the address (through the outbox) and the person becomes a member only by accepting it;
// the admin learns nothing about the address (whether it has an account, whose). The
// token is 256 random bits and only its hash is stored; a link is open while it is not
// accepted, not expired, and not replaced (issuing a fresh one expires the older ones).
//
// Accepting means one of two things. Someone Riktning does not know yet (an account made
// for the invitation, with no way to sign in and no organisation) chooses a password.
// Anyone else signs in first and joins as that account: the link alone never lets its
// holder choose the password of an account that is someone's already.
//
// Links for members who cannot sign in yet (added before invitations were mailed, or by
// an import or provisioning) set
// the password too, but only from the organisation the person joined first: an account
// may belong to several organisations, and without that rule the admin of any
// organisation (anyone may start one) could take over a person invited elsewhere.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { OrgRole } from '../../core/domain.ts';
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

/** Whether the account can sign in: a password, or an identity at the provider. */
const hasCredentials = sql<boolean>`(${accounts.passwordHash} is not null or ${accounts.ssoSubject} is not null)`;

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
      active: hasCredentials,
      firstOrgId: sql<string>`${firstOrgOf(accounts.id)}`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw notFound('member');
  if (row.active) return 'active';
  return row.firstOrgId === orgId ? 'pending' : 'elsewhere';
}

export interface IssuedInvitation extends InvitationLink {
  id: string;
}

/**
 * A fresh invitation, in the caller's transaction; older open ones of the person in this
 * organisation stop working. With a role it invites someone to join; without, it is a
 * link for a member who cannot sign in yet. The member's (or account's) row is locked
 * first, so two admins issuing at once leave one open link, and a removal cannot slip in.
 */
export async function issueInvitation(
  tx: Tx,
  now: Date,
  target: { orgId: string; accountId: string; createdBy: string; role?: OrgRole },
): Promise<IssuedInvitation> {
  const { role, ...who } = target;
  if (role) {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, who.accountId)).for('update');
  } else {
    const [member] = await tx
      .select({ accountId: memberships.accountId })
      .from(memberships)
      .where(and(eq(memberships.orgId, who.orgId), eq(memberships.accountId, who.accountId)))
      .for('update');
    if (!member) throw notFound('member');
  }
  const revoked = await tx
    .update(invitations)
    .set({ expiresAt: now })
    .where(
      and(
        eq(invitations.orgId, who.orgId),
        eq(invitations.accountId, who.accountId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ id: invitations.id });
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const [row] = await tx
    .insert(invitations)
    .values({ ...who, role: role ?? null, tokenHash: hashSecret(token), createdAt: now, expiresAt })
    .returning({ id: invitations.id });
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, {
    orgId: who.orgId,
    actorId: who.createdBy,
    action: 'invitation.issue',
    entityType: 'invitation',
    entityId: row.id,
    after: { expiresAt: expiresAt.toISOString(), revoked: revoked.map((r) => r.id), ...(role ? { role } : {}) },
  });
  return { id: row.id, url: invitationPath(token), expiresAt: expiresAt.toISOString() };
}

/** How the person accepts: choosing a password, or signed in as the invited account. */
export type AcceptBy = 'password' | 'sign_in';

export interface OpenInvitation {
  id: string;
  orgId: string;
  orgName: string;
  accountId: string;
  email: string;
  name: string;
  expiresAt: Date;
  /** The role on joining; null: a member already, choosing a password. */
  role: OrgRole | null;
  acceptBy: AcceptBy;
}

/** Whether the account belongs to any organisation: then it is someone's, not new. */
const inSomeOrganisation = sql<boolean>`exists (select 1 from ${memberships} m2 where m2.account_id = ${accounts.id})`;
/** The account's oldest open invitation to join: the only one that may set its password. */
const firstOpenInvitation = (now: Date) =>
  sql<string>`(select i2.id from ${invitations} i2 where i2.account_id = ${invitations.accountId}
        and i2.role is not null and i2.accepted_at is null and i2.expires_at > ${now.toISOString()}::timestamptz
        order by i2.created_at, i2.id limit 1)`;

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
      role: invitations.role,
      member: memberships.accountId,
      hasCredentials,
      inSomeOrganisation,
      firstOpen: sql<boolean>`(${invitations.id} = ${firstOpenInvitation(now)})`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .leftJoin(
      memberships,
      and(eq(memberships.orgId, invitations.orgId), eq(memberships.accountId, invitations.accountId)),
    )
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
        eq(accounts.status, 'active'),
      ),
    );
  if (!row) return undefined;
  const { member, hasCredentials: active, inSomeOrganisation: known, firstOpen, role, ...invitation } = row;
  const acceptBy = acceptanceOf({ role, member: member !== null, active, known, firstOpen });
  if (!acceptBy) return undefined;
  // A member's link sets the password only from the organisation the person joined first.
  if (role === null && (await invitationEligibility(q, invitation.orgId, invitation.accountId)) !== 'pending') {
    return undefined;
  }
  return { ...invitation, role: role as OrgRole | null, acceptBy };
}

/** How an invitation is accepted, or undefined when it is not open (see the top of the file). */
function acceptanceOf(state: {
  role: string | null;
  member: boolean;
  active: boolean;
  known: boolean;
  firstOpen: boolean;
}): AcceptBy | undefined {
  if (state.role === null) return state.member && !state.active ? 'password' : undefined;
  if (state.member) return undefined;
  if (state.active || state.known) return 'sign_in';
  return state.firstOpen ? 'password' : undefined;
}
