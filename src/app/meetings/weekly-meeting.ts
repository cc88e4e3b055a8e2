// The weekly check-in meeting of a unit: the team's key results, then each member's own,
// each with what changed since a week ago, confidence moves, the week's notes and blockers,
// and whether a check-in is owed (core/weekly-meeting.ts). Two statements: the unit with
// its members, and every key result with its week-old state and notes. Drafts stay out (not
// yet agreed); private objectives show only to whoever may read them.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import type { Metric } from '../../core/domain.ts';
import {
  MEETING_WEEK_MS,
  meetingKeyResult,
  sectionFigures,
  type MeetingKeyResult,
  type MeetingNote,
} from '../../core/weekly-meeting.ts';
import { preparedRows, uuidArrayLiteral } from '../../db/raw.ts';
import { objectives } from '../../db/schema.ts';
import { readableBy } from '../objectives/records.ts';
import type { Queryable } from '../../db/connect.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorForResource, type OrgActor } from '../scope.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { cadenceFor, loadCadences } from '../check-ins/cadences.ts';

export interface MeetingSection {
  /** `team`: the unit's own objectives; `person`: one member's own objectives. */
  kind: 'team' | 'person';
  personId: string | null;
  name: string;
  /** A member who leads the unit. */
  lead: boolean;
  figures: ReturnType<typeof sectionFigures>;
  keyResults: MeetingKeyResult[];
}

export interface WeeklyMeetingView {
  unit: { id: string; name: string };
  cycle: { id: string; name: string; startsOn: string; endsOn: string };
  /** The week looked back over starts here. */
  since: string;
  sections: MeetingSection[];
}

interface MemberRow {
  unit_name: string;
  members: { id: string; name: string; lead: boolean }[];
}

/** The unit (live, of the organisation) with its members who are not switched off, leads first. */
async function readUnitMembers(q: Queryable, orgId: string, unitId: string) {
  const [row] = await preparedRows<MemberRow>(
    q,
    sql`select u.name as unit_name,
          coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name, 'lead', um.role = 'lead')
                             order by um.role = 'lead' desc, a.name, a.id)
                      from unit_members um
                      join accounts a on a.id = um.account_id
                      join memberships m on m.org_id = um.org_id and m.account_id = um.account_id
                     where um.org_id = u.org_id and um.unit_id = u.id and m.deactivated_at is null), '[]') as members
         from units u where u.org_id = ${orgId} and u.id = ${unitId} and u.archived_at is null`,
  );
  if (!row) throw notFound('unit');
  return row;
}

interface KeyResultRow {
  id: string;
  title: string;
  objective_id: string;
  objective_title: string;
  objective_done: boolean;
  objective_unit_id: string | null;
  person_id: string | null;
  owner_name: string | null;
  metric: Metric;
  start_value: number;
  target_value: number;
  current_value: number;
  unit: string;
  confidence: number | null;
  last_check_in_at: string | null;
  created_at: string;
  previous_value: number | null;
  previous_confidence: number | null;
  notes: MeetingNote[];
}

/** The statement's `o`, for the readability rule every list of objectives uses (records.ts). */
const statementObjective = alias(objectives, 'o');

/** How many of a key result's notes of the week the meeting shows. */
const NOTES_SHOWN = 5;

