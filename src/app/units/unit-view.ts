import { and, eq, sql } from 'drizzle-orm';
import { abilities } from '../../core/policy.ts';
import type { UnitKind, UnitRole } from '../../core/domain.ts';
import type { Queryable } from '../../db/connect.ts';
import { preparedByShape } from '../../db/prepared-shapes.ts';
import { units } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { DEFAULT_SETTINGS } from '../orgs/org-view.ts';
import { isUuid, type OrgActor } from '../scope.ts';
import { MAX_DEPTH, type UnitRow } from './unit-tree.ts';

const UNIT_ACTIONS = [
  'unit.update',
  'unit.archive',
  'unit.manageMembers',
  'unit.create',
  'archive.restore',
  // Whether the caller may set this unit's objectives (admins and the unit's leads).
  'objective.create',
  // Whether the caller may set the unit's Slack or Teams channel.
  'chat.manage',
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

const orgDefaultCadence = sql<
  number | null
>`(select (settings ->> 'checkInCadenceDays')::int from organizations where id = units.org_id)`;

/**
 * The unit's row and everything its detail shows, in one statement: the units above it
 * (root first), the live units beneath it, its people (leads first, then by name) and the
 * cadence it inherits (the nearest live unit above that sets one, else the organisation's;
 * core/cadence.ts resolves the same for a whole tree at once). Each walk up the tree is a
 * recursive query with a depth guard.
 */
// Columns of the outer row are written out: the query builder leaves table names off the
// columns of a one-table select, and inside the subqueries "id" would be the inner row's.
function unitDetailQuery(q: Queryable) {
  return q
    .select({
      unit: units,
      ancestors: sql<{ id: string; name: string }[]>`(
        with recursive up(id, name, parent_id, depth) as (
          select p.id, p.name, p.parent_id, 1 from units p where p.id = units.parent_id and p.org_id = units.org_id
          union all
          select p.id, p.name, p.parent_id, up.depth + 1 from units p join up on p.id = up.parent_id
           where p.org_id = units.org_id and up.depth < ${MAX_DEPTH}
        )
        select coalesce(json_agg(json_build_object('id', id, 'name', name) order by depth desc), '[]') from up)`,
      children: sql<{ id: string; name: string; kind: UnitKind }[]>`(
        select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'kind', c.kind) order by c.name, c.id), '[]')
          from units c where c.org_id = units.org_id and c.parent_id = units.id and c.archived_at is null)`,
      members: sql<UnitMemberView[]>`(
        select coalesce(json_agg(json_build_object('accountId', a.id, 'name', a.name, 'role', um.role)
                 order by um.role = 'lead' desc, a.name, a.id), '[]')
          from unit_members um join accounts a on a.id = um.account_id
         where um.org_id = units.org_id and um.unit_id = units.id)`,
      inheritedDays: sql<number | null>`coalesce((
        with recursive up(id, parent_id, days, depth) as (
          select p.id, p.parent_id, p.check_in_cadence_days, 0 from units p
           where p.id = units.parent_id and p.org_id = units.org_id and p.archived_at is null
          union all
          select p.id, p.parent_id, p.check_in_cadence_days, up.depth + 1 from units p join up on p.id = up.parent_id
           where up.days is null and p.org_id = units.org_id and p.archived_at is null and up.depth < ${MAX_DEPTH}
        )
        select days from up where days is not null order by depth limit 1), ${orgDefaultCadence})`,
    })
    .from(units)
    .where(and(eq(units.id, sql.placeholder('unitId')), eq(units.orgId, sql.placeholder('orgId'))));
}

const unitDetailStatement = preparedByShape(
  'unit_detail',
  () => '',
  (q, name) => unitDetailQuery(q).prepare(name),
);

/**
 * One unit of the actor's organisation (archived or not) with its place in the tree, its
 * people and what the caller may do with it; not found when there is none.
 */
export async function loadUnitDetail(q: Queryable, actor: OrgActor, unitId: string): Promise<UnitDetailView> {
  const [found] = isUuid(unitId) ? await unitDetailStatement(q, undefined).execute({ orgId: actor.orgId, unitId }) : [];
  if (!found) throw notFound('unit');
  const { unit: row, ancestors, children, members } = found;
  const inherited = found.inheritedDays ?? DEFAULT_SETTINGS.checkInCadenceDays;
  return {
    ...presentUnit(row, members.length),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    ancestors,
    children,
    members,
    effectiveCheckInCadenceDays: row.checkInCadenceDays ?? inherited,
    inheritedCheckInCadenceDays: inherited,
    abilities: abilities(actor, UNIT_ACTIONS, { unitId: row.id, level: 'unit' }),
  };
}
