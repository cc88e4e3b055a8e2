// The audit log's filters, shared by the paged list and the CSV export.
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.ts';

export interface AuditFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Events at or after this instant (ISO 8601). */
  from?: string;
  /** Events before this instant (ISO 8601): `from`–`to` of consecutive ranges never overlap. */
  to?: string;
}

/**
 * Every filter is an equality on a column that follows `org_id` in one of the log's
 * indexes, or a time range; the list is ordered by id, which grows with time.
 */
export function auditConditions(orgId: string, filters: AuditFilters): SQL | undefined {
  return and(
    eq(auditEvents.orgId, orgId),
    filters.actorId ? eq(auditEvents.actorId, filters.actorId) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.entityType ? eq(auditEvents.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditEvents.entityId, filters.entityId) : undefined,
    filters.from ? gte(auditEvents.createdAt, new Date(filters.from)) : undefined,
    filters.to ? lt(auditEvents.createdAt, new Date(filters.to)) : undefined,
  );
}
