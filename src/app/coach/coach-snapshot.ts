// Loads what the coach looks at for one cycle, as the caller may read it, in a fixed
// number of statements whatever the organisation's size: the organisation and cycle (kept
// by the server for every page), the objectives with what they support (objectives and key
// results) and their key results with whether each has an action plan, and the units that
// own them (one statement).
import { sql, type SQL } from 'drizzle-orm';
import type { ObjectiveKind, ObjectiveLevel } from '../../core/domain.ts';
import type {
  CoachKeyResult,
  CoachObjective,
  CoachSnapshot,
  CoachUnit,
  SupportedKeyResult,
} from '../../core/coach/model.ts';
import type { Queryable } from '../../db/connect.ts';
import { param, preparedByShape, shapeKey } from '../../db/prepared-shapes.ts';
import { preparedStatement, uuidArrayLiteral } from '../../db/raw.ts';
import type { AppCaches } from '../caches.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { readableByParams, readerParams, readsEverything } from '../objectives/records.ts';
import { loadOrgRow } from '../orgs/get-org.ts';
import { effectiveSettings } from '../orgs/org-view.ts';
import type { OrgActor } from '../scope.ts';

export interface CoachContext {
  snapshot: CoachSnapshot;
  /** The snapshot's key results by id, for what a draft supports. */
  keyResults: SnapshotKeyResults;
  cycleClosed: boolean;
  orgName: string;
  disabledRules: string[];
  /** Names of the people whose objectives are in the snapshot, for naming advice about them. */
  personNames: ReadonlyMap<string, string>;
}

export interface SnapshotOptions {
  /** Objectives a draft supports: loaded as context, with what they support in turn. */
  supportIds?: readonly string[];
  /** Key results a draft supports: their objectives are loaded as supportIds are. */
  supportKeyResultIds?: readonly string[];
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
  /** What it supports (objectives not archived), in the order the links were made. */
  supports: string[];
  /** The key results it supports, in the order the links were made (resolved in loadCoachContext). */
  supports_key_results: string[];
  serves_theme: boolean;
  /** Its live key results, each with whether it has a live activity. */
  key_results: CoachKeyResult[];
}

/**
 * The shape of a snapshot's question: which seeds the walk starts from, whether the reader
 * reads everything, whether an objective is left out. One statement is built and prepared
 * per shape (db/prepared-shapes.ts); each call fills in its values. A type rather than an
 * interface, as shapeKey takes any record of flags.
 */
type SnapshotShape = {
  everything: boolean;
  only: boolean;
  parent: boolean;
  supports: boolean;
  supportsKeyResults: boolean;
  exclude: boolean;
};

interface SnapshotRow {
  objectives: ObjectiveRow[];
  units: CoachUnit[];
}

/**
 * The objectives the caller may read (not archived): those of the cycle, under review; as
 * context, the organisation's objectives of the parent cycle (the year's agenda) and every
 * objective that those support, at any depth. The walk is one recursive query whose every
 * step is an index lookup, and the matches are read by primary key (`= any(array(...))`):
 * plans that do not depend on table statistics, which PGlite has only once the server has
 * gathered them. The units that own them come in the same statement.
 */
