// The "bare SQL" side of each comparison: what a careful engineer would write by hand to
// produce the same data as the API, in as few statements as possible, through the same
// driver. Each request is (1) one statement that authenticates the token and finds the
// caller's role in the organisation, then (2) one statement that returns the whole answer,
// nested with json_agg where the API nests. It does the same filtering (archived rows,
// drafts of others' objectives for non-admins: the caller here is an admin, so none), the
// same ordering and the same keyset pagination, but no JSON presentation in JavaScript.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import { queryRows, uuidArray } from '../src/db/raw.ts';
import { hashSecret } from '../src/app/auth/secrets.ts';

export interface Keyset {
  createdAt: string;
  id: string;
}

/** Statement 1 for org-addressed requests: token → account → role in the organisation. */
export async function authInOrg(db: Db, token: string, orgId: string): Promise<{ accountId: string; role: string }> {
  const [row] = await queryRows<{ account_id: string; role: string }>(
    db,
    sql`select t.account_id, m.role
          from api_tokens t
          join accounts a on a.id = t.account_id and a.status = 'active'
          join memberships m on m.account_id = t.account_id and m.org_id = ${orgId}
         where t.token_hash = ${hashSecret(token)} and t.revoked_at is null`,
  );
  if (!row) throw new Error('bare SQL: not a member');
  return { accountId: row.account_id, role: row.role };
}

/** Statement 1 for key-result-addressed requests: also finds the org through the key result. */
export async function authForKeyResult(
  db: Db,
  token: string,
  keyResultId: string,
): Promise<{ accountId: string; role: string; orgId: string }> {
  const [row] = await queryRows<{ account_id: string; role: string; org_id: string }>(
    db,
    sql`select t.account_id, m.role, k.org_id
          from api_tokens t
          join accounts a on a.id = t.account_id and a.status = 'active'
          join key_results k on k.id = ${keyResultId} and k.archived_at is null
          join objectives o on o.id = k.objective_id and o.archived_at is null
          join memberships m on m.account_id = t.account_id and m.org_id = k.org_id
         where t.token_hash = ${hashSecret(token)} and t.revoked_at is null`,
  );
  if (!row) throw new Error('bare SQL: key result not found');
  return { accountId: row.account_id, role: row.role, orgId: row.org_id };
}

/** Key result progress 0–1, the same rules as core/progress.ts keyResultProgress. */
const KR_PROGRESS = sql.raw(`case k.metric
    when 'increase_to' then case when k.target_value = k.start_value then (k.current_value >= k.target_value)::int
         else greatest(0, least(1, (k.current_value - k.start_value) / (k.target_value - k.start_value))) end
    when 'decrease_to' then case when k.target_value = k.start_value then (k.current_value <= k.target_value)::int
         else greatest(0, least(1, (k.current_value - k.start_value) / (k.target_value - k.start_value))) end
    when 'stay_at_or_above' then (k.current_value >= k.target_value)::int
    when 'stay_at_or_below' then (k.current_value <= k.target_value)::int
    else (k.current_value >= k.target_value)::int end`);

/** Objective progress of supporter `so`: weighted mean of its key results (core objectiveProgress). */
const SUPPORTER_PROGRESS = sql`(
    select case when count(*) = 0 then 0
                when sum(greatest(k.weight, 0)) = 0 then avg(${KR_PROGRESS})
                else sum(${KR_PROGRESS} * greatest(k.weight, 0)) / sum(greatest(k.weight, 0)) end
      from key_results k
     where k.org_id = so.org_id and k.objective_id = so.id and k.archived_at is null)`;

export interface ObjectivesFilter {
  orgId: string;
  cycleId: string;
  unitId?: string;
  level?: string;
  after?: Keyset;
  limit: number;
}

export interface ObjectiveRowOut {
  id: string;
  created_at: Date | string;
  key_results: { id: string }[];
  supports: string[];
  supported_by: { count: number; progress: number | null };
}

/**
 * Statement 2 of an objectives page: the objectives with cycle and owner name, their key
 * results (with owners' names), what they support and how their supporters are doing.
 */
