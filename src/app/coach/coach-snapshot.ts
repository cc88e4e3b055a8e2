// Loads what the coach looks at for one cycle, as the caller may read it, in a fixed
// number of statements whatever the organisation's size: the organisation and cycle, the
// objectives, the units that own them, what they support, and their key results with
// their activity counts.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Metric, ObjectiveKind, ObjectiveLevel } from '../../core/domain.ts';
import type { CoachKeyResult, CoachObjective, CoachSnapshot } from '../../core/coach/model.ts';
import type { Queryable } from '../../db/connect.ts';
import { queryRows, uuidArray } from '../../db/raw.ts';
import { alignments, cycles, keyResults, objectives, organizations, units } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { readableBy } from '../objectives/records.ts';
import { effectiveSettings } from '../orgs/org-view.ts';
import type { OrgActor } from '../scope.ts';

export interface CoachContext {
  snapshot: CoachSnapshot;
  cycleClosed: boolean;
  orgName: string;
  disabledRules: string[];
  /** Names of the people whose objectives are in the snapshot, for naming advice about them. */
  personNames: ReadonlyMap<string, string>;
}

export interface SnapshotOptions {
  /** Objectives a draft supports: loaded as context, with what they support in turn. */
  supportIds?: readonly string[];
  /** An objective being edited: left out, so that its draft takes its place. */
  excludeId?: string;
  /**
   * Only these units' and people's objectives of the cycle (besides the organisation's, and
   * what they all support): all that advice on one unit, or on one owner's draft, needs,
   * however large the organisation.
   */
  only?: { unitIds: readonly string[]; personIds: readonly string[] };
}

interface ObjectiveRow {
  id: string;
  title: string;
  level: ObjectiveLevel;
  unit_id: string | null;
  person_id: string | null;
  kind: ObjectiveKind;
  in_cycle: boolean;
  person_name: string | null;
}

/**
 * The objectives the caller may read (not archived): those of the cycle, under review; as
 * context, the organisation's objectives of the parent cycle (the year's agenda) and every
 * objective that those support, at any depth. The walk is one recursive query whose every
 * step is an index lookup, and the matches are read by primary key (`= any(array(...))`):
 * plans that do not depend on table statistics, which PGlite never gathers by itself.
 */
async function loadObjectives(
  q: Queryable,
  actor: OrgActor,
  cycle: { id: string; parentId: string | null },
  options: SnapshotOptions,
): Promise<ObjectiveRow[]> {
  const readable = readableBy(actor) ?? sql`true`;
  const live = sql`objectives.org_id = ${actor.orgId} and objectives.archived_at is null and ${readable}`;
  const ofCycle = options.only
    ? sql`(objectives.cycle_id = ${cycle.id} and (objectives.level = 'organization'
        or objectives.unit_id = any(${uuidArray(options.only.unitIds)})
        or objectives.person_id = any(${uuidArray(options.only.personIds)})))`
    : sql`objectives.cycle_id = ${cycle.id}`;
  const seeds = [
    ofCycle,
    cycle.parentId ? sql`(objectives.level = 'organization' and objectives.cycle_id = ${cycle.parentId})` : undefined,
    options.supportIds?.length ? sql`objectives.id = any(${uuidArray(options.supportIds)})` : undefined,
  ].filter((s) => s !== undefined);
  const excluded = options.excludeId ? sql`and objectives.id <> ${options.excludeId}` : sql``;
  return queryRows<ObjectiveRow>(
    q,
    sql`
    with recursive reach(id) as (
      select objectives.id from objectives where ${live} and (${sql.join(seeds, sql` or `)}) ${excluded}
      union
      select up.id from reach
        cross join lateral (
          -- By primary key: reach holds only this organisation's objectives (the final select checks again).
          select a.supports_id as id from alignments a
           where a.objective_id = reach.id
          offset 0 -- keeps the step a lookup per row: the planner may not turn the join around
        ) up
    )
    select objectives.id, objectives.title, objectives.level, objectives.unit_id, objectives.person_id,
           objectives.kind, objectives.cycle_id = ${cycle.id} as in_cycle, person.name as person_name
      from objectives left join accounts person on person.id = objectives.person_id
     where objectives.id = any(array(select id from reach)) and ${live} ${excluded}
     order by objectives.created_at, objectives.id`,
  );
}

/** What each objective supports (objectives not archived), in the order the links were made. */
async function loadSupports(q: Queryable, orgId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return [];
  const supported = alias(objectives, 'supported');
  return q
    .select({ objectiveId: alignments.objectiveId, supportsId: alignments.supportsId })
    .from(alignments)
    .innerJoin(supported, eq(supported.id, alignments.supportsId))
    .where(
      and(
        eq(alignments.orgId, orgId),
        sql`${alignments.objectiveId} = any(${uuidArray(objectiveIds)})`,
        isNull(supported.archivedAt),
      ),
    )
    .orderBy(asc(alignments.createdAt), asc(alignments.supportsId));
}