/** The published key results of the unit's and its members' objectives in the cycle that the actor may read. */
function readKeyResults(q: Queryable, actor: OrgActor, unitId: string, cycleId: string, people: string[], since: Date) {
  const readable = readableBy(actor, statementObjective);
  return preparedRows<KeyResultRow>(
    q,
    sql`select k.id, k.title, k.objective_id, o.title as objective_title, o.done_at is not null as objective_done,
               o.unit_id as objective_unit_id,
               o.person_id, ko.name as owner_name, k.metric, k.start_value, k.target_value, k.current_value,
               k.unit, k.confidence, k.last_check_in_at, k.created_at,
               prev.value as previous_value, prev.confidence as previous_confidence,
               coalesce(week.notes, '[]') as notes
          from objectives o
          join key_results k on k.org_id = o.org_id and k.objective_id = o.id and k.archived_at is null
          left join accounts ko on ko.id = k.owner_id
          left join lateral (
            select c.value, c.confidence from check_ins c
             where c.org_id = k.org_id and c.key_result_id = k.id and c.created_at <= ${since.toISOString()}::timestamptz
             order by c.created_at desc, c.id desc limit 1) prev on true
          left join lateral (
            select json_agg(json_build_object('id', c.id, 'note', c.note, 'blocker', c.blocker,
                                              'authorName', a.name, 'createdAt', c.created_at)
                            order by c.created_at desc, c.id desc) as notes
              from (select * from check_ins c
                     where c.org_id = k.org_id and c.key_result_id = k.id
                       and c.created_at > ${since.toISOString()}::timestamptz and (c.note <> '' or c.blocker)
                     order by c.created_at desc, c.id desc limit ${NOTES_SHOWN}) c
              left join accounts a on a.id = c.author_id) week on true
         where o.org_id = ${actor.orgId} and o.cycle_id = ${cycleId} and o.archived_at is null
           and o.lifecycle <> 'draft'
           and ((o.level = 'unit' and o.unit_id = ${unitId})
                or (o.level = 'person' and o.person_id = any(${uuidArrayLiteral(people)}::uuid[])))
           ${readable ? sql`and ${readable}` : sql``}
         order by o.created_at, o.id, k.position, k.created_at, k.id`,
  );
}

export async function getWeeklyMeeting(
  deps: AppDeps,
  caller: Caller,
  unitId: string,
  cycleId: string,
): Promise<WeeklyMeetingView> {
  const actor = await actorForResource(deps.db, caller, 'unit', unitId);
  const cycle = await findOrgCycle(deps, actor.orgId, cycleId);
  const { unit_name: unitName, members } = await readUnitMembers(deps.db, actor.orgId, unitId);
  const now = deps.now();
  const since = new Date(now.getTime() - MEETING_WEEK_MS);
  const [rows, cadences] = await Promise.all([
    readKeyResults(
      deps.db,
      actor,
      unitId,
      cycleId,
      members.map((m) => m.id),
      since,
    ),
    loadCadences(deps.db, actor.orgId, deps.caches),
  ]);
  const { start, end } = cycleBounds(cycle);
  const expected = expectedProgress(start, end, now);
  const present = (row: KeyResultRow) =>
    meetingKeyResult(
      {
        id: row.id,
        title: row.title,
        objectiveId: row.objective_id,
        objectiveTitle: row.objective_title,
        objectiveDone: row.objective_done,
        ownerName: row.owner_name,
        metric: row.metric,
        start: row.start_value,
        target: row.target_value,
        current: row.current_value,
        unit: row.unit,
        confidence: row.confidence,
        lastCheckInAt: row.last_check_in_at === null ? null : new Date(row.last_check_in_at),
        createdAt: new Date(row.created_at),
        previousValue: row.previous_value,
        previousConfidence: row.previous_confidence,
        notes: row.notes.map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString() })),
      },
      { now, expected, cadenceDays: cadenceFor(cadences, row.objective_unit_id) },
    );
  const section = (
    kind: MeetingSection['kind'],
    personId: string | null,
    name: string,
    lead: boolean,
    krs: MeetingKeyResult[],
  ): MeetingSection => ({ kind, personId, name, lead, figures: sectionFigures(krs), keyResults: krs });
  return {
    unit: { id: unitId, name: unitName },
    cycle: { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
    since: since.toISOString(),
    sections: [
      section('team', null, unitName, false, rows.filter((r) => r.person_id === null).map(present)),
      ...members.map((m) =>
        section('person', m.id, m.name, m.lead, rows.filter((r) => r.person_id === m.id).map(present)),
      ),
    ],
  };
}
