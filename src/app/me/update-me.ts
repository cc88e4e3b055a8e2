import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { accounts } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { getMe, type MeView } from './get-me.ts';
import { forgetCallers } from '../caches.ts';

export interface UpdateMeInput {
  name?: string;
  locale?: Locale;
}

export async function updateMe(deps: AppDeps, caller: Caller, version: number, input: UpdateMeInput): Promise<MeView> {
  return inTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ ...input, ...(input.name ? { name: input.name.trim() } : {}), version: sql`${accounts.version} + 1` })
      .where(and(eq(accounts.id, caller.accountId), eq(accounts.version, version)))
      .returning({ id: accounts.id });
    if (!row) throw new AppError('precondition_failed', 'precondition_failed');
    await recordAudit(tx, {
      orgId: null,
      actorId: caller.accountId,
      action: 'account.update',
      entityType: 'account',
      entityId: caller.accountId,
      after: input,
    });
    return getMe({ db: tx }, caller);
  }).finally(() => forgetCallers(deps));
}
