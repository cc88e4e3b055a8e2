// The statements behind a dashboard. Each reads the objectives in scope (published, not
// archived, readable by the caller: the same rule as alignment health) and joins their key
// results (and, for the trend, check-ins) as sets, without fences: an organisation's
// dashboard reaches most key results of the cycle, where one hash join over the table costs
// a fraction of a lookup per objective (or per key result, into a million check-ins), while
// for a unit's few objectives the planner still chooses the index lookups. A key result is
// reduced in the database, so the answer is one row per objective or less.
import { sql, type SQL } from 'drizzle-orm';
import type { Status } from '../../core/domain.ts';
import type { StatusCounts, WeekRow } from '../../core/dashboard.ts';
import type { Queryable } from '../../db/connect.ts';
import { preparedRows } from '../../db/raw.ts';
import { cadenceDaysSql, type Cadences } from '../check-ins/cadences.ts';
import { liveObjectives, ownedInScope } from '../health/alignment-health.ts';
import type { OrgActor } from '../scope.ts';
import type { UnitScope } from '../units/unit-tree.ts';
import { keyResultProgressSql, suggestedStatusSql } from './figures-sql.ts';

export interface Scope {
  actor: OrgActor;
  cycleId: string;
  units: UnitScope | null;
}

/** The objectives in scope, as a condition on the table `objectives`. */
function inScopeWhere({ actor, cycleId, units }: Scope): SQL {
  return sql`${liveObjectives(actor)} and objectives.cycle_id = ${cycleId} and ${ownedInScope(units)}`;
}

function inScope(scope: Scope): SQL {
  return sql`select objectives.id, objectives.level, objectives.unit_id, objectives.person_id, objectives.status,
                    objectives.title, objectives.done_at
               from objectives
              where ${inScopeWhere(scope)}`;
}

/** The live key results of the objectives in the CTE `o`, with `o`'s columns alongside. */
const keyResultsInScope = (orgId: string, columns: SQL) =>
  sql`select ${columns} from key_results k join o on o.id = k.objective_id
       where k.org_id = ${orgId} and k.archived_at is null`;

export interface ObjectiveRow {
  id: string;
  level: 'organization' | 'unit' | 'person';
  unit_id: string | null;
  /** For a person's objective, the units the person belongs to. */
  person_units: string[] | null;
  explicit_status: Status | null;
  progress: number;
  min_confidence: number | null;
  key_results: number;
  kr_on_track: number;
  kr_at_risk: number;
  kr_off_track: number;
  /** The strategy themes it serves, itself or through what it supports at any depth. */
  theme_ids: string[];
}

/**
 * One row per objective in scope: its progress (the weighted mean of its key results, as
 * core objectiveProgress), the lowest latest confidence, its key results by status, and the
 * strategy themes it works toward: its own, and those of everything it supports at any depth
 * (a quarter's team objective supporting the year's organisation objective serves its
 * themes). Walked down from the few objectives that name themes, through the index on what
 * each supports; an organisation without themes walks nothing.
 */
export function objectiveRows(q: Queryable, scope: Scope, expected: number): Promise<ObjectiveRow[]> {
  const orgId = scope.actor.orgId;
  const weight = sql`greatest(x.weight, 0::float8)`;
  return preparedRows<ObjectiveRow>(
    q,
    sql`
    with recursive o as (${inScope(scope)}),
    served(objective_id, theme_id) as (
      select ot.objective_id, ot.theme_id from objective_themes ot where ot.org_id = ${orgId}
      union
      select a.objective_id, served.theme_id from served
        join alignments a on a.org_id = ${orgId} and a.supports_id = served.objective_id
    ),
    themes_of as (select objective_id, json_agg(theme_id) as theme_ids from served group by objective_id),
    krs as (
      select x.objective_id, count(*)::int as total,
             case when sum(${weight}) = 0 then avg(x.progress)
                  else sum(x.progress * ${weight}) / sum(${weight}) end as progress,
             min(x.confidence)::int as min_confidence,
             count(*) filter (where x.status = 'on_track')::int as on_track,
             count(*) filter (where x.status = 'at_risk')::int as at_risk,
             count(*) filter (where x.status = 'off_track')::int as off_track
        from (select kr.objective_id, kr.weight, kr.confidence, kr.progress,
                     ${suggestedStatusSql(sql`kr.progress`, expected, sql`kr.confidence`)} as status
                from (${keyResultsInScope(
                  orgId,
                  sql`k.objective_id, k.weight, k.confidence, ${keyResultProgressSql('k')} as progress`,
                )}) kr
             ) x
       group by x.objective_id
    ),
    person_units as (
      select um.account_id, json_agg(um.unit_id) as unit_ids from unit_members um
       where um.org_id = ${orgId} and um.account_id in (select o.person_id from o where o.level = 'person')
       group by um.account_id
    )
    select o.id, o.level, o.unit_id, o.status as explicit_status,
           case when o.level = 'person' then coalesce(pu.unit_ids, '[]'::json) end as person_units,
           coalesce(krs.progress, 0::float8) as progress, krs.min_confidence, coalesce(krs.total, 0) as key_results,
           coalesce(krs.on_track, 0) as kr_on_track, coalesce(krs.at_risk, 0) as kr_at_risk,
           coalesce(krs.off_track, 0) as kr_off_track,
           coalesce(themes_of.theme_ids, '[]'::json) as theme_ids
      from o
      left join themes_of on themes_of.objective_id = o.id
      left join krs on krs.objective_id = o.id
      left join person_units pu on o.level = 'person' and pu.account_id = o.person_id`,
  );
}

