// The quarterly review's two statements: the objectives of the scope with their key
// results, reflection and carry-overs; and, in one row, alignment health (the same figure
// parts as app/health/alignment-health.ts), the names, the unit's own reflection and, for the
// organisation, each unit objective's scoring and alignment for the summary per unit. Both
// read as `reader`, who reads only public published objectives (records.ts publicReader).
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ReflectionText, ReviewObjectiveRow, UnitObjectiveRow } from '../../core/review.ts';
import type { Queryable } from '../../db/connect.ts';
import { preparedRows, uuidArray } from '../../db/raw.ts';
import { objectives } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import {
  figuresRow,
  objectiveFigureParts,
  peopleFigureParts,
  type FigureParts,
  type ObjectiveFiguresRow,
  type PeopleFiguresRow,
} from '../health/alignment-health.ts';
import { readableBy } from '../objectives/records.ts';
import type { OrgActor } from '../scope.ts';
import type { UnitScope } from '../units/unit-tree.ts';

/** The statement's `o` and the carried-over `c`, for the readability rule (records.ts). */
const o = alias(objectives, 'o');
const c = alias(objectives, 'c');

const readable = (reader: OrgActor, table: typeof o | typeof c) => readableBy(reader, table) ?? sql`true`;

/** What scoring needs of a key result, as json_build_object's arguments. */
const SCORING = sql`'metric', k.metric, 'start', k.start_value, 'target', k.target_value,
  'current', k.current_value, 'weight', k.weight, 'finalScore', k.final_score`;

/** The objective's live key results in their order, as JSON with the scoring fields and `more`. */
const keyResultsOf = (orgId: SQL, objectiveId: SQL, more: SQL) => sql`(
  select coalesce(json_agg(json_build_object(${SCORING}${more}) order by k.position, k.created_at, k.id), '[]')
    from key_results k left join accounts ko on ko.id = k.owner_id
   where k.org_id = ${orgId} and k.objective_id = ${objectiveId} and k.archived_at is null)`;

export interface ReviewScope {
  cycleId: string;
  /** A unit review: the unit's own objectives and its members' (null for the organisation's). */
  unit: { id: string; scope: UnitScope } | null;
}

/** The scope's objectives, the organisation's or the unit's before each person's (by name). */
export function readReviewObjectives(
  q: Queryable,
  reader: OrgActor,
  { cycleId, unit }: ReviewScope,
): Promise<ReviewObjectiveRow[]> {
  const owned = unit
    ? sql`((o.level = 'unit' and o.unit_id = ${unit.id})
           or (o.level = 'person' and o.person_id = any(${uuidArray(unit.scope.personIds)})))`
    : sql`o.level = 'organization'`;
  return preparedRows<ReviewObjectiveRow>(
    q,
    sql`select o.id, o.title, o.level, coalesce(u.name, p.name, org.name) as "ownerName",
               o.done_at is not null as done, o.final_score as "finalScore",
               (select json_build_object('wentWell', r.went_well, 'learned', r.learned, 'changeNext', r.change_next)
                  from reflections r where r.org_id = o.org_id and r.objective_id = o.id) as reflection,
               (select coalesce(json_agg(json_build_object('id', c.id, 'title', c.title, 'cycleId', c.cycle_id,
                                                           'cycleName', cc.name) order by c.created_at, c.id), '[]')
                  from objectives c join cycles cc on cc.id = c.cycle_id
                 where c.org_id = o.org_id and c.carried_from_id = o.id and c.archived_at is null
                   and ${readable(reader, c)}) as "carriedTo",
               ${keyResultsOf(sql`o.org_id`, sql`o.id`, sql`, 'id', k.id, 'title', k.title, 'unit', k.unit, 'ownerName', ko.name`)}
                 as "keyResults"
          from objectives o
          join organizations org on org.id = o.org_id
          left join units u on u.id = o.unit_id
          left join accounts p on p.id = o.person_id
         where o.org_id = ${reader.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null
           and ${readable(reader, o)} and ${owned}
         order by o.level = 'person', "ownerName", o.created_at, o.id`,
  );
}

export interface ReviewFiguresRow extends ObjectiveFiguresRow, PeopleFiguresRow {
  org_name: string;
  unit_name: string | null;
  unit_reflection: ReflectionText | null;
  /** The organisation review's: the live units, and each unit objective of the cycle in scope. */
  tree: { id: string; parentId: string | null; name: string }[] | null;
  units_objectives: UnitObjectiveRow[] | null;
}

/** The names and the unit's own reflection on the cycle. */
function unitPart(orgId: string, cycleId: string, unitId: string): FigureParts {
  return {
    ctes: sql`review_unit as (
      select u.name,
             (select json_build_object('wentWell', r.went_well, 'learned', r.learned, 'changeNext', r.change_next)
                from reflections r where r.org_id = u.org_id and r.unit_id = u.id and r.cycle_id = ${cycleId})
               as reflection
        from units u where u.org_id = ${orgId} and u.id = ${unitId})`,
    columns: sql`(select name from organizations where id = ${orgId}) as org_name,
      (select name from review_unit) as unit_name, (select reflection from review_unit) as unit_reflection,
      null::json as tree, null::json as units_objectives`,
  };
}

/**
 * The name, the unit tree, and each unit objective in scope (objectiveFigureParts' `in_scope`)
 * with whether it reaches an organisation objective (its `reached`).
 */
function organizationPart(orgId: string): FigureParts {
  return {
    ctes: sql`review_units as (
      select o.unit_id as "unitId", o.final_score as "finalScore",
             o.id in (select start_id from reached) as supporting,
             ${keyResultsOf(sql`o.org_id`, sql`o.id`, sql``)} as "keyResults"
        from in_scope s join objectives o on o.id = s.id
       where s.level = 'unit')`,
    columns: sql`(select name from organizations where id = ${orgId}) as org_name,
      null::text as unit_name, null::json as unit_reflection,
      coalesce((select json_agg(json_build_object('id', u.id, 'parentId', u.parent_id, 'name', u.name)
                                order by u.name, u.id)
                  from units u where u.org_id = ${orgId} and u.archived_at is null), '[]') as tree,
      coalesce((select json_agg(r) from review_units r), '[]') as units_objectives`,
  };
}

/** Alignment health of the scope and the rest of what the slides show, in one statement. */
export function readReviewFigures(
  deps: AppDeps,
  reader: OrgActor,
  cycle: { id: string; parentId: string | null },
  { unit }: ReviewScope,
): Promise<ReviewFiguresRow> {
  const scope = unit?.scope ?? null;
  return figuresRow<ReviewFiguresRow>(deps, [
    objectiveFigureParts(reader, cycle, scope, true),
    peopleFigureParts(reader, cycle.id, scope),
    unit ? unitPart(reader.orgId, cycle.id, unit.id) : organizationPart(reader.orgId),
  ]);
}
