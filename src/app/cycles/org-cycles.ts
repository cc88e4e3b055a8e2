// An organisation's cycles, which nearly every page reads: the header's cycle switcher, the
// dashboards, alignment health and the coach each need one or all of them. They are a few
// dozen rows that change a few times a year, so the server keeps each organisation's in the
// process for CACHE_SECONDS (caches.ts), with the same discipline as its other caches: every
// write to cycles clears them after its transaction (`forgetCycles`), and a load that
// straddles a clearing is not kept. Writes read and lock their cycle in their transaction
// instead (cycle-rules.ts `findCycle`).
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { cycles } from '../../db/schema.ts';
import type { AppCaches } from '../caches.ts';
import { notFound } from '../errors.ts';
import type { CycleRow } from './cycle-view.ts';

interface CycleDeps {
  db: Queryable;
  caches?: AppCaches;
}

/** The organisation's cycles, latest start first (ties by id, descending): the list's order. */
export async function loadOrgCycles(deps: CycleDeps, orgId: string): Promise<CycleRow[]> {
  const read = () => readOrgCycles(deps.db, orgId);
  if (!deps.caches) return read();
  return (await deps.caches.cycles.get(orgId, read)) ?? read();
}

/** One cycle of the organisation, as the cycle list has it; another organisation's is not found. */
export async function findOrgCycle(deps: CycleDeps, orgId: string, id: string): Promise<CycleRow> {
  const cycle = (await loadOrgCycles(deps, orgId)).find((row) => row.id === id);
  if (!cycle) throw notFound('cycle');
  return cycle;
}

function readOrgCycles(q: Queryable, orgId: string): Promise<CycleRow[]> {
  // Both keys descending, so the (org_id, starts_on, id) index serves the order read backwards.
  return q.select().from(cycles).where(eq(cycles.orgId, orgId)).orderBy(desc(cycles.startsOn), desc(cycles.id));
}
