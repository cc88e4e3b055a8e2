// The alignment map's one statement. PostgreSQL reads the cycle (and its parent), the
// objectives the caller may read, their figures and links, and the units, and writes the
// whole answer as JSON text, which the server sends on as it is: a quarter of 30,000
// objectives is never parsed, re-built and serialised again in Node.
import { sql, type SQL } from 'drizzle-orm';
import { suggestedStatusSql } from '../dashboard/figures-sql.ts';
import { readableBy } from '../objectives/records.ts';
import type { OrgActor } from '../scope.ts';

const DAY_MS = 86_400_000;

/**
 * Milliseconds since 1970 of the start of a date: exact in float8, so the expected
 * progress below is the same double that core's expectedProgress gives over cycleBounds.
 */
const dayStartMs = (date: SQL) => sql`((${date} - date '1970-01-01')::float8 * ${DAY_MS}::float8)`;

/**
 * The map of one cycle as JSON text (AlignmentMapSchema), or null when the organisation has
 * no such cycle. `nowMs` is the clock's time; the expected progress is computed from it per
 * cycle as core's expectedProgress does (the cycle's last day counts in full).
 */
export function alignmentMapStatement(actor: OrgActor, cycleId: string, nowMs: number): SQL {
  const orgId = actor.orgId;
  const readable = readableBy(actor);
  const start = dayStartMs(sql`cy.starts_on`);
  const end = dayStartMs(sql`(cy.ends_on + 1)`);
  // core suggestedStatus compares progress with the expected progress; with an expected of
  // 0 and progress shifted by the real one, figures-sql's form computes the same gap
  // (0 − (p − e) is e − p exactly in floating point), so the rule stays in one place.
  const suggested = suggestedStatusSql(sql`(o.progress - o.expected)`, 0, sql`m.confidence`);
  // The objectives on the map: the cycle's, and the parent cycle's organisation objectives
  // (the year's agenda), that the caller may read. A plain condition on the cycle id, so
  // the planner knows how many rows to expect (it is written out twice below, not shared
  // as a CTE, whose rows the planner cannot count, which would make it choose badly).
  const onMap = sql`objectives.org_id = ${orgId} and objectives.archived_at is null
    and (objectives.cycle_id = ${cycleId}
      or (objectives.level = 'organization'
        and objectives.cycle_id = (select parent_id from cycles where org_id = ${orgId} and id = ${cycleId})))
    ${readable ? sql`and ${readable}` : sql``}`;
  return sql`
    with c as (
      select id, parent_id from cycles where org_id = ${orgId} and id = ${cycleId}
    )
    select (
      select json_build_object(
        'cycleId', c.id,
        'parentCycleId', c.parent_id,
        'objectives', (
          select coalesce(json_agg(r order by o.cycle_id = c.id, o.created_at, o.id), '[]')
            from (
              select objectives.id, objectives.cycle_id, objectives.created_at, objectives.title,
                     objectives.level, objectives.unit_id, objectives.person_id, objectives.status,
                     objectives.progress,
                     greatest(0::float8, least(1::float8, (${nowMs}::float8 - ${start}) / (${end} - ${start}))) as expected
                from objectives join cycles cy on cy.id = objectives.cycle_id
               where ${onMap}
            ) o
            -- The lowest latest confidence of each one's live key results.
            left join (
              select k.objective_id, min(k.confidence) as confidence
                from key_results k join objectives on objectives.id = k.objective_id
               where k.org_id = ${orgId} and k.archived_at is null and ${onMap}
               group by k.objective_id
            ) m on m.objective_id = o.id
            join organizations org on org.id = ${orgId}
            left join units u on u.id = o.unit_id
            left join accounts p on p.id = o.person_id
            -- What it supports (objectives not archived), as the objectives list has it.
            left join (
              select a.objective_id, json_agg(a.supports_id) as ids
                from alignments a join objectives t on t.id = a.supports_id
               where a.org_id = ${orgId} and t.org_id = ${orgId} and t.archived_at is null
               group by a.objective_id
            ) s on s.objective_id = o.id
            cross join lateral (
              select o.id, o.title, o.level, o.unit_id as "unitId", o.person_id as "personId",
                     coalesce(u.name, p.name, org.name) as "ownerName",
                     coalesce(o.status, ${suggested}) as status,
                     o.progress,
                     coalesce(s.ids, '[]') as supports
            ) r),
        'units', (
          select coalesce(json_agg(r order by r.name, r.id), '[]')
            from units u cross join lateral (select u.id, u.parent_id as "parentId", u.name) r
           where u.org_id = ${orgId} and u.archived_at is null)
      ) from c
    )::text as body`;
}
