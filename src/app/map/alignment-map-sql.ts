// The alignment map's one statement. PostgreSQL reads the cycle (and its parent), the
// objectives the caller may read, their figures and links (to objectives and to key
// results), the strategy themes they serve, and the units, and writes the
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
    ),
    -- The organisation's strategy themes in their order (a dozen at most): an objective names
    -- the ones it serves by its index here, not by a 36-character id.
    themes as (
      select id, name, (row_number() over (order by position, created_at, id) - 1)::int as i
        from strategy_themes where org_id = ${orgId}
    )
    select (
      select json_build_object(
        'cycleId', c.id,
        'parentCycleId', c.parent_id,
        'themes', (select coalesce(json_agg(json_build_object('id', id, 'name', name) order by i), '[]') from themes),
        'objectives', (
          select coalesce(json_agg(
                   -- The key-result and theme fields only on the few objectives that have them: a
                   -- quarter of 31,000 objectives would otherwise carry 93,000 empty lists. jsonb
                   -- only there, for its strip_nulls; json (which keeps the columns' order) elsewhere.
                   case when sk.ids is null and kr.list is null and th.list is null then to_json(r)
                        else (to_jsonb(r) || jsonb_strip_nulls(jsonb_build_object(
                               'supportsKeyResultIds', sk.ids, 'keyResultsSupported', kr.list,
                               'themeIndexes', th.list)))::json
                   end
                   order by o.cycle_id = c.id, o.created_at, o.id), '[]')
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
            -- The key results it supports, of objectives on the map (the rows its links end at):
            -- a key result of an objective the caller may not read is not even an id here. Each
            -- link's key result and objective are looked up by primary key (offset 0 keeps them
            -- lookups): for a few thousand links the planner would rather scan both tables whole,
            -- several times slower (bench:map's database, 2,500 links: 0.15 s against 0.03 s).
            left join (
              select ka.objective_id, json_agg(ka.key_result_id order by ka.created_at, ka.key_result_id) as ids
                from key_result_alignments ka
                cross join lateral (
                  select 1 from key_results k
                   where k.id = ka.key_result_id and k.org_id = ${orgId} and k.archived_at is null offset 0) live
                cross join lateral (select 1 from objectives where objectives.id = ka.supports_id and ${onMap} offset 0) drawn
               where ka.org_id = ${orgId}
               group by ka.objective_id
            ) sk on sk.objective_id = o.id
            -- Its key results that an objective on the map supports, as its node draws them: from
            -- the links, looked up as above. Named only as part of o, which the caller may read.
            left join (
              select k.objective_id,
                     json_agg(json_build_object('id', k.id, 'title', k.title) order by k.position, k.created_at, k.id) as list
                from (
                  select distinct ka.key_result_id
                    from key_result_alignments ka
                    cross join lateral (select 1 from objectives where objectives.id = ka.objective_id and ${onMap} offset 0) drawn
                   where ka.org_id = ${orgId}
                ) linked
                cross join lateral (
                  select k.objective_id, k.id, k.title, k.position, k.created_at from key_results k
                   where k.id = linked.key_result_id and k.org_id = ${orgId} and k.archived_at is null offset 0) k
               group by k.objective_id
            ) kr on kr.objective_id = o.id
            -- The themes it serves, as indexes into the themes above, in the themes' order.
            left join (
              select ot.objective_id, json_agg(st.i order by st.i) as list
                from objective_themes ot
                join themes st on st.id = ot.theme_id
                join objectives on objectives.id = ot.objective_id
               where ot.org_id = ${orgId} and ${onMap}
               group by ot.objective_id
            ) th on th.objective_id = o.id
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
