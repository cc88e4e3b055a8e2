// Objectives as the API shows them, read in one statement: each row carries its cycle,
// owner's name, live key results (with their owners' names), what it supports, its
// reflection and both ends of its carry-overs as JSON, and the supporters' figures the
// database keeps on write (migration 0006). Presenting them is then pure work.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/connect.ts';
import { accounts, cycles, objectives, organizations, units } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import type { KeyResultRow } from './owner-context.ts';
import { presentObjective, type CarryLink, type ObjectiveView } from './present.ts';
import { readableBy } from './records.ts';

const person = alias(accounts, 'person');
const carried = alias(objectives, 'carried');

/** A key result as json_build_object writes it: the row's fields, times as text. */
type KeyResultJson = Omit<KeyResultRow, 'lastCheckInAt' | 'archivedAt' | 'createdAt' | 'updatedAt'> & {
  lastCheckInAt: string | null;
  createdAt: string;
  updatedAt: string;
  ownerName: string | null;
};

export interface ObjectiveViewsOptions {
  limit?: number;
  includeArchived?: boolean;
}

const keyResultsJson = sql<KeyResultJson[]>`(
  select coalesce(json_agg(json_build_object(
      'id', k.id, 'orgId', k.org_id, 'objectiveId', k.objective_id, 'ownerId', k.owner_id, 'title', k.title,
      'metric', k.metric, 'startValue', k.start_value, 'targetValue', k.target_value,
      'currentValue', k.current_value, 'unit', k.unit, 'weight', k.weight, 'confidence', k.confidence,
      'lastCheckInAt', k.last_check_in_at, 'position', k.position, 'finalScore', k.final_score,
      'version', k.version, 'createdAt', k.created_at, 'updatedAt', k.updated_at, 'ownerName', ko.name)
      order by k.position, k.created_at, k.id), '[]')
    from key_results k left join accounts ko on ko.id = k.owner_id
   where k.org_id = ${objectives.orgId} and k.objective_id = ${objectives.id} and k.archived_at is null)`;

const supportsJson = sql<string[]>`(
  select coalesce(json_agg(a.supports_id), '[]')
    from alignments a join objectives t on t.id = a.supports_id
   where a.org_id = ${objectives.orgId} and a.objective_id = ${objectives.id} and t.archived_at is null)`;

const reflectionJson = sql<{ wentWell: string; learned: string; changeNext: string; updatedAt: string } | null>`(
  select json_build_object('wentWell', r.went_well, 'learned', r.learned, 'changeNext', r.change_next,
         'updatedAt', r.updated_at)
    from reflections r where r.org_id = ${objectives.orgId} and r.objective_id = ${objectives.id})`;

/** The other ends of carry-overs the actor may read, as [{id, title, cycleId, cycleName}]. */
function carryLinksJson(actor: OrgActor, link: SQL): SQL<CarryLink[]> {
  return sql<CarryLink[]>`(
    select coalesce(json_agg(json_build_object('id', ${carried.id}, 'title', ${carried.title},
           'cycleId', ${carried.cycleId}, 'cycleName', cc.name) order by ${carried.createdAt}, ${carried.id}), '[]')
      from objectives ${carried} join cycles cc on cc.id = ${carried.cycleId}
     where ${carried.orgId} = ${objectives.orgId} and ${link} and ${carried.archivedAt} is null
       ${readableBy(actor, carried) ? sql`and ${readableBy(actor, carried)}` : sql``})`;
}

/** The objectives matching the conditions that the actor may read, presented, oldest first. */
export async function loadObjectiveViews(
  q: Queryable,
  actor: OrgActor,
  conditions: (SQL | undefined)[],
  now: Date,
  options: ObjectiveViewsOptions = {},
): Promise<ObjectiveView[]> {
  const query = q
    .select({
      objective: objectives,
      cycle: { startsOn: cycles.startsOn, endsOn: cycles.endsOn, status: cycles.status },
      ownerName: sql<string>`coalesce(${units.name}, ${person.name}, ${organizations.name})`,
      keyResults: keyResultsJson,
      supports: supportsJson,
      reflection: reflectionJson,
      carriedFrom: carryLinksJson(actor, sql`${carried.id} = ${objectives.carriedFromId}`),
      carriedTo: carryLinksJson(actor, sql`${carried.carriedFromId} = ${objectives.id}`),
    })
    .from(objectives)
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .innerJoin(organizations, eq(organizations.id, objectives.orgId))
    .leftJoin(units, eq(units.id, objectives.unitId))
    .leftJoin(person, eq(person.id, objectives.personId))
    .where(
      and(
        eq(objectives.orgId, actor.orgId),
        options.includeArchived ? undefined : isNull(objectives.archivedAt),
        readableBy(actor),
        ...conditions,
      ),
    )
    .orderBy(asc(objectives.createdAt), asc(objectives.id));
  const rows = options.limit === undefined ? await query : await query.limit(options.limit);
  return rows.map((row) =>
    presentObjective(
      {
        objective: row.objective,
        cycle: row.cycle,
        ownerName: row.ownerName,
        keyResults: row.keyResults.map(({ ownerName, ...kr }) => ({
          kr: {
            ...kr,
            lastCheckInAt: kr.lastCheckInAt === null ? null : new Date(kr.lastCheckInAt),
            archivedAt: null,
            createdAt: new Date(kr.createdAt),
            updatedAt: new Date(kr.updatedAt),
          },
          ownerName,
        })),
        supports: row.supports,
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
