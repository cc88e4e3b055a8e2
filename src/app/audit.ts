// Audit events are append-only: written in the same transaction as the change they record.
import type { Queryable } from '../db/connect.ts';
import { auditEvents } from '../db/schema.ts';

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

export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.insert(auditEvents).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}