function snapshotQuery(shape: SnapshotShape): SQL {
  const live = sql`objectives.org_id = ${param('orgId')}::uuid and objectives.archived_at is null
    ${shape.everything ? sql`` : sql`and ${readableByParams()}`}`;
  const ofCycle = shape.only
    ? sql`(objectives.cycle_id = ${param('cycleId')}::uuid and (objectives.level = 'organization'
        or objectives.unit_id = any(${param('unitIds')}::uuid[])
        or objectives.person_id = any(${param('personIds')}::uuid[])))`
    : sql`objectives.cycle_id = ${param('cycleId')}::uuid`;
  const seeds = [
    ofCycle,
    shape.parent
      ? sql`(objectives.level = 'organization' and objectives.cycle_id = ${param('parentId')}::uuid)`
      : undefined,
    shape.supports ? sql`objectives.id = any(${param('supportIds')}::uuid[])` : undefined,
    shape.supportsKeyResults
      ? sql`objectives.id = any(array(select k.objective_id from key_results k
          where k.org_id = ${param('orgId')}::uuid and k.id = any(${param('supportKeyResultIds')}::uuid[])))`
      : undefined,
  ].filter((seed) => seed !== undefined);
  const excluded = shape.exclude ? sql`and objectives.id <> ${param('excludeId')}::uuid` : sql``;
  return sql`
    with recursive reach(id) as (
      select objectives.id from objectives where ${live} and (${sql.join(seeds, sql` or `)}) ${excluded}
      union
      select up.id from reach
        cross join lateral (
          -- By primary key, which leads with org_id: reach holds only this organisation's
          -- objectives (the final select checks again).
          select a.supports_id as id from alignments a
           where a.org_id = ${param('orgId')}::uuid and a.objective_id = reach.id
          offset 0 -- keeps the step a lookup per row: the planner may not turn the join around
        ) up
    ),
    picked as (
      select objectives.id, objectives.title, objectives.level, objectives.unit_id, objectives.person_id,
             objectives.kind, objectives.cycle_id = ${param('cycleId')}::uuid as in_cycle, person.name as person_name,
             (select coalesce(json_agg(a.supports_id order by a.created_at, a.supports_id), '[]')
                from alignments a join objectives supported on supported.id = a.supports_id
               where a.org_id = objectives.org_id and a.objective_id = objectives.id
                 and supported.archived_at is null) as supports,
             (select coalesce(json_agg(ka.key_result_id order by ka.created_at, ka.key_result_id), '[]')
                from key_result_alignments ka
               where ka.org_id = objectives.org_id and ka.objective_id = objectives.id) as supports_key_results,
             exists (select 1 from objective_themes ot
                      where ot.org_id = objectives.org_id and ot.objective_id = objectives.id) as serves_theme,
             -- Whether each key result has a live activity, through the index, one key result at
             -- a time: the first one found answers (counting them all cost a fifth of the statement).
             (select coalesce(json_agg(json_build_object('id', k.id, 'title', k.title, 'metric', k.metric,
                       'start', k.start_value, 'target', k.target_value, 'unit', k.unit, 'ownerId', k.owner_id,
                       'hasActionPlan', exists (select 1 from activities act
                          where act.org_id = k.org_id and act.key_result_id = k.id and act.archived_at is null))
                       order by k.position, k.created_at, k.id), '[]')
                from key_results k
               where k.org_id = objectives.org_id and k.objective_id = objectives.id and k.archived_at is null) as key_results,
             objectives.created_at
        from objectives left join accounts person on person.id = objectives.person_id
       where objectives.id = any(array(select id from reach)) and ${live} ${excluded}
    )
    select
      (select coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'level', p.level, 'unit_id', p.unit_id,
                 'person_id', p.person_id, 'kind', p.kind, 'in_cycle', p.in_cycle, 'person_name', p.person_name,
                 'supports', p.supports, 'supports_key_results', p.supports_key_results, 'serves_theme', p.serves_theme,
                 'key_results', p.key_results) order by p.created_at, p.id), '[]')
         from picked p) as objectives,
      -- Only the units that own an objective in the snapshot, and those asked about (a draft's
      -- unit may own nothing yet): the rules judge no other unit, and advice names no other (a
      -- team's advice need not read the organisation's 1,000).
      (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'vision', u.vision, 'mission', u.mission)
                 order by u.name, u.id), '[]')
         from units u
        where u.org_id = ${param('orgId')}::uuid and u.archived_at is null
          and (u.id = any(array(select p.unit_id from picked p where p.unit_id is not null))
               or u.id = any(${param('unitIds')}::uuid[]))) as units`;
}

const snapshotStatement = preparedByShape('coach_snapshot', shapeKey, (q, name, shape: SnapshotShape) =>
  preparedStatement<SnapshotRow>(q, name, snapshotQuery(shape)),
);

