import { and, desc, eq, lt } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { accounts, auditEvents } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { auditConditions, type AuditFilters } from './audit-filters.ts';
import { literalLimit } from '../../db/raw.ts';

export interface AuditEventView {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  objectiveId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export type ListAuditEventsInput = PageRequest & AuditFilters;

/** One page of events, newest first, strictly before the event `beforeId`. */
export async function selectAuditEvents(
  deps: AppDeps,
  orgId: string,
  filters: AuditFilters,
  beforeId: number | undefined,
  limit: number,
): Promise<AuditEventView[]> {
  const rows = await deps.db
    .select({ event: auditEvents, actorName: accounts.name })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .where(and(auditConditions(orgId, filters), beforeId === undefined ? undefined : lt(auditEvents.id, beforeId)))
    .orderBy(desc(auditEvents.id))
    .limit(literalLimit(limit));
  return rows.map(({ event, actorName }) => ({
    id: event.id,
    actorId: event.actorId,
    actorName,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    objectiveId: event.objectiveId,
    unitId: event.unitId,
    before: event.before,
    after: event.after,
    createdAt: event.createdAt.toISOString(),
  }));
}

/** The organisation's audit log, newest first, filtered (admins). */
export async function listAuditEvents(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListAuditEventsInput,
): Promise<Page<AuditEventView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'audit.read')) throw forbidden();
  const limit = pageSize(input);
  const before = input.cursor ? (decodeCursor(input.cursor, ['number'])[0] as number) : undefined;
  const rows = await selectAuditEvents(deps, actor.orgId, input, before, limit + 1);
  return toPage(
    rows,
    limit,
    (row) => row,
    (row) => [row.id],
  );
}
