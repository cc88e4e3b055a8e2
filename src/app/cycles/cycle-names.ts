// No two cycles of an organisation share a name: the header, the forms and the map pick a
// cycle by its name, and two called "2027" split the year's objectives between them.
// Callers take their turn in the organisation first (org-lock.ts), so two requests cannot
// both find a name free.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { cycles } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

/** The same name, ignoring case and surrounding space. */
const sameName = (name: string) => sql`lower(btrim(${cycles.name})) = lower(btrim(${name}))`;

/** A name as the check compares it (JavaScript's side of sameName). */
export const sameCycleName = (name: string): string => name.trim().toLowerCase();

export async function assertCycleNameFree(
  q: Queryable,
  orgId: string,
  name: string,
  field: string,
  selfId?: string,
): Promise<void> {
  const [taken] = await q
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), sameName(name), selfId ? ne(cycles.id, selfId) : undefined))
    .limit(1);
  if (taken) throw new AppError('conflict', 'cycle_name_taken', { name: name.trim() }, [{ field, key: 'invalid' }]);
}
