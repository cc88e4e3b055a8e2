import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { OrgRole, UnitRole } from '../../core/domain.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, memberships, unitMembers, units } from '../../db/schema.ts';

export interface MemberView {
  accountId: string;
  name: string;
  email: string;
  role: OrgRole;
  units: { unitId: string; role: UnitRole }[];
  /** When provisioning (SCIM) switched the membership off; null while it is on. */
  deactivatedAt: string | null;
}

export interface MemberRow {
  accountId: string;
  name: string;
  email: string;
  role: string;
  deactivatedAt: Date | null;
}

/** The columns of a member row: the account and its membership. */
export const MEMBER_COLUMNS = {
  accountId: accounts.id,
  name: accounts.name,
  email: accounts.email,
  role: memberships.role,
  deactivatedAt: memberships.deactivatedAt,
};

/**
 * The unit memberships of several people in one query (never one per row), keyed by
 * account. Archived units have dropped out of every list, so they are left out here too.
 */
export async function unitsOfMembers(q: Queryable, orgId: string, accountIds: string[]) {
  const byAccount = new Map<string, MemberView['units']>();
  if (accountIds.length === 0) return byAccount;
  const rows = await q
    .select({ accountId: unitMembers.accountId, unitId: unitMembers.unitId, role: unitMembers.role })
    .from(unitMembers)
    .innerJoin(units, and(eq(units.id, unitMembers.unitId), eq(units.orgId, orgId)))
    .where(and(eq(unitMembers.orgId, orgId), inArray(unitMembers.accountId, accountIds), isNull(units.archivedAt)))
    .orderBy(asc(units.name), asc(units.id));
  for (const row of rows) {
    const list = byAccount.get(row.accountId) ?? [];
    list.push({ unitId: row.unitId, role: row.role as UnitRole });
    byAccount.set(row.accountId, list);
  }
  return byAccount;
}

export function presentMember(row: MemberRow, memberUnits: MemberView['units'] = []): MemberView {
  return {
    accountId: row.accountId,
    name: row.name,
    email: row.email,
    role: row.role as OrgRole,
    units: memberUnits,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

/** One member with their units, as the answer to a change. */
export async function loadMember(q: Queryable, orgId: string, row: MemberRow): Promise<MemberView> {
  const memberUnits = await unitsOfMembers(q, orgId, [row.accountId]);
  return presentMember(row, memberUnits.get(row.accountId));
}
