// Generates one organisation of a given shape with set-based SQL: every table is filled by
// a handful of INSERT … SELECT generate_series statements, never row by row from
// JavaScript, so a million check-ins load in seconds rather than hours.
//
// Accounts, units and cycles get deterministic ids (md5 of the org's tag, a kind and a
// number), so later statements can refer to "person 17" or "unit 3" without a lookup.
// Everything else takes gen_random_uuid() and is reached by joining the rows already
// written, so each statement reads like the rule it encodes.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../src/db/connect.ts';
import { queryRows } from '../src/db/raw.ts';

export interface OrgShape {
  /** Short tag that makes this org's ids, e-mails and slug unique. */
  tag: string;
  name: string;
  people: number;
  divisions: number;
  teamsPerDivision: number;
  /** Check-ins in total; the organisation's own key results take `hotCheckIns` each. */
  checkIns: number;
  hotCheckIns: number;
  activities: number;
}

export interface LoadedOrg {
  orgId: string;
  /** Person 2 is an org admin: the API token belongs to them. */
  adminId: string;
  yearCycleId: string;
  activeQuarterId: string;
}

/** The scale of the design (DESIGN.md: 10k people, 1M check-ins) times `scale`. */
export function targetShape(scale: number): OrgShape {
  const units = Math.max(20, Math.round(1000 * scale));
  const divisions = 10;
  return {
    tag: 'bench-a',
    name: 'Storbolaget AB',
    people: Math.max(100, Math.round(10_000 * scale)),
    divisions,
    teamsPerDivision: Math.max(1, Math.round(units / divisions) - 1),
    checkIns: Math.max(10_000, Math.round(1_000_000 * scale)),
    hotCheckIns: Math.max(100, Math.round(2_000 * scale)),
    activities: Math.max(1_000, Math.round(100_000 * scale)),
  };
}

/** A second, small tenant: its rows sit in the same indexes, so every query must scope by org. */
export const smallShape: OrgShape = {
  tag: 'bench-b',
  name: 'Lilla Föreningen',
  people: 60,
  divisions: 2,
  teamsPerDivision: 3,
  checkIns: 3_000,
  hotCheckIns: 100,
  activities: 200,
};

/** A deterministic id for the n-th thing of a kind in one org (`n` is an SQL expression). */
const benchId = (shape: OrgShape, kind: string, n: SQL): SQL =>
  sql`md5(${`${shape.tag}:${kind}:`}::text || (${n})::text)::uuid`;
const i = sql.raw('i');