export interface OverdueRow {
  key_result_id: string;
  title: string;
  objective_id: string;
  objective_title: string;
  owner_id: string | null;
  owner_name: string | null;
  last_check_in_at: string | null;
  since: string;
  cadence_days: number;
}

export interface CheckInRow {
  owners: number;
  owners_behind: number;
  overdue: number;
  most_overdue: OverdueRow[];
}

/**
 * Who keeps up: owners of key results in scope, those with a check-in overdue, the number
 * of overdue key results and the `limit` most overdue (core/check-in-due.ts: due once a
 * full cadence has passed since the last check-in, or since creation).
 */
export async function checkInFigures(
  q: Queryable,
  scope: Scope,
  cadences: Cadences,
  now: Date,
  limit: number,
): Promise<CheckInRow> {
  const orgId = scope.actor.orgId;
  const [row] = await preparedRows<CheckInRow>(
    q,
    sql`
    with o as (${inScope(scope)}),
    krs as (
      ${keyResultsInScope(
        orgId,
        sql`k.id, k.owner_id, k.objective_id, k.last_check_in_at, o.done_at,
            coalesce(k.last_check_in_at, k.created_at) as since,
            ${cadenceDaysSql(cadences, sql`o.unit_id`)} as cadence_days`,
      )}
    ),
    due as (
      -- An objective marked done owes no check-ins (core/check-in-due.ts).
      select * from krs where krs.done_at is null
         and krs.since <= ${now.toISOString()}::timestamptz - krs.cadence_days * interval '1 day'
    )
    select (select count(distinct owner_id)::int from krs) as owners,
           (select count(distinct owner_id)::int from due) as owners_behind,
           (select count(*)::int from due) as overdue,
           coalesce((
             select json_agg(json_build_object(
                      'key_result_id', t.id, 'title', t.title, 'objective_id', t.objective_id,
                      'objective_title', t.objective_title, 'owner_id', t.owner_id, 'owner_name', t.owner_name,
                      'last_check_in_at', t.last_check_in_at, 'since', t.since, 'cadence_days', t.cadence_days)
                    order by t.due_at, t.id)
               -- Titles and names only for the few named, by primary key.
               from (select due.*, k.title, ob.title as objective_title, a.name as owner_name
                       from (select due.*, due.since + due.cadence_days * interval '1 day' as due_at
                               from due order by due_at, due.id limit ${limit}) due
                       join key_results k on k.id = due.id
                       join objectives ob on ob.id = due.objective_id
                       left join accounts a on a.id = due.owner_id) t), '[]'::json) as most_overdue`,
  );
  if (!row) throw new Error('aggregate returned no row');
  return row;
}

/** Check-ins made on key results in scope during the cycle, counted and averaged per week. */
export function checkInWeeks(q: Queryable, scope: Scope, start: Date, end: Date): Promise<WeekRow[]> {
  const orgId = scope.actor.orgId;
  const from = sql`${start.toISOString()}::timestamptz`;
  return preparedRows<WeekRow>(
    q,
    sql`
    with o as (${inScope(scope)})
    -- date_bin is integer arithmetic on each of up to a million check-ins; the week number
    -- (numeric epoch arithmetic) is worked out once per week, afterwards.
    select floor(extract(epoch from (w.start - ${from})) / 604800)::int as week,
           w."checkIns", w."averageConfidence"
      from (select date_bin(interval '604800 seconds', ci.created_at, ${from}) as start,
                   count(*)::int as "checkIns", avg(ci.confidence)::float8 as "averageConfidence"
              from (${keyResultsInScope(orgId, sql`k.id`)}) k
              join check_ins ci on ci.key_result_id = k.id
             where ci.org_id = ${orgId} and ci.created_at >= ${from} and ci.created_at < ${end.toISOString()}::timestamptz
             group by 1) w
     order by 1`,
  );
}

/**
 * How many objectives in scope have each status — the owner's when set, else the one
 * suggested by the objective's stored progress and the lowest latest confidence of its
 * live key results (core objectiveStatus) — in one statement that returns one row. Only
 * the key results' confidence is read: progress is kept on the objective (migration 0006).
 * One join grouped by objective, so that the planner hash-joins the key results for an
 * organisation and looks them up by index for a unit's few objectives.
 */
export async function objectiveStatusCounts(q: Queryable, scope: Scope, expected: number): Promise<StatusCounts> {
  const status = suggestedStatusSql(sql`objectives.progress`, expected, sql`min(k.confidence)`);
  const [row] = await preparedRows<StatusCounts>(
    q,
    sql`
    select count(*) filter (where s.status = 'on_track')::int as on_track,
           count(*) filter (where s.status = 'at_risk')::int as at_risk,
           count(*) filter (where s.status = 'off_track')::int as off_track
      from (select coalesce(objectives.status, ${status}) as status
              from objectives
              left join key_results k
                on k.org_id = objectives.org_id and k.objective_id = objectives.id and k.archived_at is null
             where ${inScopeWhere(scope)}
             group by objectives.org_id, objectives.id) s`,
  );
  if (!row) throw new Error('aggregate returned no row');
  return row;
}