/**
 * Key results of the objectives, each with its number of live activities counted through
 * the index, one key result at a time: a grouped join planned without knowing how many
 * objectives are asked about (a generic plan) hashed all 100,000 activities of a large
 * organisation for a team's dozen key results.
 */
async function loadKeyResults(q: Queryable, orgId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return [];
  return q
    .select({
      id: keyResults.id,
      objectiveId: keyResults.objectiveId,
      title: keyResults.title,
      metric: keyResults.metric,
      start: keyResults.startValue,
      target: keyResults.targetValue,
      unit: keyResults.unit,
      ownerId: keyResults.ownerId,
      // Written out: the query builder leaves table names off the columns of a one-table
      // select, and "id" here must be the key result's.
      activityCount: sql<number>`(select count(*)::int from activities a
        where a.org_id = ${orgId} and a.key_result_id = key_results.id and a.archived_at is null)`,
    })
    .from(keyResults)
    .where(
      and(
        eq(keyResults.orgId, orgId),
        sql`${keyResults.objectiveId} = any(${uuidArray(objectiveIds)})`,
        isNull(keyResults.archivedAt),
      ),
    )
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
}

/** The coach's snapshot of one cycle of the caller's organisation; another organisation's cycle is not found. */
export async function loadCoachContext(
  q: Queryable,
  actor: OrgActor,
  cycleId: string,
  now: Date,
  options: SnapshotOptions = {},
): Promise<CoachContext> {
  const [head] = await q
    .select({
      org: {
        name: organizations.name,
        vision: organizations.vision,
        strategy: organizations.strategy,
        settings: organizations.settings,
      },
      cycle: {
        id: cycles.id,
        parentId: cycles.parentId,
        startsOn: cycles.startsOn,
        endsOn: cycles.endsOn,
        status: cycles.status,
      },
    })
    .from(cycles)
    .innerJoin(organizations, eq(organizations.id, cycles.orgId))
    .where(and(eq(cycles.orgId, actor.orgId), eq(cycles.id, cycleId)));
  if (!head) throw notFound('cycle');
  const objectiveRows = await loadObjectives(q, actor, head.cycle, options);
  const ids = objectiveRows.map((o) => o.id);
  // Only the units that own an objective in the snapshot, and those asked about (a draft's
  // unit may own nothing yet): the rules judge no other unit, and advice names no other (a
  // team's advice need not read the organisation's 1,000).
  const ownerUnits = [
    ...new Set([...objectiveRows.flatMap((o) => (o.unit_id ? [o.unit_id] : [])), ...(options.only?.unitIds ?? [])]),
  ];
  const unitRows = ownerUnits.length
    ? await q
        .select({ id: units.id, name: units.name, vision: units.vision, mission: units.mission })
        .from(units)
        .where(
          and(eq(units.orgId, actor.orgId), sql`${units.id} = any(${uuidArray(ownerUnits)})`, isNull(units.archivedAt)),
        )
        .orderBy(asc(units.name), asc(units.id))
    : [];
  const supportRows = await loadSupports(q, actor.orgId, ids);
  const krRows = await loadKeyResults(q, actor.orgId, ids);

  const krsByObjective = new Map<string, CoachKeyResult[]>();
  for (const kr of krRows) {
    const list = krsByObjective.get(kr.objectiveId) ?? [];
    list.push({
      id: kr.id,
      title: kr.title,
      metric: kr.metric as Metric,
      start: kr.start,
      target: kr.target,
      unit: kr.unit,
      ownerId: kr.ownerId,
      activityCount: kr.activityCount,
    });
    krsByObjective.set(kr.objectiveId, list);
  }
  const supports = new Map<string, string[]>();
  for (const row of supportRows) {
    const list = supports.get(row.objectiveId) ?? [];
    list.push(row.supportsId);
    supports.set(row.objectiveId, list);
  }
  const coachObjectives: CoachObjective[] = objectiveRows.map((o) => ({
    id: o.id,
    title: o.title,
    level: o.level,
    unitId: o.unit_id,
    personId: o.person_id,
    kind: o.kind,
    inCycle: o.in_cycle,
    supports: supports.get(o.id) ?? [],
    keyResults: krsByObjective.get(o.id) ?? [],
  }));
  const personNames = new Map(
    objectiveRows.flatMap((o) => (o.person_id && o.person_name ? [[o.person_id, o.person_name] as const] : [])),
  );
  const settings = effectiveSettings(head.org.settings);
  return {
    snapshot: {
      now,
      org: { id: actor.orgId, vision: head.org.vision, strategy: head.org.strategy, focus: settings.focus },
      cycle: { id: head.cycle.id, startsOn: head.cycle.startsOn, endsOn: head.cycle.endsOn },
      units: unitRows,
      objectives: coachObjectives,
    },
    cycleClosed: head.cycle.status === 'closed',
    orgName: head.org.name,
    disabledRules: settings.coach.disabledRules,
    personNames,
  };
}
