// What the caller may read of objectives (drafts and private objectives only for their
// owners), as SQL conditions for the statements that read them.
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/connect.ts';
import { objectives } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import { preparedByShape, shapeKey } from '../../db/prepared-shapes.ts';
import { uuidArrayLiteral } from '../../db/raw.ts';

/** The columns readableBy looks at, of the objectives table or an alias of it. */
type ReadableColumns = Record<'level' | 'personId' | 'unitId' | 'visibility' | 'lifecycle', AnyPgColumn>;

/** Owners and admins read every objective, private ones and drafts too. */
export const readsEverything = (actor: OrgActor): boolean => actor.role === 'owner' || actor.role === 'admin';

/** SQL form of core's canRead: admins read all; others public published ones and their own. */
export function readableBy(actor: OrgActor, table: ReadableColumns = objectives): SQL | undefined {
  if (readsEverything(actor)) return undefined;
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
export const readerParams = (actor: OrgActor) => ({
  me: actor.accountId,
  led: uuidArrayLiteral([...actor.ledUnitIds]),
});

const readableObjectiveStatement = preparedByShape(
  'readable_objective',
  shapeKey,
  (q, name, { everything, includeArchived }: { everything: boolean; includeArchived: boolean }) =>
    q
      .select({ id: objectives.id })
      .from(objectives)
      .where(
        and(
          eq(objectives.orgId, sql.placeholder('orgId')),
          eq(objectives.id, sql.placeholder('id')),
          includeArchived ? undefined : isNull(objectives.archivedAt),
          everything ? undefined : readableByParams(objectives),
        ),
      )
      .prepare(name),
);

/**
 * Whether the actor may read the objective (private ones and drafts are restricted), live
 * unless `includeArchived`: one prepared statement, as the guard of the objective page's
 * comments and feed.
 */
export async function isObjectiveReadable(
  q: Queryable,
  actor: OrgActor,
  id: string,
  includeArchived = false,
): Promise<boolean> {
  const everything = readsEverything(actor);
  const rows = await readableObjectiveStatement(q, { everything, includeArchived }).execute({
    orgId: actor.orgId,
    id,
    ...(everything ? {} : readerParams(actor)),
  });
  return rows.length > 0;
}
