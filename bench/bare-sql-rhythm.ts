// Bare SQL for the requests of a cycle's rhythm (issue 5): the activity feed, the audit log,
// My week's key results, a batch of check-ins and the outbox. As in bare-sql.ts: statement 1
// (authInOrg) authenticates and finds the role, statement 2 returns the whole answer; the
// caller is an admin, so nothing is hidden by the read rules.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import { queryRows } from '../src/db/raw.ts';
import { FEED_ACTIONS } from '../src/core/feed.ts';
import { DEFAULT_SETTINGS } from '../src/app/orgs/org-view.ts';

const feedActions = sql`array[${sql.join(
  FEED_ACTIONS.map((a) => sql`${a}`),
  sql`, `,
)}]::text[]`;

/** A feed page (the organisation's, or one unit's): events newest first, with what they are about. */
export function feedPage(db: Db, f: { orgId: string; unitId?: string; limit: number }): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select e.id, e.action, e.actor_id, a.name as actor_name, e.before, e.after, e.created_at,
               o.id as objective_id, o.title as objective_title, o.archived_at is not null as objective_archived,
               k.id as key_result_id, k.title as key_result_title, u.id as unit_id, u.name as unit_name
          from audit_events e
          left join accounts a on a.id = e.actor_id
          left join objectives o on o.id = e.objective_id
          left join key_results k on k.id = case when e.entity_type = 'keyResult' then e.entity_id::uuid end
          left join units u on u.id = e.unit_id
         where e.org_id = ${f.orgId} and e.action = any(${feedActions})
           ${f.unitId ? sql`and e.unit_id = ${f.unitId}` : sql``}
         order by e.id desc
         limit ${f.limit + 1}`,
  );
}

/** An audit log page with an action filter, newest first, with the actors' names. */
export function auditPage(db: Db, f: { orgId: string; action: string; limit: number }): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select e.*, a.name as actor_name
          from audit_events e left join accounts a on a.id = e.actor_id
         where e.org_id = ${f.orgId} and e.action = ${f.action}
         order by e.id desc
         limit ${f.limit + 1}`,
  );
}

/**
 * My week: one person's key results in a cycle, with objective, cycle and owner, the
 * effective check-in cadence (the nearest unit up the tree that sets one, else the
 * organisation's) and whether a check-in is due.
 */
export function ownedKeyResults(
  db: Db,
  f: { orgId: string; ownerId: string; cycleId: string; now: Date; limit: number },
): Promise<{ id: string; due: boolean }[]> {
  return queryRows(
    db,
    sql`
    with page as (
      select k.*, o.title as objective_title, o.cycle_id, o.unit_id as objective_unit_id,
             c.status as cycle_status, c.starts_on, c.ends_on, a.name as owner_name
        from key_results k
        join objectives o on o.id = k.objective_id
        join cycles c on c.id = o.cycle_id
        left join accounts a on a.id = k.owner_id
       where k.org_id = ${f.orgId} and k.owner_id = ${f.ownerId} and k.archived_at is null
         and o.archived_at is null and o.cycle_id = ${f.cycleId}
       order by k.created_at, k.id
       limit ${f.limit + 1}
    ), cadenced as (
      select page.*, coalesce(
               (with recursive up(id, parent_id, days) as (
                  select u.id, u.parent_id, u.check_in_cadence_days from units u where u.id = page.objective_unit_id
                  union all
                  select u.id, u.parent_id, u.check_in_cadence_days from units u join up on u.id = up.parent_id
                   where up.days is null)
                select days from up where days is not null limit 1),
               (select (settings ->> 'checkInCadenceDays')::int from organizations where id = ${f.orgId}),
               ${DEFAULT_SETTINGS.checkInCadenceDays}::int) as cadence_days
        from page
    )
    select cadenced.*,
           cycle_status <> 'closed'
             and coalesce(last_check_in_at, created_at) <= ${f.now.toISOString()}::timestamptz - cadence_days * interval '1 day' as due
      from cadenced
     order by created_at, id`,
  );
}

/**
 * A batch of check-ins in one statement: locks the key results (in id order, in an open
 * cycle), inserts the check-ins, moves the key results' figures and writes an audit event
 * each with its objective and unit.
 */
export async function checkInBatchWrite(
  db: Db,
  auth: { accountId: string; orgId: string },
  items: { keyResultId: string; value: number; confidence: number; note: string }[],
): Promise<{ id: string }[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
        as v("keyResultId" uuid, value float8, confidence smallint, note text)
    ), kr as (
      select k.id, k.org_id, k.current_value, k.confidence, o.id as objective_id, o.unit_id
        from key_results k
        join objectives o on o.id = k.objective_id
        join cycles c on c.id = o.cycle_id
       where k.org_id = ${auth.orgId} and k.id in (select "keyResultId" from v)
         and k.archived_at is null and o.archived_at is null and c.status <> 'closed'
       order by k.id
         for update of k
    ), ins as (
      insert into check_ins (org_id, key_result_id, author_id, value, confidence, note)
      select kr.org_id, kr.id, ${auth.accountId}, v.value, v.confidence, v.note from v join kr on kr.id = v."keyResultId"
      returning *
    ), upd as (
      update key_results k
         set current_value = ins.value, confidence = ins.confidence, last_check_in_at = ins.created_at,
             version = k.version + 1, updated_at = ins.created_at
        from ins where k.id = ins.key_result_id
      returning k.*
    ), audit as (
      insert into audit_events (org_id, actor_id, action, entity_type, entity_id, objective_id, unit_id, before, after)
      select kr.org_id, ${auth.accountId}, 'checkIn.create', 'keyResult', kr.id::text, kr.objective_id, kr.unit_id,
             jsonb_build_object('current', kr.current_value, 'confidence', kr.confidence),
             jsonb_build_object('current', ins.value, 'confidence', ins.confidence, 'checkInId', ins.id)
        from kr join ins on ins.key_result_id = kr.id
    )
    select ins.id, ins.created_at, upd.current_value, upd.confidence, upd.version,
           (select name from accounts where id = ${auth.accountId}) as author_name,
           (select name from accounts where id = upd.owner_id) as owner_name
      from ins join upd on upd.id = ins.key_result_id`,
  );
  if (rows.length !== items.length) throw new Error('bare SQL: not every check-in written');
  return rows;
}

/** The outbox's first page, newest first, with the recipients' names (no message bodies). */
export function outboxPage(db: Db, f: { orgId: string; limit: number }): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select m.id, m.recipient_id, a.name as recipient_name, m.to_address, m.kind, m.locale, m.subject,
               m.status, m.attempts, m.created_at, m.sent_at, m.last_error
          from outbox_messages m join accounts a on a.id = m.recipient_id
         where m.org_id = ${f.orgId}
         order by m.created_at desc, m.id desc
         limit ${f.limit + 1}`,
  );
}
