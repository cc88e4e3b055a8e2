// Checks that ids named in a request belong to the caller's organisation, so a bad id is
// a clear 422 naming the field rather than a foreign-key error (or a cross-tenant link).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { cycles, memberships, units } from '../db/schema.ts';
import { invalid } from './errors.ts';
import { isUuid } from './scope.ts';

export async function assertCycleInOrg(q: Queryable, orgId: string, cycleId: string, field: string) {
  const [row] = await q
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)));
  if (!row) throw invalid(field, 'unknown_reference');
  return row;
}

/** A live unit of the organisation, with its name; else a 422 naming `field` with `code`. */
export async function assertUnitInOrg(
  q: Queryable,
  orgId: string,
  unitId: string,
  field: string,
  code = 'unknown_reference',
): Promise<{ id: string; name: string }> {
  const [row] = isUuid(unitId)
    ? await q
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.orgId, orgId), eq(units.id, unitId), isNull(units.archivedAt)))
    : [];
  if (!row) throw invalid(field, code);
  return row;
}

/**
 * Every id must be a member of the organisation whose membership is on (not switched off
 * by provisioning); `fields` names each id's place in the request.
 */
export async function assertMembers(q: Queryable, orgId: string, people: { id: string; field: string }[]) {
  if (people.length === 0) return;
  const ids = [...new Set(people.map((p) => p.id))];
  const rows = await q
    .select({ id: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.accountId, ids), isNull(memberships.deactivatedAt)));
  const found = new Set(rows.map((r) => r.id));
  const missing = people.find((p) => !found.has(p.id));
  if (missing) throw invalid(missing.field, 'not_a_member');
}
