import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { abilities } from '../../core/policy.ts';
import type { UnitKind, UnitRole } from '../../core/domain.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, unitMembers, units } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import { ancestorsOf, type UnitRow } from './unit-tree.ts';
import { inheritedCadenceDays } from './unit-cadence.ts';

const UNIT_ACTIONS = [
  'unit.update',
  'unit.archive',
  'unit.manageMembers',
  'unit.create',
  'archive.restore',
  // Whether the caller may set this unit's objectives (admins and the unit's leads).
  'objective.create',
] as const;

export function presentUnit(row: UnitRow, memberCount: number) {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind as UnitKind,
    vision: row.vision,
    mission: row.mission,
    checkInCadenceDays: row.checkInCadenceDays,
    version: row.version,
    memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type UnitView = ReturnType<typeof presentUnit>;

export interface UnitMemberView {
  accountId: string;
  name: string;
  role: UnitRole;
}

export interface UnitDetailView extends UnitView {
  archivedAt: string | null;
  ancestors: { id: string; name: string }[];
  children: { id: string; name: string; kind: UnitKind }[];
  members: UnitMemberView[];
  /** Days between check-ins for this unit's key results: its own cadence, else the inherited one. */
  effectiveCheckInCadenceDays: number;
  /** What the unit follows when it sets no cadence of its own: the nearest unit above that does, else the organisation. */
  inheritedCheckInCadenceDays: number;
  abilities: Record<(typeof UNIT_ACTIONS)[number], boolean>;
}

/** One unit with its place in the tree, its people and what the caller may do with it. */
export async function presentUnitDetail(q: Queryable, actor: OrgActor, row: UnitRow): Promise<UnitDetailView> {
  // One after another: inside a transaction they share one connection anyway.
  const ancestors = await ancestorsOf(q, actor.orgId, row.id);
  const children = await q
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(and(eq(units.orgId, actor.orgId), eq(units.parentId, row.id), isNull(units.archivedAt)))
    .orderBy(asc(units.name), asc(units.id));
  const members = await q
    .select({ accountId: accounts.id, name: accounts.name, role: unitMembers.role })
    .from(unitMembers)
    .innerJoin(accounts, eq(accounts.id, unitMembers.accountId))
    .where(and(eq(unitMembers.orgId, actor.orgId), eq(unitMembers.unitId, row.id)))
    // Leads first, then by name.
    .orderBy(sql`${unitMembers.role} = 'lead' desc`, asc(accounts.name), asc(accounts.id));
  const inherited = await inheritedCadenceDays(q, actor.orgId, row.parentId);
  return {
    ...presentUnit(row, members.length),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    ancestors,
    children: children.map((c) => ({ ...c, kind: c.kind as UnitKind })),
    members: members.map((m) => ({ ...m, role: m.role as UnitRole })),
    effectiveCheckInCadenceDays: row.checkInCadenceDays ?? inherited,
    inheritedCheckInCadenceDays: inherited,
    abilities: abilities(actor, UNIT_ACTIONS, { unitId: row.id, level: 'unit' }),
  };
}