async function loadObjectives(
  q: Queryable,
  actor: OrgActor,
  cycle: { id: string; parentId: string | null },
  options: SnapshotOptions,
): Promise<SnapshotRow> {
  const shape: SnapshotShape = {
    everything: readsEverything(actor),
    only: options.only !== undefined,
    parent: cycle.parentId !== null,
    supports: (options.supportIds?.length ?? 0) > 0,
    supportsKeyResults: (options.supportKeyResultIds?.length ?? 0) > 0,
    exclude: Boolean(options.excludeId),
  };
  const [row] = await snapshotStatement(
    q,
    shape,
  )({
    orgId: actor.orgId,
    cycleId: cycle.id,
    ...readerParams(actor),
    // The units asked about are named even when they own nothing yet (a draft's unit).
    unitIds: uuidArrayLiteral(options.only?.unitIds ?? []),
    ...(options.only ? { personIds: uuidArrayLiteral(options.only.personIds) } : {}),
    ...(cycle.parentId ? { parentId: cycle.parentId } : {}),
    ...(shape.supports ? { supportIds: uuidArrayLiteral(options.supportIds ?? []) } : {}),
    ...(shape.supportsKeyResults ? { supportKeyResultIds: uuidArrayLiteral(options.supportKeyResultIds ?? []) } : {}),
    ...(options.excludeId ? { excludeId: options.excludeId } : {}),
  });
  if (!row) throw new Error('the snapshot returned no row');
  return row;
}

/** Key results of the snapshot, found by id: what an objective (or a draft) supports. */
export interface SnapshotKeyResults {
  /** The ones the snapshot holds, in the order given; others (not readable, archived) are left out. */
  resolve(ids: readonly string[]): SupportedKeyResult[];
  /** The objective of a key result the snapshot holds. */
  objectiveOf(id: string): string | undefined;
}

/**
 * The titles of the key results objectives support, read from the snapshot's own key
 * results: an objective that supports a key result supports its objective, so the walk
 * reached that objective, and it is in the snapshot whenever the reader may read it (a key
 * result of an objective the reader may not read is not named). No statement of its own.
 */
function snapshotKeyResults(rows: readonly ObjectiveRow[]): SnapshotKeyResults {
  const byId = new Map<string, { kr: SupportedKeyResult; objectiveId: string }>();
  for (const o of rows) {
    for (const kr of o.key_results)
      byId.set(kr.id, { kr: { id: kr.id, title: kr.title, target: kr.target }, objectiveId: o.id });
  }
  return {
    resolve: (ids) => ids.flatMap((id) => byId.get(id)?.kr ?? []),
    objectiveOf: (id) => byId.get(id)?.objectiveId,
  };
}

/** The coach's snapshot of one cycle of the caller's organisation; another organisation's cycle is not found. */
export async function loadCoachContext(
  deps: { db: Queryable; caches?: AppCaches },
  actor: OrgActor,
  cycleId: string,
  now: Date,
  options: SnapshotOptions = {},
): Promise<CoachContext> {
  // The organisation and the cycle as the server keeps them for every page (caches.ts).
  const org = await loadOrgRow(deps, actor.orgId);
  const cycle = await findOrgCycle(deps, actor.orgId, cycleId);
  const { objectives: objectiveRows, units: unitRows } = await loadObjectives(deps.db, actor, cycle, options);
  const keyResults = snapshotKeyResults(objectiveRows);
  const coachObjectives: CoachObjective[] = objectiveRows.map((o) => ({
    id: o.id,
    title: o.title,
    level: o.level,
    unitId: o.unit_id,
    personId: o.person_id,
    kind: o.kind,
    inCycle: o.in_cycle,
    supports: o.supports,
    supportsKeyResults: keyResults.resolve(o.supports_key_results),
    servesTheme: o.serves_theme,
    keyResults: o.key_results,
  }));
  const personNames = new Map(
    objectiveRows.flatMap((o) => (o.person_id && o.person_name ? [[o.person_id, o.person_name] as const] : [])),
  );
  const settings = effectiveSettings(org.settings);
  return {
    keyResults,
    snapshot: {
      now,
      org: { id: actor.orgId, vision: org.vision, strategy: org.strategy, focus: settings.focus },
      cycle: { id: cycle.id, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
      units: unitRows,
      objectives: coachObjectives,
    },
    cycleClosed: cycle.status === 'closed',
    orgName: org.name,
    disabledRules: settings.coach.disabledRules,
    personNames,
  };
}
