// Objectives as the API shows them, read in one statement: each row carries its cycle,
// owner's name, live key results (with their owners' names), what it supports, its
// reflection and both ends of its carry-overs as JSON, and the supporters' figures the
// database keeps on write (migration 0006). Presenting them is then pure work.
import { and, asc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/connect.ts';
import { filtersGiven, param, preparedByShape } from '../../db/prepared-shapes.ts';
import { accounts, cycles, objectives, organizations, units } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import { containsPattern } from '../search/like.ts';
import { readableByParams, readerParams, readsEverything } from './records.ts';
import {
  presentObjective,
  type CarryLink,
  type ShownKeyResult,
  type ObjectiveView,
  type SupportedKeyResult,
  type SupportedObjective,
} from './present.ts';

const person = alias(accounts, 'person');
const carried = alias(objectives, 'carried');
const supported = alias(objectives, 'supported');

/** A key result as json_build_object writes it: what its view shows, the time as text. */
type KeyResultJson = Omit<ShownKeyResult, 'lastCheckInAt'> & { lastCheckInAt: string | null; ownerName: string | null };

/** Which objectives to read; every field narrows the list. */
export interface ObjectiveFilter {
  id?: string;
  ids?: string[];
  cycleId?: string;
  level?: ObjectiveLevel;
  unitId?: string;
  personId?: string;
  /** Only objectives that support this one (directly or through one of its key results). */
  supportsId?: string;
  /** Only objectives that support this key result. */
  supportsKeyResultId?: string;
  /** Only objectives that serve this strategy theme. */
  themeId?: string;
  /** Title contains this text, case-insensitively. */
  q?: string;
  /** After this (createdAt, id), in list order. */
  after?: [string, string];
  includeArchived?: boolean;
  limit?: number;
}

const keyResultsJson = sql<KeyResultJson[]>`(
  select coalesce(json_agg(json_build_object(
      'id', k.id, 'objectiveId', k.objective_id, 'ownerId', k.owner_id, 'title', k.title,
      'metric', k.metric, 'startValue', k.start_value, 'targetValue', k.target_value,
      'currentValue', k.current_value, 'unit', k.unit, 'weight', k.weight, 'confidence', k.confidence,
      'lastCheckInAt', k.last_check_in_at, 'position', k.position, 'finalScore', k.final_score,
      'version', k.version, 'ownerName', ko.name)
      order by k.position, k.created_at, k.id), '[]')
    from key_results k left join accounts ko on ko.id = k.owner_id
   where k.org_id = ${objectives.orgId} and k.objective_id = ${objectives.id} and k.archived_at is null)`;

const supportsJson = sql<string[]>`(
  select coalesce(json_agg(a.supports_id), '[]')
    from alignments a join objectives t on t.id = a.supports_id
   where a.org_id = ${objectives.orgId} and a.objective_id = ${objectives.id} and t.archived_at is null)`;

const supportsKeyResultIdsJson = sql<string[]>`(
  select coalesce(json_agg(ka.key_result_id order by ka.created_at, ka.key_result_id), '[]')
    from key_result_alignments ka join key_results tk on tk.id = ka.key_result_id
   where ka.org_id = ${objectives.orgId} and ka.objective_id = ${objectives.id} and tk.archived_at is null)`;

/**
 * Of the key results the objective supports, the live ones the caller may read (by their
 * objective), with their stored progress, in the order linked.
 */
function supportedKeyResultsJson(everything: boolean): SQL<SupportedKeyResult[]> {
  return sql<SupportedKeyResult[]>`(
    select coalesce(json_agg(json_build_object('id', sk.id, 'title', sk.title, 'objectiveId', sk.objective_id,
           'progress', riktning_kr_progress(sk.metric, sk.start_value, sk.target_value, sk.current_value))
           order by ka.created_at, ka.key_result_id), '[]')
      from key_result_alignments ka join key_results sk on sk.id = ka.key_result_id
      join objectives ${supported} on ${supported.id} = sk.objective_id
     where ka.org_id = ${objectives.orgId} and ka.objective_id = ${objectives.id}
       and sk.archived_at is null and ${supported.archivedAt} is null
       ${everything ? sql`` : sql`and ${readableByParams(supported)}`})`;
}

/** The strategy themes it serves, in the organisation's order of themes. */
const themeIdsJson = sql<string[]>`(
  select coalesce(json_agg(ot.theme_id order by st.position, st.created_at, st.id), '[]')
    from objective_themes ot join strategy_themes st on st.id = ot.theme_id
   where ot.org_id = ${objectives.orgId} and ot.objective_id = ${objectives.id})`;

const reflectionJson = sql<{ wentWell: string; learned: string; changeNext: string; updatedAt: string } | null>`(
  select json_build_object('wentWell', r.went_well, 'learned', r.learned, 'changeNext', r.change_next,
         'updatedAt', r.updated_at)
    from reflections r where r.org_id = ${objectives.orgId} and r.objective_id = ${objectives.id})`;

/** The other ends of carry-overs the caller may read, as [{id, title, cycleId, cycleName}]. */
function carryLinksJson(everything: boolean, link: SQL): SQL<CarryLink[]> {
  return sql<CarryLink[]>`(
    select coalesce(json_agg(json_build_object('id', ${carried.id}, 'title', ${carried.title},
           'cycleId', ${carried.cycleId}, 'cycleName', cc.name) order by ${carried.createdAt}, ${carried.id}), '[]')
      from objectives ${carried} join cycles cc on cc.id = ${carried.cycleId}
     where ${carried.orgId} = ${objectives.orgId} and ${link} and ${carried.archivedAt} is null
       ${everything ? sql`` : sql`and ${readableByParams(carried)}`})`;
}

/**
 * Of what the objective supports, those the caller may read, with their owner's name and
 * stored progress, in the order linked: what a page shows of each link, without reading
 * the supported objectives again.
 */
function supportedJson(everything: boolean): SQL<SupportedObjective[]> {
  return sql<SupportedObjective[]>`(
    select coalesce(json_agg(json_build_object('id', ${supported.id}, 'title', ${supported.title},
           'level', ${supported.level}, 'ownerName', coalesce(su.name, sp.name, so.name),
           'progress', ${supported.progress}) order by a.created_at, a.supports_id), '[]')
      from alignments a join objectives ${supported} on ${supported.id} = a.supports_id
      join organizations so on so.id = ${supported.orgId}
      left join units su on su.id = ${supported.unitId}
      left join accounts sp on sp.id = ${supported.personId}
     where a.org_id = ${objectives.orgId} and a.objective_id = ${objectives.id} and ${supported.archivedAt} is null
       ${everything ? sql`` : sql`and ${readableByParams(supported)}`})`;
}

const FILTERS = {
  id: () => eq(objectives.id, param('id')),
  ids: () => sql`${objectives.id} = any(${param('ids')}::uuid[])`,
  cycleId: () => eq(objectives.cycleId, param('cycleId')),
  level: () => eq(objectives.level, param('level')),
  unitId: () => eq(objectives.unitId, param('unitId')),
  personId: () => eq(objectives.personId, param('personId')),
  supportsId: () =>
    sql`exists (select 1 from alignments s
                 where s.org_id = ${objectives.orgId} and s.objective_id = ${objectives.id} and s.supports_id = ${param('supportsId')})`,
  supportsKeyResultId: () =>
    sql`exists (select 1 from key_result_alignments s
                 where s.org_id = ${objectives.orgId} and s.objective_id = ${objectives.id}
                   and s.key_result_id = ${param('supportsKeyResultId')})`,
  themeId: () =>
    sql`exists (select 1 from objective_themes s
                 where s.org_id = ${objectives.orgId} and s.objective_id = ${objectives.id}
                   and s.theme_id = ${param('themeId')})`,
  q: () => ilike(objectives.title, param('q')),
  after: () =>
    sql`(${objectives.createdAt}, ${objectives.id}) > (${param('afterTime')}::timestamptz, ${param('afterId')}::uuid)`,
} satisfies Record<string, () => SQL>;
type FilterName = keyof typeof FILTERS;

interface Shape {
  filters: FilterName[];
  everything: boolean;
  includeArchived: boolean;
  limited: boolean;
}

/** The statement for one shape of question, prepared once per database (db/prepared-shapes.ts). */
const statementFor = preparedByShape(
  'objective_views',
  ({ filters, everything, includeArchived, limited }: Shape) =>
    `${everything}:${includeArchived}:${limited}:${filters.join(',')}`,
  (q, name, { filters, everything, includeArchived, limited }) => {
    const query = q
      .select({
        objective: objectives,
        cycle: { startsOn: cycles.startsOn, endsOn: cycles.endsOn, status: cycles.status },
        ownerName: sql<string>`coalesce(${units.name}, ${person.name}, ${organizations.name})`,
        keyResults: keyResultsJson,
        supports: supportsJson,
        supportedObjectives: supportedJson(everything),
        supportsKeyResultIds: supportsKeyResultIdsJson,
        supportedKeyResults: supportedKeyResultsJson(everything),
        themeIds: themeIdsJson,
        reflection: reflectionJson,
        carriedFrom: carryLinksJson(everything, sql`${carried.id} = ${objectives.carriedFromId}`),
        carriedTo: carryLinksJson(everything, sql`${carried.carriedFromId} = ${objectives.id}`),
      })
      .from(objectives)
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .innerJoin(organizations, eq(organizations.id, objectives.orgId))
      .leftJoin(units, eq(units.id, objectives.unitId))
      .leftJoin(person, eq(person.id, objectives.personId))
      .where(
        and(
          eq(objectives.orgId, param('orgId')),
          includeArchived ? undefined : isNull(objectives.archivedAt),
          everything ? undefined : readableByParams(objectives),
          ...filters.map((filter) => FILTERS[filter]()),
        ),
      )
      .orderBy(asc(objectives.createdAt), asc(objectives.id));
    return (limited ? query.limit(param('limit')) : query).prepare(name);
  },
);

/** The objectives matching the filter that the actor may read, presented, oldest first. */
export async function loadObjectiveViews(
  q: Queryable,
  actor: OrgActor,
  filter: ObjectiveFilter,
  now: Date,
): Promise<ObjectiveView[]> {
  const everything = readsEverything(actor);
  const filters = filtersGiven(FILTERS, filter);
  const statement = statementFor(q, {
    filters,
    everything,
    includeArchived: filter.includeArchived ?? false,
    limited: filter.limit !== undefined,
  });
  const rows = await statement.execute({
    orgId: actor.orgId,
    ...(everything ? {} : readerParams(actor)),
    id: filter.id,
    ids: filter.ids && `{${filter.ids.join(',')}}`,
    cycleId: filter.cycleId,
    level: filter.level,
    unitId: filter.unitId,
    personId: filter.personId,
    supportsId: filter.supportsId,
    supportsKeyResultId: filter.supportsKeyResultId,
    themeId: filter.themeId,
    q: filter.q === undefined ? undefined : containsPattern(filter.q),
    afterTime: filter.after?.[0],
    afterId: filter.after?.[1],
    limit: filter.limit,
  });
  return rows.map((row) =>
    presentObjective(
      {
        objective: row.objective,
        cycle: row.cycle,
        ownerName: row.ownerName,
        keyResults: row.keyResults.map(({ ownerName, ...kr }) => ({
          kr: { ...kr, lastCheckInAt: kr.lastCheckInAt === null ? null : new Date(kr.lastCheckInAt) },
          ownerName,
        })),
        supports: row.supports,
        supportedObjectives: row.supportedObjectives,
        supportsKeyResultIds: row.supportsKeyResultIds,
        supportedKeyResults: row.supportedKeyResults,
        themeIds: row.themeIds,
        reflection: row.reflection && {
          ...row.reflection,
          updatedAt: new Date(row.reflection.updatedAt).toISOString(),
        },
        carriedFrom: row.carriedFrom[0] ?? null,
        carriedTo: row.carriedTo,
      },
      actor,
      now,
    ),
  );
}
