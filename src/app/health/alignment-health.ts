// Alignment health of one cycle, for the organisation or one unit and the units beneath
// it: how much of the teams' work supports the organisation's objectives, what nobody
// supports, who has no OKRs, and objectives with nothing to measure. Set-based SQL: a
// fixed handful of statements, whatever the organisation's size; for a large organisation
// reused for a few seconds (figures-cache.ts), a unit's kept until a write (kept-answers.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import { preparedRows, uuidArray } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { figuresFor } from '../figures-cache.ts';
import { keptForAudience } from '../kept-answers.ts';
import { readableBy } from '../objectives/records.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { unitScope, type UnitScope } from '../units/unit-tree.ts';

export interface AlignmentHealthInput {
  cycleId: string;
  unitId?: string;
}

interface Named {
  id: string;
  title: string;
}

export interface AlignmentHealthView {
  cycleId: string;
  unitId: string | null;
  unitObjectives: {
    total: number;
    /** Those that reach an organisation objective through what they support, at any depth. */
    supportingOrganization: number;
    share: number | null;
    /**
     * Those that reach no organisation objective but serve a strategy theme, themselves or
     * through what they support: aligned to the strategy where the cycle has nothing to support.
     */
    servingThemeOnly: number;
  };
  organizationObjectives: {
    /** The organisation's objectives of the cycle and of its parent cycle (the year's agenda). */
    total: number;
    /** Those that no unit objective in scope supports, directly or through others. */
    unsupported: Named[];
  };
  units: { total: number; withoutObjectives: { id: string; name: string }[] };
  people: { total: number; withIndividualObjectives: number; share: number | null };
  objectivesWithoutKeyResults: (Named & { level: ObjectiveLevel })[];
  /** When the figures were worked out. */
  asOf: string;
}

const share = (part: number, total: number) => (total === 0 ? null : part / total);

/**
 * What counts: objectives that are published (not drafts), not archived and readable by
 * the caller — so a member's figures leave out other people's private objectives.
 */
export function liveObjectives(actor: OrgActor): SQL {
  return sql`objectives.org_id = ${actor.orgId} and objectives.archived_at is null
    and objectives.lifecycle <> 'draft' and ${readableBy(actor) ?? sql`true`}`;
}

/** Objectives of a unit in scope, or of a person who belongs to one. */
export function ownedInScope(scope: UnitScope | null): SQL {
  if (!scope) return sql`true`;
  return sql`((objectives.level = 'unit' and objectives.unit_id = any(${uuidArray(scope.unitIds)}))
    or (objectives.level = 'person' and objectives.person_id = any(${uuidArray(scope.personIds)})))`;
}

// The statements below are written so that every join is driven by an index lookup (a
// LATERAL step, or a correlated EXISTS on an index), fenced with `offset 0` so that the
// planner keeps it that way: plans that do not depend on table statistics, which PGlite
// never gathers by itself (without them it may turn a join into a scan per row).

/** A statement's pieces: its common table expressions and the columns of its one row. */
export interface FigureParts {
  ctes: SQL;
  columns: SQL;
}

export interface ObjectiveFiguresRow {
  unit_objectives: number;
  supporting: number;
  serving_theme_only: number;
  org_objectives: number;
  unsupported: Named[];
  without_key_results: (Named & { level: ObjectiveLevel })[];
}

export interface PeopleFiguresRow {
  units: number;
  units_without: { id: string; name: string }[];
  people: number;
  people_with: number;
}

/** Runs figure parts as one statement of one row. */
export async function figuresRow<Row>(deps: AppDeps, parts: FigureParts[]): Promise<Row> {
  const query = sql`with recursive ${sql.join(
    parts.map((p) => p.ctes),
    sql`, `,
  )} select ${sql.join(
    parts.map((p) => p.columns),
    sql`, `,
  )}`;
  const [row] = await preparedRows<Row>(deps.db, query);
  if (!row) throw new Error('aggregate returned no row');
  return row;
}

/**
 * `withoutKeyResults: false` leaves out the objectives without key results (an empty list):
 * the dashboard does not show them, and finding them costs a lookup per objective in scope.
 */
export function objectiveFigureParts(
  actor: OrgActor,
  cycle: { id: string; parentId: string | null },
  scope: UnitScope | null,
  withoutKeyResults: boolean,
): FigureParts {
  const live = liveObjectives(actor);
  const targetCycles = cycle.parentId ? [cycle.id, cycle.parentId] : [cycle.id];
  const ctes = sql`
    in_scope as (
      select objectives.id, objectives.level, objectives.title, objectives.created_at from objectives
       where ${live} and objectives.cycle_id = ${cycle.id} and ${ownedInScope(scope)}
    ),
    targets as (
      select objectives.id, objectives.title, objectives.created_at from objectives
       where ${live} and objectives.level = 'organization' and objectives.cycle_id = any(${uuidArray(targetCycles)})
    ),
    -- From each unit objective in scope, up through what it supports, at any depth.
    reach(start_id, id, level) as (
      select id, id, level from in_scope where level = 'unit'
      union
      select reach.start_id, up.id, up.level from reach
        -- Two lookups by primary key per row, fenced (offset 0) so that the planner keeps them
        -- that way round (the key leads with org_id: without it, each step read the whole table).
        -- reach holds only this organisation's objectives; live checks the other end.
        cross join lateral (
          select a.supports_id from alignments a where a.org_id = ${actor.orgId} and a.objective_id = reach.id offset 0
        ) link
        cross join lateral (
          select objectives.id, objectives.level from objectives where objectives.id = link.supports_id and ${live}
          offset 0
        ) up
    ),
    reached as (select start_id, id from reach where level = 'organization')`;
  const columns = sql`
      (select count(*)::int from in_scope where level = 'unit') as unit_objectives,
      (select count(distinct start_id)::int from reached) as supporting,
      (select count(distinct r.start_id)::int from reach r
        where r.start_id not in (select start_id from reached)
          and exists (select 1 from objective_themes ot
                       where ot.org_id = ${actor.orgId} and ot.objective_id = r.id offset 0)) as serving_theme_only,
      (select count(*)::int from targets) as org_objectives,
      coalesce((select json_agg(json_build_object('id', t.id, 'title', t.title) order by t.created_at, t.id)
                  from targets t where t.id not in (select id from reached)), '[]'::json) as unsupported,
      ${
        withoutKeyResults
          ? sql`coalesce((select json_agg(json_build_object('id', o.id, 'title', o.title, 'level', o.level)
                                order by o.created_at, o.id)
                  from in_scope o
                 where not exists (select 1 from key_results k
                                    where k.org_id = ${actor.orgId} and k.objective_id = o.id
                                      and k.archived_at is null offset 0)), '[]'::json)`
          : sql`'[]'::json`
      } as without_key_results`;
  return { ctes, columns };
}

