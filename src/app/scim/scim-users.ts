// Reading an organisation's members as SCIM Users (app/scim): one statement per answer,
// scoped by the service account's organisation, whatever the filter.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Locale, OrgRole } from '../../core/domain.ts';
import { ScimError } from '../../core/scim/errors.ts';
import { resourceVersion, type ScimUserRecord } from '../../core/scim/user.ts';
import type { Queryable, Tx } from '../../db/connect.ts';
import { accounts, memberships, scimUsers } from '../../db/schema.ts';
import type { Caller } from '../context.ts';
import { isUuid } from '../scope.ts';

/** Who provisions: a service account with the scope `scim`, in its own organisation alone. */
export interface ScimActor {
  orgId: string;
  /** The service account's account, named in the audit log. */
  actorId: string;
}

export function scimActor(caller: Caller): ScimActor {
  if (!caller.service?.scopes.includes('scim')) {
    throw new ScimError(403, 'provisioning needs a service account token with the scope "scim"');
  }
  return { orgId: caller.service.orgId, actorId: caller.accountId };
}

export interface MemberRecord extends ScimUserRecord {
  role: OrgRole;
  /** The account's own state, whatever its membership here. */
  accountActive: boolean;
  accountVersion: number;
  /** The membership here is switched off (memberships.deactivated_at). */
  membershipDeactivated: boolean;
}

export const memberColumns = {
  id: accounts.id,
  email: accounts.email,
  name: accounts.name,
  locale: accounts.locale,
  status: accounts.status,
  accountVersion: accounts.version,
  role: memberships.role,
  joinedAt: memberships.createdAt,
  deactivatedAt: memberships.deactivatedAt,
  externalId: scimUsers.externalId,
  givenName: scimUsers.givenName,
  familyName: scimUsers.familyName,
  scimVersion: scimUsers.version,
  scimUpdatedAt: scimUsers.updatedAt,
};

type Row = { [K in keyof typeof memberColumns]: (typeof memberColumns)[K]['_']['data'] | null };

/** A member's SCIM row joins their membership. */
export const scimRowOfMember = and(
  eq(scimUsers.orgId, memberships.orgId),
  eq(scimUsers.accountId, memberships.accountId),
);

/** The organisation's members with what SCIM said about them; `where` narrows it. */
export function memberSelect(q: Queryable, orgId: string, where: SQL | undefined) {
  return q
    .select(memberColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(scimUsers, scimRowOfMember)
    .where(and(eq(memberships.orgId, orgId), where));
}

export function toRecord(row: Row): MemberRecord {
  const accountActive = row.status === 'active';
  const membershipDeactivated = row.deactivatedAt !== null;
  const joinedAt = row.joinedAt ?? new Date(0);
  return {
    id: row.id ?? '',
    email: row.email ?? '',
    name: row.name ?? '',
    locale: (row.locale ?? 'sv') as Locale,
    active: accountActive && !membershipDeactivated,
    externalId: row.externalId,
    givenName: row.givenName,
    familyName: row.familyName,
    created: joinedAt,
    lastModified: row.scimUpdatedAt ?? joinedAt,
    version: resourceVersion(row.accountVersion ?? 0, row.scimVersion ?? 0),
    role: (row.role ?? 'member') as OrgRole,
    accountActive,
    accountVersion: row.accountVersion ?? 0,
    membershipDeactivated,
  };
}

export const userNotFound = (id: string) => new ScimError(404, `no User ${id.slice(0, 64)} in this organisation`);

/** One member of the organisation; not found for anyone else (another organisation's people too). */
export async function findUser(q: Queryable, orgId: string, id: string): Promise<MemberRecord> {
  if (!isUuid(id)) throw userNotFound(id);
  const [row] = await memberSelect(q, orgId, eq(memberships.accountId, id));
  if (!row) throw userNotFound(id);
  return toRecord(row);
}

/** As findUser, holding the membership and the account until the transaction ends. */
export async function lockUser(tx: Tx, orgId: string, id: string): Promise<MemberRecord> {
  if (!isUuid(id)) throw userNotFound(id);
  const [row] = await memberSelect(tx, orgId, eq(memberships.accountId, id)).for('update', {
    of: [memberships, accounts],
  });
  if (!row) throw userNotFound(id);
  return toRecord(row);
}

/** `lower(email)`, as the unique index on accounts has it. */
export const emailIs = (email: string) => eq(sql`lower(${accounts.email})`, email.toLowerCase());
