import { eq } from 'drizzle-orm';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, cycles } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import { loadKeyResult } from '../objectives/owner-context.ts';
import { presentKeyResult, type KeyResultView } from '../objectives/present.ts';
import { notFound } from '../errors.ts';

export async function viewKeyResult(q: Queryable, actor: OrgActor, id: string, now: Date): Promise<KeyResultView> {
  const { keyResult, objective, policy } = await loadKeyResult(q, actor.orgId, id);
  const [cycle] = await q.select().from(cycles).where(eq(cycles.id, objective.cycleId));
  const [owner] = keyResult.ownerId
    ? await q.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, keyResult.ownerId))
    : [];
  if (!cycle) throw notFound('keyResult');
  const { start, end } = cycleBounds(cycle);
  return presentKeyResult(keyResult, owner?.name ?? null, expectedProgress(start, end, now), actor, policy);
}