export async function objectivesPage(db: Db, f: ObjectivesFilter): Promise<ObjectiveRowOut[]> {
  const conditions: SQL[] = [sql`o.org_id = ${f.orgId}`, sql`o.archived_at is null`, sql`o.cycle_id = ${f.cycleId}`];
  if (f.unitId) conditions.push(sql`o.unit_id = ${f.unitId}`);
  if (f.level) conditions.push(sql`o.level = ${f.level}`);
  if (f.after) conditions.push(sql`(o.created_at, o.id) > (${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`);
  return queryRows<ObjectiveRowOut>(
    db,
    sql`
    select o.*, coalesce(u.name, p.name, g.name) as owner_name,
           c.starts_on, c.ends_on, c.status as cycle_status,
           coalesce((select json_agg(json_build_object(
                        'id', k.id, 'title', k.title, 'metric', k.metric, 'start', k.start_value,
                        'target', k.target_value, 'current', k.current_value, 'unit', k.unit,
                        'weight', k.weight, 'position', k.position, 'ownerId', k.owner_id,
                        'ownerName', ka.name, 'confidence', k.confidence,
                        'lastCheckInAt', k.last_check_in_at, 'finalScore', k.final_score,
                        'version', k.version) order by k.position, k.created_at, k.id)
                       from key_results k left join accounts ka on ka.id = k.owner_id
                      where k.org_id = o.org_id and k.objective_id = o.id and k.archived_at is null), '[]') as key_results,
           coalesce((select json_agg(al.supports_id)
                       from alignments al join objectives s on s.id = al.supports_id
                      where al.org_id = o.org_id and al.objective_id = o.id and s.archived_at is null), '[]') as supports,
           (select json_build_object('count', count(*), 'progress', avg(sp.progress))
              from (select ${SUPPORTER_PROGRESS} as progress
                      from alignments al join objectives so on so.id = al.objective_id
                     where al.org_id = o.org_id and al.supports_id = o.id and so.archived_at is null
                       and so.lifecycle <> 'draft' and so.visibility = 'public') sp) as supported_by
      from objectives o
      join cycles c on c.id = o.cycle_id
      join organizations g on g.id = o.org_id
      left join units u on u.id = o.unit_id
      left join accounts p on p.id = o.person_id
     where ${sql.join(conditions, sql` and `)}
     order by o.created_at, o.id
     limit ${f.limit + 1}`,
  );
}

/** Statement 2 of the check-in list: newest first, with the authors' names. */
export async function checkInsPage(
  db: Db,
  orgId: string,
  keyResultId: string,
  limit: number,
): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select ci.id, ci.key_result_id, ci.author_id, a.name as author_name, ci.value, ci.confidence, ci.note, ci.created_at
          from check_ins ci left join accounts a on a.id = ci.author_id
         where ci.org_id = ${orgId} and ci.key_result_id = ${keyResultId}
         order by ci.created_at desc, ci.id desc
         limit ${limit + 1}`,
  );
}

/**
 * Statement 2 of a check-in: one statement is one transaction. It locks the key result,
 * inserts the check-in, moves the key result's figures and writes the audit event.
 */
export async function checkInWrite(
  db: Db,
  auth: { accountId: string; orgId: string },
  keyResultId: string,
  input: { value: number; confidence: number; note: string },
): Promise<{ id: string }> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`
    with kr as (
      select k.id, k.org_id, k.current_value, k.confidence
        from key_results k
        join objectives o on o.id = k.objective_id
        join cycles c on c.id = o.cycle_id
       where k.id = ${keyResultId} and k.org_id = ${auth.orgId} and c.status <> 'closed'
         for update of k
    ), ins as (
      insert into check_ins (org_id, key_result_id, author_id, value, confidence, note)
      select kr.org_id, kr.id, ${auth.accountId}, ${input.value}, ${input.confidence}, ${input.note} from kr
      returning *
    ), upd as (
      update key_results k
         set current_value = ins.value, confidence = ins.confidence, last_check_in_at = ins.created_at,
             version = k.version + 1, updated_at = ins.created_at
        from ins where k.id = ins.key_result_id
      returning k.id, k.current_value, k.confidence, k.version, k.owner_id
    ), audit as (
      insert into audit_events (org_id, actor_id, action, entity_type, entity_id, before, after)
      select kr.org_id, ${auth.accountId}, 'checkIn.create', 'keyResult', kr.id::text,
             jsonb_build_object('current', kr.current_value, 'confidence', kr.confidence),
             jsonb_build_object('current', ins.value, 'confidence', ins.confidence, 'checkInId', ins.id)
        from kr cross join ins
    )
    select ins.id, ins.created_at, upd.current_value, upd.confidence, upd.version,
           (select name from accounts where id = ${auth.accountId}) as author_name,
           (select name from accounts where id = upd.owner_id) as owner_name
      from ins cross join upd`,
  );
  if (!row) throw new Error('bare SQL: check-in not written');
  return row;
}

/** Statement 2 of the member list: by name, each with their (not archived) units. */
export async function membersPage(db: Db, orgId: string, limit: number): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select a.id, a.name, a.email, m.role,
               coalesce((select json_agg(json_build_object('unitId', um.unit_id, 'role', um.role) order by u.name, u.id)
                           from unit_members um join units u on u.id = um.unit_id
                          where um.org_id = m.org_id and um.account_id = a.id and u.archived_at is null), '[]') as units
          from memberships m join accounts a on a.id = m.account_id
         where m.org_id = ${orgId}
         order by a.name, a.id
         limit ${limit + 1}`,
  );
}

