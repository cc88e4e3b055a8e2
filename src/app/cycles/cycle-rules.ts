// A cycle runs from its start to its end date, and a cycle within another (a quarter in
// a year) lies inside its parent's dates. Dates are ISO strings, which sort as dates.
import { and, eq, max, min } from 'drizzle-orm';
import { isWithinTree } from '../tree.ts';
import type { Queryable } from '../../db/connect.ts';
import { cycles } from '../../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { isUuid } from '../scope.ts';
import type { CycleRow } from './cycle-view.ts';

const MAX_DEPTH = 100;

export async function findCycle(q: Queryable, orgId: string, id: string, lock = false): Promise<CycleRow> {
  if (!isUuid(id)) throw notFound('cycle');
  const query = q
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, id), eq(cycles.orgId, orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('cycle');
  return row;
}

/** The error names the end date, unless only the start date was changed. */
export function assertDatesOrdered(startsOn: string, endsOn: string, startChangedAlone = false): void {
  if (endsOn >= startsOn) return;
  throw startChangedAlone
    ? invalid('/body/startsOn', 'starts_after_end')
    : invalid('/body/endsOn', 'ends_before_start');
}

export interface ParentCheck {
  /** The cycle being changed, when it already exists. */
  selfId?: string;
  /** The parent was named in this request (else only the dates moved). */
  parentGiven: boolean;
}

/**
 * The parent must be a cycle of the same organisation, not the cycle itself or one within
 * it, and must contain the dates. Its row stays share-locked, so its dates cannot shrink
 * under the new child before this commits.
 */
export async function assertUsableParent(
  q: Queryable,
  orgId: string,
  parentId: string,
  dates: { startsOn: string; endsOn: string },
  check: ParentCheck,
): Promise<void> {
  const [parent] = isUuid(parentId)
    ? await q
        .select()
        .from(cycles)
        .where(and(eq(cycles.id, parentId), eq(cycles.orgId, orgId)))
        .for('share')
    : [];
  if (!parent) throw invalid('/body/parentId', 'unknown_reference');
  if (check.selfId && (await isWithinTree(q, 'cycle', orgId, check.selfId, parentId, MAX_DEPTH)))
    throw invalid('/body/parentId', 'cycle_loop');
  const span = { startsOn: parent.startsOn, endsOn: parent.endsOn };
  const startsOutside = dates.startsOn < parent.startsOn;
  if (!startsOutside && dates.endsOn <= parent.endsOn) return;
  if (check.parentGiven) throw invalid('/body/parentId', 'parent_cycle_too_short', span);
  throw invalid(startsOutside ? '/body/startsOn' : '/body/endsOn', 'outside_parent_cycle', span);
}

/** New dates of a cycle must still contain the cycles within it. */
export async function assertContainsChildren(
  q: Queryable,
  orgId: string,
  cycleId: string,
  dates: { startsOn: string; endsOn: string },
): Promise<void> {
  const [span] = await q
    .select({ first: min(cycles.startsOn), last: max(cycles.endsOn) })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.parentId, cycleId)));
  if (span?.first && span.first < dates.startsOn)
    throw invalid('/body/startsOn', 'cycle_children_outside', { date: span.first });
  if (span?.last && span.last > dates.endsOn)
    throw invalid('/body/endsOn', 'cycle_children_outside', { date: span.last });
}