/** How many unit objectives in scope support the organisation's, and which of those nobody supports. */
export function objectiveFigures(
  deps: AppDeps,
  actor: OrgActor,
  cycle: { id: string; parentId: string | null },
  scope: UnitScope | null,
  { withoutKeyResults = true }: { withoutKeyResults?: boolean } = {},
): Promise<ObjectiveFiguresRow> {
  return figuresRow(deps, [objectiveFigureParts(actor, cycle, scope, withoutKeyResults)]);
}

/** Units without objectives, and how many people in scope have objectives of their own. */
export function peopleFigureParts(actor: OrgActor, cycleId: string, scope: UnitScope | null): FigureParts {
  const live = sql`${liveObjectives(actor)} and objectives.cycle_id = ${cycleId}`;
  const scopeUnits = scope ? sql`and u.id = any(${uuidArray(scope.unitIds)})` : sql``;
  // People who may take part: viewers only read. Each member's role is looked up by primary
  // key (fenced): a join let the planner read all 10,000 memberships for a team of ten.
  const people = scope
    ? sql`select distinct um.account_id as id from unit_members um
           where um.org_id = ${actor.orgId} and um.unit_id = any(${uuidArray(scope.unitIds)})
             and exists (select 1 from memberships m
                          where m.org_id = um.org_id and m.account_id = um.account_id and m.role <> 'viewer' offset 0)`
    : sql`select account_id as id from memberships where org_id = ${actor.orgId} and role <> 'viewer'`;
  const ctes = sql`people as (${people})`;
  const columns = sql`
      (select count(*)::int from units u where u.org_id = ${actor.orgId} and u.archived_at is null ${scopeUnits})
        as units,
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
                  from units u
                 where u.org_id = ${actor.orgId} and u.archived_at is null ${scopeUnits}
                   and not exists (select 1 from objectives
                                    where objectives.unit_id = u.id and objectives.level = 'unit' and ${live}
                                    offset 0)),
               '[]'::json) as units_without,
      (select count(*)::int from people) as people,
      (select count(*)::int from people p
        where exists (select 1 from objectives
                       where objectives.person_id = p.id and objectives.level = 'person' and ${live}
                       offset 0))
        as people_with`;
  return { ctes, columns };
}

export async function getAlignmentHealth(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: AlignmentHealthInput,
): Promise<AlignmentHealthView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const cycle = await findOrgCycle(deps, actor.orgId, input.cycleId);
  const scope = input.unitId ? await unitScope(deps, actor.orgId, input.unitId) : null;
  const key = `alignment-health:${cycle.id}:${input.unitId ?? ''}`;
  return keptForAudience(deps, actor, {
    cache: (caches) => caches.health,
    key,
    // The figures leave drafts out, so only private objectives make a reader's set their own.
    own: 'private',
    work: async (audience) => {
      const { value, asOf } = await figuresFor(deps, audience, key, {
        // Both sets of figures in one statement.
        compute: (reader) =>
          figuresRow<ObjectiveFiguresRow & PeopleFiguresRow>(deps, [
            objectiveFigureParts(reader, cycle, scope, true),
            peopleFigureParts(reader, cycle.id, scope),
          ]),
        countedOver: (row) => row.unit_objectives + row.people,
      });
      return healthView(cycle.id, input.unitId ?? null, value, asOf);
    },
  });
}

/** Both sets of figures as the API shows them. */
export function healthView(
  cycleId: string,
  unitId: string | null,
  value: ObjectiveFiguresRow & PeopleFiguresRow,
  asOf: Date,
): AlignmentHealthView {
  return {
    cycleId,
    unitId,
    unitObjectives: {
      total: value.unit_objectives,
      supportingOrganization: value.supporting,
      share: share(value.supporting, value.unit_objectives),
      servingThemeOnly: value.serving_theme_only,
    },
    organizationObjectives: { total: value.org_objectives, unsupported: value.unsupported },
    units: { total: value.units, withoutObjectives: value.units_without },
    people: {
      total: value.people,
      withIndividualObjectives: value.people_with,
      share: share(value.people_with, value.people),
    },
    objectivesWithoutKeyResults: value.without_key_results,
    asOf: asOf.toISOString(),
  };
}
