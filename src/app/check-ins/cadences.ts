// The check-in cadence of every key result: its objective's unit's (or that unit's nearest
// ancestor's) when set, else the organisation's. Resolved for the whole tree at once (about
// a thousand units at most), then applied per row in code or, for set-based queries, as one
// SQL expression, so no query runs per key result.
//
// The server keeps each organisation's cadences for CACHE_SECONDS beside its other caches
// (caches.ts), with the same discipline: the writes that change them — the organisation's
// settings, a unit created, moved, given a cadence, archived or restored — clear them after
// their transaction (`forgetCadences` in caches.ts), and a load that straddles a clearing is not kept.
// Another server process sees such a change within CACHE_SECONDS.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { effectiveCadences } from '../../core/cadence.ts';
import type { Queryable } from '../../db/connect.ts';
import { organizations, units } from '../../db/schema.ts';
import type { AppCaches } from '../caches.ts';
import { DEFAULT_SETTINGS } from '../orgs/org-view.ts';

export interface Cadences {
  orgDays: number;
  /** Units whose effective cadence differs from the organisation's. */
  byUnit: ReadonlyMap<string, number>;
}

/** The organisation's cadences: from the process's cache when `caches` is given (the server's). */
export async function loadCadences(q: Queryable, orgId: string, caches?: AppCaches): Promise<Cadences> {
  if (!caches) return readCadences(q, orgId);
  return (await caches.cadences.get(orgId, () => readCadences(q, orgId))) ?? readCadences(q, orgId);
}

async function readCadences(q: Queryable, orgId: string): Promise<Cadences> {
  const [org] = await q
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const orgDays = org?.settings.checkInCadenceDays ?? DEFAULT_SETTINGS.checkInCadenceDays;
  const rows = await q
    .select({ id: units.id, parentId: units.parentId, cadenceDays: units.checkInCadenceDays })
    .from(units)
    .where(and(eq(units.orgId, orgId), isNull(units.archivedAt)));
  return { orgDays, byUnit: effectiveCadences(rows, orgDays) };
}

/** The cadence in days for an objective owned by this unit (null: the organisation or a person). */
export function cadenceFor(cadences: Cadences, unitId: string | null): number {
  return (unitId && cadences.byUnit.get(unitId)) || cadences.orgDays;
}

/** The same as `cadenceFor`, as an SQL expression over a unit id column. */
export function cadenceDaysSql(cadences: Cadences, unitId: AnyPgColumn | SQL): SQL<number> {
  if (cadences.byUnit.size === 0) return sql<number>`${cadences.orgDays}::int`;
  return cadenceLookup(sql`${unitCadenceTable(cadences)}`, sql`${cadences.orgDays}`, unitId);
}

const unitCadenceTable = (cadences: Cadences) => JSON.stringify(Object.fromEntries(cadences.byUnit));

/** A unit's cadence from `table` (a JSON object of unit id → days), else `orgDays`. */
const cadenceLookup = (table: SQL, orgDays: SQL, unitId: AnyPgColumn | SQL) =>
  sql<number>`coalesce((${table}::jsonb ->> ${unitId}::text)::int, ${orgDays}::int)`;

interface DueColumns {
  lastCheckInAt: AnyPgColumn;
  createdAt: AnyPgColumn;
  unitId: AnyPgColumn | SQL;
  doneAt: AnyPgColumn;
}

const dueCondition = (columns: DueColumns, cadenceDays: SQL, now: SQL) =>
  sql<boolean>`${columns.doneAt} is null and coalesce(${columns.lastCheckInAt}, ${columns.createdAt}) <= ${now}::timestamptz - ${cadenceDays} * interval '1 day'`;

/**
 * True where a key result is due for a check-in at `now` (see core/check-in-due.ts): its
 * objective is not marked done, and no check-in within its cadence, counting from its
 * creation when it has none.
 */
export function isDueSql(cadences: Cadences, columns: DueColumns, now: Date): SQL<boolean> {
  return dueCondition(columns, cadenceDaysSql(cadences, columns.unitId), sql`${now.toISOString()}`);
}

/**
 * `isDueSql` for a statement prepared once: the cadences and the time are its placeholders
 * `unitCadences`, `orgCadenceDays` and `now`, whose values `dueParams` gives.
 */
export const isDueByParams = (columns: DueColumns): SQL<boolean> =>
  dueCondition(
    columns,
    cadenceLookup(sql`${sql.placeholder('unitCadences')}`, sql`${sql.placeholder('orgCadenceDays')}`, columns.unitId),
    sql`${sql.placeholder('now')}`,
  );

/** The values of `isDueByParams`'s placeholders. */
export const dueParams = (cadences: Cadences, now: Date) => ({
  unitCadences: unitCadenceTable(cadences),
  orgCadenceDays: cadences.orgDays,
  now: now.toISOString(),
});
