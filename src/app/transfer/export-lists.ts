// The statements of the organisation export: each answers one column `j`, an item of the
// document as PostgreSQL writes it in JSON, in the order the document keeps — parents
// before children, otherwise oldest first — so that two exports of the same state are the
// same text. Timestamps are written in UTC as the API writes them.
import { sql, type SQL } from 'drizzle-orm';

/** A timestamp as ISO 8601 in UTC with milliseconds (null stays null). */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`;

export function exportLists(orgId: string) {
  const organization = sql`
    select json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'vision', o.vision,
           'mission', o.mission, 'strategy', o.strategy,
           'themes', (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'description', t.description)
                                                order by t.position, t.created_at, t.id), '[]')
                        from strategy_themes t where t.org_id = o.id),
           'defaultLocale', o.default_locale,
           'settings', o.settings, 'createdAt', ${iso(sql`o.created_at`)})::text as j
      from organizations o where o.id = ${orgId}`;

  // Members, and anyone else the organisation's items name: a former member's check-ins stay theirs.
  const people = sql`
    with named(id) as (
      select account_id from memberships where org_id = ${orgId}
      union select account_id from unit_members where org_id = ${orgId}
      union select person_id from objectives where org_id = ${orgId} and person_id is not null
      union select created_by from objectives where org_id = ${orgId} and created_by is not null
      union select owner_id from key_results where org_id = ${orgId} and owner_id is not null
      union select author_id from check_ins where org_id = ${orgId} and author_id is not null
      union select owner_id from activities where org_id = ${orgId} and owner_id is not null
      union select author_id from comments where org_id = ${orgId} and author_id is not null
      union select author_id from reflections where org_id = ${orgId} and author_id is not null
      union select closed_by from cycles where org_id = ${orgId} and closed_by is not null
    )
    select json_build_object('id', a.id, 'email', a.email, 'name', a.name, 'locale', a.locale,
           'role', m.role, 'active', a.status = 'active')::text as j
      from named join accounts a on a.id = named.id
      left join memberships m on m.org_id = ${orgId} and m.account_id = a.id
     order by lower(a.email), a.id`;

  const units = sql`
    with recursive tree(id, depth) as (
      select u.id, 0 from units u where u.org_id = ${orgId} and u.parent_id is null
      union all
      select child.id, tree.depth + 1 from tree join units child on child.parent_id = tree.id and child.org_id = ${orgId}
    )
    select json_build_object('id', u.id, 'parentId', u.parent_id, 'name', u.name, 'kind', u.kind,
           'vision', u.vision, 'mission', u.mission, 'checkInCadenceDays', u.check_in_cadence_days,
           'members', (select coalesce(json_agg(json_build_object('personId', um.account_id, 'role', um.role)
                                                order by um.role, lower(a.email), a.id), '[]')
                         from unit_members um join accounts a on a.id = um.account_id
                        where um.org_id = u.org_id and um.unit_id = u.id),
           'archivedAt', ${iso(sql`u.archived_at`)}, 'createdAt', ${iso(sql`u.created_at`)})::text as j
      from tree join units u on u.id = tree.id
     order by tree.depth, u.name, u.created_at, u.id`;

  const cycles = sql`
    select json_build_object('id', c.id, 'parentId', c.parent_id, 'name', c.name,
           'startsOn', ${day(sql`c.starts_on`)}, 'endsOn', ${day(sql`c.ends_on`)}, 'status', c.status,
           'closedAt', ${iso(sql`c.closed_at`)}, 'closedBy', c.closed_by, 'createdAt', ${iso(sql`c.created_at`)})::text as j
      from cycles c where c.org_id = ${orgId}
     order by c.parent_id is not null, c.starts_on, c.ends_on, c.name, c.id`;

  const objectives = sql`
    select json_build_object('id', o.id, 'cycleId', o.cycle_id, 'level', o.level, 'unitId', o.unit_id,
           'personId', o.person_id, 'title', o.title, 'description', o.description, 'kind', o.kind,
           'visibility', o.visibility, 'lifecycle', o.lifecycle, 'status', o.status, 'finalScore', o.final_score,
           'carriedFromId', o.carried_from_id,
           'supports', (select coalesce(json_agg(a.supports_id order by a.created_at, a.supports_id), '[]')
                          from alignments a where a.org_id = o.org_id and a.objective_id = o.id),
           'supportsKeyResultIds', (select coalesce(json_agg(ka.key_result_id order by ka.created_at, ka.key_result_id), '[]')
                          from key_result_alignments ka where ka.org_id = o.org_id and ka.objective_id = o.id),
           'themeIds', (select coalesce(json_agg(ot.theme_id order by t.position, t.created_at, t.id), '[]')
                          from objective_themes ot join strategy_themes t on t.id = ot.theme_id
                         where ot.org_id = o.org_id and ot.objective_id = o.id),
           'createdBy', o.created_by, 'doneAt', ${iso(sql`o.done_at`)}, 'archivedAt', ${iso(sql`o.archived_at`)},
           'createdAt', ${iso(sql`o.created_at`)})::text as j
      from objectives o where o.org_id = ${orgId}
     order by o.created_at, o.id`;

  const keyResults = sql`
    select json_build_object('id', k.id, 'objectiveId', k.objective_id, 'ownerId', k.owner_id, 'title', k.title,
           'metric', k.metric, 'startValue', k.start_value, 'targetValue', k.target_value,
           'currentValue', k.current_value, 'unit', k.unit, 'weight', k.weight, 'confidence', k.confidence,
           'position', k.position, 'finalScore', k.final_score, 'archivedAt', ${iso(sql`k.archived_at`)},
           'createdAt', ${iso(sql`k.created_at`)})::text as j
      from key_results k where k.org_id = ${orgId}
     order by k.created_at, k.id`;

  const checkIns = sql`
    select json_build_object('id', c.id, 'keyResultId', c.key_result_id, 'authorId', c.author_id,
           'value', c.value, 'confidence', c.confidence, 'note', c.note, 'blocker', c.blocker,
           'correctedAt', ${iso(sql`c.corrected_at`)}, 'createdAt', ${iso(sql`c.created_at`)})::text as j
      from check_ins c where c.org_id = ${orgId}
     order by c.created_at, c.id`;

  const activities = sql`
    select json_build_object('id', a.id, 'keyResultId', a.key_result_id, 'ownerId', a.owner_id, 'title', a.title,
           'status', a.status, 'dueOn', ${day(sql`a.due_on`)}, 'archivedAt', ${iso(sql`a.archived_at`)},
           'createdAt', ${iso(sql`a.created_at`)})::text as j
      from activities a where a.org_id = ${orgId}
     order by a.created_at, a.id`;

  const comments = sql`
    select json_build_object('id', c.id, 'objectiveId', c.objective_id, 'keyResultId', c.key_result_id,
           'authorId', c.author_id, 'body', c.body, 'editedAt', ${iso(sql`c.edited_at`)},
           'deletedAt', ${iso(sql`c.deleted_at`)}, 'createdAt', ${iso(sql`c.created_at`)})::text as j
      from comments c where c.org_id = ${orgId}
     order by c.created_at, c.id`;

  const reflections = sql`
    select json_build_object('id', r.id, 'cycleId', r.cycle_id, 'objectiveId', r.objective_id, 'unitId', r.unit_id,
           'wentWell', r.went_well, 'learned', r.learned, 'changeNext', r.change_next, 'authorId', r.author_id,
           'createdAt', ${iso(sql`r.created_at`)}, 'updatedAt', ${iso(sql`r.updated_at`)})::text as j
      from reflections r where r.org_id = ${orgId}
     order by r.created_at, r.id`;

  return {
    organization,
    /** In the document's order, which is the order an import creates them in. */
    items: { people, units, cycles, objectives, keyResults, checkIns, activities, comments, reflections },
  };
}
