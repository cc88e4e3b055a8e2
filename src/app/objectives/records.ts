// The one query that reads objectives with their cycle and owner's name, restricted to
// what the caller may read (drafts and private objectives only for their owners).
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/connect.ts';
import { accounts, cycles, objectives, organizations, units } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import type { ObjectiveRecord } from './present.ts';

const person = alias(accounts, 'person');

/** The columns readableBy looks at, of the objectives table or an alias of it. */
type ReadableColumns = Record<'level' | 'personId' | 'unitId' | 'visibility' | 'lifecycle', AnyPgColumn>;

/** SQL form of core's canRead: admins read all; others public published ones and their own. */
export function readableBy(actor: OrgActor, table: ReadableColumns = objectives): SQL | undefined {
  if (actor.role === 'owner' || actor.role === 'admin') return undefined;
  const led = [...actor.ledUnitIds];
  const own = or(
    and(eq(table.level, 'person'), eq(table.personId, actor.accountId)),
    led.length ? and(eq(table.level, 'unit'), inArray(table.unitId, led)) : undefined,
  );
  return or(and(eq(table.visibility, 'public'), ne(table.lifecycle, 'draft')), own);
}

/**
 * Someone who reads exactly the public published objectives: what every reader without
 * private ones of their own sees, and all that a review shown to a room may show.
 */
export function publicReader(actor: OrgActor): OrgActor {
  return { ...actor, role: 'member', accountId: '00000000-0000-0000-0000-000000000000', ledUnitIds: new Set() };
}

/**
 * readableBy with the caller as the placeholders `me` (account id) and `led` (a uuid[]
 * literal of the led units), so that one prepared statement serves every caller.
 */
export function readableByParams(table: ReadableColumns = objectives): SQL {
  return sql`((${table.visibility} = 'public' and ${table.lifecycle} <> 'draft')
    or (${table.level} = 'person' and ${table.personId} = ${sql.placeholder('me')})
    or (${table.level} = 'unit' and ${table.unitId} = any(${sql.placeholder('led')}::uuid[])))`;
}

/** The values of readableByParams's placeholders for an actor. */
export const readerParams = (actor: OrgActor) => ({ me: actor.accountId, led: `{${[...actor.ledUnitIds].join(',')}}` });

export async function selectObjectiveRecords(
  q: Queryable,
  actor: OrgActor,
  conditions: (SQL | undefined)[],
  options: { limit?: number; includeArchived?: boolean } = {},
): Promise<ObjectiveRecord[]> {
  const query = q
    .select({
      objective: objectives,
      cycle: { startsOn: cycles.startsOn, endsOn: cycles.endsOn, status: cycles.status },
      ownerName: sql<string>`coalesce(${units.name}, ${person.name}, ${organizations.name})`,
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
    .orderBy(objectives.createdAt, objectives.id);
  return options.limit === undefined ? query : query.limit(options.limit);
}