/** Statement 2 of the unit list: by name, each with its number of members. */
export async function unitsPage(db: Db, orgId: string, limit: number): Promise<{ id: string; member_count: number }[]> {
  return queryRows(
    db,
    sql`select u.*, (select count(*) from unit_members um where um.unit_id = u.id)::int as member_count
          from units u
         where u.org_id = ${orgId} and u.archived_at is null
         order by u.name, u.id
         limit ${limit + 1}`,
  );
}

export interface DashboardOut {
  objectives: { on_track: number; at_risk: number; off_track: number; total: number };
  key_results: number;
  distribution: number[];
  trend: { week: number; check_ins: number; average: number }[];
  overdue: number;
  owners: number;
  owners_behind: number;
  unit_objectives: number;
  supporting: number;
  units: { id: string; total: number; on_track: number; off_track: number }[];
}

/** A unit, the units beneath it and the people who belong to any of them. */
export interface UnitSubtree {
  units: string[];
  people: string[];
}

/**
 * Statement 1 of a dashboard: the caller's role, as authInOrg, the cycle's bounds and, for
 * a unit's dashboard, the unit, the units beneath it and their members, so that statement 2 carries them
 * as constants the planner can estimate rows by (a recursive CTE in statement 2 is
 * estimated at thousands of units, which turns a unit's few lookups into table scans).
 */
export async function authWithCycle(
  db: Db,
  token: string,
  orgId: string,
  cycleId: string,
  unitId?: string,
): Promise<{ accountId: string; role: string; start: string; finish: string; scope: UnitSubtree | null }> {
  const [row] = await queryRows<{
    account_id: string;
    role: string;
    start: string;
    finish: string;
    scope: UnitSubtree;
  }>(
    db,
    sql`select t.account_id, m.role,
               to_char(c.starts_on, 'YYYY-MM-DD') || 'T00:00:00Z' as start,
               to_char(c.ends_on + 1, 'YYYY-MM-DD') || 'T00:00:00Z' as finish,
               (with recursive sub(id) as (
                  select id from units where id = ${unitId ?? null}::uuid and org_id = ${orgId}
                  union all
                  select u.id from units u join sub on u.parent_id = sub.id where u.org_id = ${orgId} and u.archived_at is null)
                select json_build_object('units', array_agg(id),
                                         'people', (select coalesce(array_agg(distinct um.account_id), '{}') from unit_members um
                                                     where um.org_id = ${orgId} and um.unit_id in (select id from sub)))
                  from sub) as scope
          from api_tokens t
          join accounts a on a.id = t.account_id and a.status = 'active'
          join memberships m on m.account_id = t.account_id and m.org_id = ${orgId}
          join cycles c on c.id = ${cycleId} and c.org_id = m.org_id
         where t.token_hash = ${hashSecret(token)} and t.revoked_at is null`,
  );
  if (!row) throw new Error('bare SQL: not a member, or no such cycle');
  const scope = unitId ? row.scope : null;
  if (scope && !scope.units) throw new Error('bare SQL: no such unit');
  return { accountId: row.account_id, role: row.role, start: row.start, finish: row.finish, scope };
}

/**
 * Statement 2 of a dashboard (admin caller, so every published objective counts; the
 * organisation's weekly cadence, as no unit of the benchmark sets its own): every figure
 * of the API's answer in one statement. Objective progress and status as in core
 * (objectiveProgress, suggestedStatus with the lowest confidence of its key results).
 *
 * Written for an organisation's dashboard, which reaches most of the cycle's key results:
 * the objectives and key results in scope are each read once (materialised, with only the
 * columns used), key results are reduced per objective before the join back, and the
 * cycle's check-ins are hash-joined to the key results in scope and binned by week with
 * date_bin, rather than looked up in the check-in index once per key result.
 */
