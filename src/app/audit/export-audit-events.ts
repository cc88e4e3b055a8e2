// The audit log as rows for a CSV export: read in keyset batches, so an export of a
// million events holds one batch in memory, and the HTTP answer streams as it is read.
import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import type { AuditFilters } from './audit-filters.ts';
import { selectAuditEvents, type AuditEventView } from './list-audit-events.ts';

export const EXPORT_BATCH = 1000;

/**
 * Checks the caller before anything is sent (so a refusal is still a proper problem
 * answer), then yields the filtered events newest first.
 */
export async function exportAuditEvents(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  filters: AuditFilters,
  batchSize = EXPORT_BATCH,
): Promise<AsyncIterable<AuditEventView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'audit.read')) throw forbidden();
  return (async function* () {
    let before: number | undefined;
    for (;;) {
      const batch = await selectAuditEvents(deps, actor.orgId, filters, before, batchSize);
      yield* batch;
      const last = batch[batch.length - 1];
      if (batch.length < batchSize || !last) return;
      before = last.id;
    }
  })();
}