const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Anders',
  'Eva',
  'Johan',
  'Sara',
  'Per',
  'Lena',
  'Nils',
  'Ingrid',
  'Olof',
  'Elin',
  'Mikael',
  'Sofia',
  'Henrik',
  'Maja',
  'Oskar',
];
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Lindberg',
  'Lindqvist',
  'Berg',
  'Holm',
  'Sandberg',
  'Lund',
  'Ek',
  'Nyström',
  'Sjöberg',
  'Wallin',
];
const textArray = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`);

/** A paragraph, so rows have a realistic width rather than a few bytes. */
const PROSE =
  'Vi vill att fler kunder väljer oss och stannar kvar, genom snabbare leveranser och bättre service i varje kontakt. ';

export interface QuarterPlan {
  year: { name: string; startsOn: string; endsOn: string };
  quarters: { name: string; startsOn: string; endsOn: string; status: 'closed' | 'active' | 'planning' }[];
  /** 1–4: the quarter `now` falls in. */
  active: number;
}

/** The calendar year of `now` and its quarters; the current quarter is the active one. */
export function planCycles(now: Date): QuarterPlan {
  const year = now.getUTCFullYear();
  const active = Math.floor(now.getUTCMonth() / 3) + 1;
  const day = (month: number, d: number) => new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10);
  const quarters = [1, 2, 3, 4].map((q) => ({
    name: `Q${q} ${year}`,
    startsOn: day((q - 1) * 3, 1),
    endsOn: day(q * 3, 0),
    status: q < active ? ('closed' as const) : q === active ? ('active' as const) : ('planning' as const),
  }));
  return { year: { name: `${year}`, startsOn: day(0, 1), endsOn: day(12, 0) }, quarters, active };
}

/** Runs one load step and says how long it took. */
async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}

export async function loadOrg(q: Queryable, shape: OrgShape, plan: QuarterPlan): Promise<LoadedOrg> {
  console.log(
    `Loading "${shape.name}" (${shape.people} people, ${shape.divisions * (shape.teamsPerDivision + 1)} units, ${shape.checkIns} check-ins)`,
  );
  // Reproducible random(): the same shape gives the same data.
  await q.execute(sql`select setseed(0.42)`);
  const [org] = await queryRows<{ id: string }>(
    q,
    sql`insert into organizations (slug, name, vision, strategy)
        values (${shape.tag}, ${shape.name}, ${PROSE}, ${PROSE.repeat(5)}) returning id`,
  );
  if (!org) throw new Error('organisation insert returned no row');
  const orgId = org.id;

  await step('accounts + memberships', () => loadPeople(q, shape, orgId));
  await step('units (divisions → teams) + unit members', () => loadUnits(q, shape, orgId));
  await step('cycles (year + 4 quarters)', () => loadCycles(q, shape, orgId, plan));
  await step('objectives (org, unit × quarter, person)', () => loadObjectives(q, shape, orgId, plan));
  await step('key results', () => loadKeyResults(q, shape, orgId));
  // Fresh tables have no statistics; without them the joins below get nested-loop plans.
  await step('analyze', () => q.execute(sql`analyze`));
  await step('alignments (unit → org, person → unit)', () => loadAlignments(q, shape, orgId, plan));
  await step('check-ins', () => loadCheckIns(q, shape, orgId));
  await step('analyze check_ins', () => q.execute(sql`analyze check_ins`));
  await step('key results ← latest check-in', () => copyLatestCheckIns(q, orgId));
  await step('activities', () => loadActivities(q, shape, orgId));
  await step('audit events (one per check-in and creation)', () => loadAuditEvents(q, shape, orgId));
  await step('outbox (4 weeks of digests and reminders)', () => loadOutbox(q, shape, orgId));

  return idsOf(q, shape, plan, orgId);
}

async function idsOf(q: Queryable, shape: OrgShape, plan: QuarterPlan, orgId: string): Promise<LoadedOrg> {
  const [ids] = await queryRows<{ admin: string; year: string; quarter: string }>(
    q,
    sql`select ${benchId(shape, 'a', sql`2`)} as admin, ${benchId(shape, 'c', sql`0`)} as year,
               ${benchId(shape, 'c', sql`${plan.active}::int`)} as quarter`,
  );
  if (!ids) throw new Error('no ids');
  return { orgId, adminId: ids.admin, yearCycleId: ids.year, activeQuarterId: ids.quarter };
}

/** An organisation of this shape loaded earlier into the same database (BENCH_REUSE), or null. */
export async function findLoadedOrg(q: Queryable, shape: OrgShape, plan: QuarterPlan): Promise<LoadedOrg | null> {
  const [org] = await queryRows<{ id: string }>(q, sql`select id from organizations where slug = ${shape.tag}`);
  return org ? idsOf(q, shape, plan, org.id) : null;
}

/** Person 1 owns the org, person 2 and every 500th are admins, every 50th a viewer. */
async function loadPeople(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  await q.execute(sql`
    insert into accounts (id, email, name, locale, created_at)
    select ${benchId(shape, 'a', i)},
           'person' || i || '@' || ${shape.tag}::text || '.example.test',
           (${textArray(FIRST_NAMES)})[1 + i % ${FIRST_NAMES.length}] || ' ' || (${textArray(LAST_NAMES)})[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
           case when i % 4 = 0 then 'en' else 'sv' end,
           now() - interval '400 days' + i * interval '1 minute'
      from generate_series(1, ${shape.people}::int) i`);
  await q.execute(sql`
    insert into memberships (org_id, account_id, role)
    select ${orgId}::uuid, ${benchId(shape, 'a', i)},
           case when i = 1 then 'owner' when i = 2 or i % 500 = 0 then 'admin' when i % 50 = 0 then 'viewer' else 'member' end
      from generate_series(1, ${shape.people}::int) i`);
}

/**
 * Units 1…D are divisions at the top; each has `teamsPerDivision` teams beneath it. Each
 * person belongs to one team; the first person of each team leads it, the next D people
 * lead the divisions.
 */
async function loadUnits(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  const d = shape.divisions;
  const teams = d * shape.teamsPerDivision;
  await q.execute(sql`
    insert into units (id, org_id, parent_id, name, kind, vision, mission)
    select ${benchId(shape, 'u', i)}, ${orgId}::uuid, null, 'Division ' || i, 'division', ${PROSE}, ${PROSE}
      from generate_series(1, ${d}::int) i`);
  await q.execute(sql`
    insert into units (id, org_id, parent_id, name, kind, vision, mission)
    select ${benchId(shape, 'u', sql`${d}::int + i`)}, ${orgId}::uuid,
           ${benchId(shape, 'u', sql`1 + (i - 1) / ${shape.teamsPerDivision}::int`)},
           'Team ' || (1 + (i - 1) / ${shape.teamsPerDivision}::int) || '.' || (1 + (i - 1) % ${shape.teamsPerDivision}::int),
           'team', ${PROSE}, ${PROSE}
      from generate_series(1, ${teams}::int) i`);
  await q.execute(sql`
    insert into unit_members (org_id, unit_id, account_id, role)
    select ${orgId}::uuid, ${benchId(shape, 'u', sql`${d}::int + 1 + (i - 1) % ${teams}::int`)}, ${benchId(shape, 'a', i)},
           case when i <= ${teams}::int then 'lead' else 'member' end
      from generate_series(1, ${shape.people}::int) i
    union all
    select ${orgId}::uuid, ${benchId(shape, 'u', i)}, ${benchId(shape, 'a', sql`${teams}::int + i`)}, 'lead'
      from generate_series(1, least(${d}::int, ${shape.people}::int - ${teams}::int)) i`);
}

/** Cycle 0 is the year; cycles 1–4 its quarters. */
async function loadCycles(q: Queryable, shape: OrgShape, orgId: string, plan: QuarterPlan): Promise<void> {
  const year = benchId(shape, 'c', sql`0`);
  await q.execute(sql`
    insert into cycles (id, org_id, parent_id, name, starts_on, ends_on, status)
    values (${year}, ${orgId}::uuid, null, ${plan.year.name}, ${plan.year.startsOn}::date, ${plan.year.endsOn}::date, 'active')`);
  for (const [index, quarter] of plan.quarters.entries()) {
    await q.execute(sql`
      insert into cycles (id, org_id, parent_id, name, starts_on, ends_on, status)
      values (${benchId(shape, 'c', sql`${index + 1}::int`)}, ${orgId}::uuid, ${year}, ${quarter.name},
              ${quarter.startsOn}::date, ${quarter.endsOn}::date, ${quarter.status})`);
  }
}

/**
 * Four organisation objectives for the year; three per unit in every quarter (closed
 * quarters closed and scored, future ones drafts); two or three per person in the active
 * quarter. At full scale: 4 + 12,000 + 28,000 ≈ 40,000.
 */
async function loadObjectives(q: Queryable, shape: OrgShape, orgId: string, plan: QuarterPlan): Promise<void> {
  const units = shape.divisions * (shape.teamsPerDivision + 1);
  const activeStart = plan.quarters[plan.active - 1]?.startsOn ?? plan.year.startsOn;
  await q.execute(sql`
    insert into objectives (org_id, cycle_id, level, title, description, created_at)
    select ${orgId}::uuid, ${benchId(shape, 'c', sql`0`)}, 'organization', 'Organisationsmål ' || i, ${PROSE.repeat(3)},
           ${plan.year.startsOn}::timestamptz - interval '30 days' + i * interval '1 hour'
      from generate_series(1, 4) i`);
  await q.execute(sql`
    insert into objectives (org_id, cycle_id, level, unit_id, title, description, kind, lifecycle, final_score, created_at)
    select ${orgId}::uuid, c.id, 'unit', ${benchId(shape, 'u', sql`u`)},
           'Teammål ' || k || ' för enhet ' || u || ' i ' || c.name, ${PROSE},
           case when k = 3 then 'aspirational' else 'committed' end,
           case when c.status = 'closed' then 'closed' when c.status = 'planning' or (u + k) % 7 = 0 then 'draft' else 'published' end,
           case when c.status = 'closed' then round(random() * 10) / 10 end,
           c.starts_on - interval '10 days' + random() * interval '20 days'
      from cycles c, generate_series(1, ${units}::int) u, generate_series(1, 3) k
     where c.org_id = ${orgId}::uuid and c.parent_id is not null`);
  await q.execute(sql`
    insert into objectives (org_id, cycle_id, level, person_id, title, description, kind, visibility, lifecycle, created_at)
    select ${orgId}::uuid, ${benchId(shape, 'c', sql`${plan.active}::int`)}, 'person', ${benchId(shape, 'a', i)},
           'Personligt mål ' || k || ' för person ' || i, ${PROSE},
           case when k = 3 then 'development' else 'committed' end,
           case when k = 3 and i % 3 = 0 then 'private' else 'public' end,
           case when k = 2 and i % 10 = 0 then 'draft' else 'published' end,
           ${activeStart}::timestamptz - interval '5 days' + random() * interval '30 days'
      from generate_series(1, ${shape.people}::int) i
     cross join lateral generate_series(1, case when i % 5 = 0 then 2 else 3 end) k`);
}

/**
 * Three or four key results per objective (four for the organisation's), owned by the
 * person, the unit's lead or the admin. Metrics cycle through every kind.
 */
async function loadKeyResults(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  await q.execute(sql`
    insert into key_results (org_id, objective_id, owner_id, title, metric, start_value, target_value, unit, weight, position, created_at)
    select o.org_id, o.id, coalesce(o.person_id, lead.account_id, ${benchId(shape, 'a', sql`2`)}),
           'Nyckelresultat ' || p || ': ' || left(o.title, 40), m.metric, m.start_value, m.target_value, m.unit,
           case when p = 1 then 2 else 1 end, p, o.created_at + p * interval '1 second'
      from (select o.*, row_number() over (order by o.id) as rn from objectives o where o.org_id = ${orgId}::uuid) o
      left join unit_members lead on lead.org_id = o.org_id and lead.unit_id = o.unit_id and lead.role = 'lead'
     cross join lateral generate_series(1, case when o.level = 'organization' then 4 else 3 + (o.rn % 2)::int end) p
     cross join lateral (
       select case (o.rn + p) % 10 when 6 then 'decrease_to' when 7 then 'stay_at_or_above' when 8 then 'stay_at_or_below'
                                   when 9 then 'milestone' else 'increase_to' end as metric,
              case (o.rn + p) % 10 when 6 then 100 when 8 then 0 else 0 end::float8 as start_value,
              case (o.rn + p) % 10 when 6 then 20 when 7 then 80 when 8 then 5 when 9 then 1 else 100 + (o.rn % 5) * 100 end::float8 as target_value,
              case (o.rn + p) % 10 when 9 then '' else 'st' end as unit
     ) m`);
}

/**
 * Every unit objective supports one organisation objective (every fifth a second one); each
 * person's first committed objective supports one of their team's objectives that quarter.
 */
async function loadAlignments(q: Queryable, shape: OrgShape, orgId: string, plan: QuarterPlan): Promise<void> {
  const activeQuarter = benchId(shape, 'c', sql`${plan.active}::int`);
  await q.execute(sql`
    with org_objective as (
      select id, row_number() over (order by created_at, id) - 1 as n
        from objectives where org_id = ${orgId}::uuid and level = 'organization'
    ), unit_objective as (
      select id, row_number() over (order by id) as rn
        from objectives where org_id = ${orgId}::uuid and level = 'unit'
    )
    insert into alignments (org_id, objective_id, supports_id)
    select ${orgId}::uuid, u.id, g.id from unit_objective u join org_objective g on g.n = u.rn % 4
    union all
    select ${orgId}::uuid, u.id, g.id from unit_objective u join org_objective g on g.n = (u.rn + 1) % 4 where u.rn % 5 = 0`);
  await q.execute(sql`
    with first_objective as (
      select distinct on (o.person_id) o.id, o.person_id
        from objectives o
       where o.org_id = ${orgId}::uuid and o.level = 'person' and o.kind = 'committed'
       order by o.person_id, o.created_at, o.id
    ), in_team as (
      select f.id, um.unit_id, row_number() over (partition by um.unit_id order by f.id) as m
        from first_objective f
        join unit_members um on um.org_id = ${orgId}::uuid and um.account_id = f.person_id
        join units u on u.id = um.unit_id and u.kind = 'team'
    ), team_objective as (
      select o.id, o.unit_id, row_number() over (partition by o.unit_id order by o.id) as k
        from objectives o
       where o.org_id = ${orgId}::uuid and o.level = 'unit' and o.cycle_id = ${activeQuarter}
    )
    insert into alignments (org_id, objective_id, supports_id)
    select ${orgId}::uuid, p.id, t.id
      from in_team p join team_objective t on t.unit_id = p.unit_id and t.k = 1 + p.m % 3`);
}

/**
 * `total` spread evenly over key results numbered 1…n: key result j gets
 * floor(j·total/n) − floor((j−1)·total/n), which sums to exactly `total`.
 */
const evenShare = (j: SQL, total: SQL, n: SQL): SQL =>
  sql`(floor((${j})::numeric * ${total} / ${n}) - floor(((${j}) - 1)::numeric * ${total} / ${n}))::int`;

/**
 * The organisation's own key results are checked in often (`hotCheckIns` each, every two
 * hours): they give the check-in list a long history to page through. The rest share the
 * remaining check-ins, weekly, values rising towards the target over time. Check-in 1 of a
 * key result is its latest.
 */
async function loadCheckIns(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  await q.execute(sql`
    with kr as (
      select k.id, k.org_id, k.owner_id, k.start_value, k.target_value,
             o.level = 'organization' as hot,
             row_number() over (order by o.level = 'organization' desc, k.id) as rn,
             count(*) filter (where o.level = 'organization') over () as hot_n,
             count(*) over () as n
        from key_results k join objectives o on o.id = k.objective_id
       where k.org_id = ${orgId}::uuid
    ), planned as (
      select kr.*,
             case when hot then ${shape.hotCheckIns}::int
                  else ${evenShare(sql`kr.rn - kr.hot_n`, sql`(${shape.checkIns}::int - kr.hot_n * ${shape.hotCheckIns}::int)`, sql`(kr.n - kr.hot_n)`)} end as how_many,
             case when hot then interval '2 hours' else interval '7 days' end as every
        from kr
    )
    insert into check_ins (org_id, key_result_id, author_id, value, confidence, note, created_at)
    select p.org_id, p.id, p.owner_id,
           p.start_value + (p.target_value - p.start_value) * (p.how_many - g + 1)::float8 / (p.how_many + 1),
           ((p.rn + g) % 11)::smallint,
           case when g % 4 = 0 then ${PROSE} else '' end,
           now() - interval '1 hour' - (g - 1) * p.every - (p.rn % 1440) * interval '1 minute'
      from planned p cross join lateral generate_series(1, p.how_many) g`);
}

/** key_results.current_value / confidence / last_check_in_at are those of the latest check-in. */
async function copyLatestCheckIns(q: Queryable, orgId: string): Promise<void> {
  await q.execute(sql`
    update key_results k
       set current_value = l.value, confidence = l.confidence, last_check_in_at = l.created_at
      from (select distinct on (key_result_id) key_result_id, value, confidence, created_at
              from check_ins where org_id = ${orgId}::uuid
             order by key_result_id, created_at desc, id desc) l
     where k.id = l.key_result_id`);
}

/** About one activity for every 1.4 key results, spread evenly. */
async function loadActivities(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  await q.execute(sql`
    with kr as (
      select id, org_id, owner_id, created_at, row_number() over (order by id) as rn, count(*) over () as n
        from key_results where org_id = ${orgId}::uuid
    )
    insert into activities (org_id, key_result_id, owner_id, title, status, due_on, created_at)
    select kr.org_id, kr.id, kr.owner_id, 'Aktivitet ' || g || ' för nyckelresultat ' || kr.rn,
           (array['todo', 'doing', 'done'])[1 + (kr.rn % 3)::int],
           current_date + (kr.rn % 60)::int, kr.created_at + interval '1 day'
      from kr cross join lateral generate_series(1, ${evenShare(sql`kr.rn`, sql`${shape.activities}::int`, sql`kr.n`)}) g`);
}

/**
 * The audit log the feeds, the audit list and the CSV export read: what the app records
 * for each objective, key result and check-in (with the objective and unit the feeds
 * join on), plus a membership change per 20 people, which the feed leaves out. Written
 * in time order, so ids grow with time as they do in the app.
 */
async function loadAuditEvents(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  await q.execute(sql`
    insert into audit_events (org_id, actor_id, action, entity_type, entity_id, objective_id, unit_id, before, after, created_at)
    select ${orgId}::uuid, e.actor_id, e.action, e.entity_type, e.entity_id, e.objective_id, e.unit_id, e.before, e.after, e.created_at
      from (
        select o.owner_id as actor_id, 'objective.create' as action, 'objective' as entity_type, o.id::text as entity_id,
               o.id as objective_id, o.unit_id, null::jsonb as before, jsonb_build_object('title', o.title) as after, o.created_at
          from (select id, title, unit_id, created_at, coalesce(person_id, ${benchId(shape, 'a', sql`1`)}) as owner_id
                  from objectives where org_id = ${orgId}::uuid) o
        union all
        select k.owner_id, 'keyResult.create', 'keyResult', k.id::text, k.objective_id, o.unit_id,
               null, jsonb_build_object('title', k.title, 'target', k.target_value), k.created_at
          from key_results k join objectives o on o.id = k.objective_id where k.org_id = ${orgId}::uuid
        union all
        select ci.author_id, 'checkIn.create', 'keyResult', ci.key_result_id::text, k.objective_id, o.unit_id,
               jsonb_build_object('current', ci.value - 1, 'confidence', ci.confidence),
               jsonb_build_object('current', ci.value, 'confidence', ci.confidence, 'checkInId', ci.id), ci.created_at
          from check_ins ci join key_results k on k.id = ci.key_result_id join objectives o on o.id = k.objective_id
         where ci.org_id = ${orgId}::uuid
        union all
        select m.account_id, 'membership.update', 'membership', m.account_id::text, null, null,
               jsonb_build_object('role', 'member'), jsonb_build_object('role', m.role), now() - interval '30 days'
          from memberships m where m.org_id = ${orgId}::uuid and m.role <> 'member'
      ) e
     order by e.created_at`);
}

/** Four weeks of held digests and reminders, as a process without a mail server keeps them. */
async function loadOutbox(q: Queryable, shape: OrgShape, orgId: string): Promise<void> {
  await q.execute(sql`
    insert into outbox_messages (org_id, recipient_id, to_address, kind, dedupe_key, locale, subject, text_body, status, created_at)
    select ${orgId}::uuid, a.id, a.email, kind, ${shape.tag}::text || ':' || kind || ':' || w || ':' || a.id,
           a.locale, 'Vecka ' || w, ${PROSE}, 'held', now() - w * interval '7 days' + (kind = 'weekly_digest')::int * interval '1 hour'
      from memberships m join accounts a on a.id = m.account_id
     cross join generate_series(0, 3) w cross join unnest(array['check_in_reminder', 'weekly_digest']) kind
     where m.org_id = ${orgId}::uuid`);
}
