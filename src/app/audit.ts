// Audit events are append-only: written in the same transaction as the change they record.
import type { Queryable } from '../db/connect.ts';
import { accountAuditEvents, auditEvents } from '../db/schema.ts';

export interface AuditEntry {
  orgId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The objective and unit the change belongs to, so it shows in their activity feeds. */
  objectiveId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * An organisation's event goes to its audit log; one in no organisation (a person's own
 * account) to account_audit_events, since every audit_events row carries its org_id.
 */
export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  const { orgId, objectiveId, unitId, ...event } = entry;
  if (orgId === null) await q.insert(accountAuditEvents).values({ ...event, before, after });
  else await q.insert(auditEvents).values({ ...event, orgId, objectiveId, unitId, before, after });
}