export async function dashboard(
  db: Db,
  f: {
    orgId: string;
    cycleId: string;
    unitId?: string;
    scope: UnitSubtree | null;
    now: Date;
    start: string;
    finish: string;
  },
): Promise<DashboardOut> {
  const scope = f.scope
    ? sql`and ((o.level = 'unit' and o.unit_id = any(${uuidArray(f.scope.units)}))
           or (o.level = 'person' and o.person_id = any(${uuidArray(f.scope.people)})))`
    : sql``;
  const root = f.unitId ? sql`u.parent_id = ${f.unitId}` : sql`u.parent_id is null`;
  const start = sql`${f.start}::timestamptz`;
  const finish = sql`${f.finish}::timestamptz`;
  const now = sql`${f.now.toISOString()}::timestamptz`;
  const expected = sql`least(1, greatest(0, extract(epoch from (${now} - ${start})) / extract(epoch from (${finish} - ${start}))))::float8`;
  const [row] = await queryRows<DashboardOut>(
    db,
    sql`
    with recursive obj as materialized (
      select o.id, o.level, o.unit_id, o.person_id, o.status from objectives o
       where o.org_id = ${f.orgId} and o.cycle_id = ${f.cycleId} and o.archived_at is null and o.lifecycle <> 'draft' ${scope}
    ),
    kr as materialized (
      select k.id, k.objective_id, k.owner_id, greatest(k.weight, 0) as weight, k.confidence, ${KR_PROGRESS} as progress,
             coalesce(k.last_check_in_at, k.created_at) as since
        from key_results k join obj o on o.id = k.objective_id
       where k.org_id = ${f.orgId} and k.archived_at is null
    ),
    per_kr as (
      select objective_id, case when sum(weight) = 0 then avg(progress) else sum(progress * weight) / sum(weight) end as progress,
             min(confidence) as conf
        from kr group by objective_id
    ),
    st as materialized (
      select o.id, o.level, o.unit_id, o.person_id, coalesce(p.progress, 0) as progress, coalesce(o.status, case
               when p.conf <= 3 then 'off_track'
               when ${expected} - coalesce(p.progress, 0) + 1e-9 >= 0.35 then 'off_track'
               when ${expected} - coalesce(p.progress, 0) + 1e-9 >= 0.15 then 'at_risk'
               when p.conf <= 6 then 'at_risk' else 'on_track' end) as s
        from obj o left join per_kr p on p.objective_id = o.id
    ),
    due as materialized (
      select kr.owner_id from kr where kr.since <= ${now} - interval '7 days'
    ),
    reach(start_id, id, level) as (
      select id, id, level from obj where level = 'unit'
      union
      select reach.start_id, s.id, s.level from reach join alignments a on a.objective_id = reach.id
        join objectives s on s.id = a.supports_id and s.archived_at is null and s.lifecycle <> 'draft'
    ),
    tops as (
      select u.id, u.id as top from units u where u.org_id = ${f.orgId} and u.archived_at is null and ${root}
      union all
      select c.id, tops.top from units c join tops on c.parent_id = tops.id where c.org_id = ${f.orgId} and c.archived_at is null
    ),
    grouped as (
      -- A unit's objective has one unit; a person's counts once under each top unit they belong to.
      select tops.top, st.s from st join tops on tops.id = st.unit_id
      union all
      select distinct on (tops.top, st.id) tops.top, st.s from st
        join unit_members um on um.org_id = ${f.orgId} and um.account_id = st.person_id
        join tops on tops.id = um.unit_id
       where st.level = 'person'
    )
    select
      (select json_build_object('on_track', count(*) filter (where s = 'on_track'), 'at_risk', count(*) filter (where s = 'at_risk'),
                                'off_track', count(*) filter (where s = 'off_track'), 'total', count(*)) from st) as objectives,
      (select count(*)::int from kr) as key_results,
      (select json_agg(coalesce(n, 0) order by b) from generate_series(0, 9) b
         left join (select least(9, floor(progress * 10 + 1e-9))::int as band, count(*) as n from st group by 1) d on d.band = b)
        as distribution,
      (select coalesce(json_agg(json_build_object('week', floor(extract(epoch from (w.bin - ${start})) / 604800)::int,
                                                  'check_ins', w.n, 'average', w.average) order by w.bin), '[]')
         from (select date_bin(interval '7 days', ci.created_at, ${start}) as bin, count(*) as n,
                      avg(ci.confidence)::float8 as average
                 from check_ins ci
                 join key_results k on k.id = ci.key_result_id and k.org_id = ${f.orgId} and k.archived_at is null
                 join objectives o on o.id = k.objective_id
                where o.org_id = ${f.orgId} and o.cycle_id = ${f.cycleId} and o.archived_at is null and o.lifecycle <> 'draft' ${scope}
                  and ci.org_id = ${f.orgId} and ci.created_at >= ${start} and ci.created_at < ${finish}
                group by 1) w) as trend,
      (select count(*)::int from due) as overdue,
      (select count(distinct owner_id)::int from kr) as owners,
      (select count(distinct owner_id)::int from due) as owners_behind,
      (select count(*)::int from obj where level = 'unit') as unit_objectives,
      (select count(distinct start_id)::int from reach where level = 'organization') as supporting,
      (select coalesce(json_agg(json_build_object('id', g.top, 'total', g.total, 'on_track', g.on_track, 'off_track', g.off_track)), '[]')
         from (select top, count(*) as total, count(*) filter (where s = 'on_track') as on_track,
                      count(*) filter (where s = 'off_track') as off_track from grouped group by top) g) as units`,
  );
  if (!row) throw new Error('bare SQL: no dashboard');
  return row;
}
