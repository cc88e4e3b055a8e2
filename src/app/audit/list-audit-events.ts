import { and, desc, eq, lt } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { accounts, auditEvents } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';

export interface AuditEventView {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface ListAuditEventsInput extends PageRequest {
  entityType?: string;
  entityId?: string;
}

/** The organisation's audit log, newest first (admins). */
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
  const rows = await deps.db
    .select({ event: auditEvents, actorName: accounts.name })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.orgId, actor.orgId),
        input.entityType ? eq(auditEvents.entityType, input.entityType) : undefined,
        input.entityId ? eq(auditEvents.entityId, input.entityId) : undefined,
        before === undefined ? undefined : lt(auditEvents.id, before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    ({ event, actorName }) => ({
      id: event.id,
      actorId: event.actorId,
      actorName,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before,
      after: event.after,
      createdAt: event.createdAt.toISOString(),
    }),
    ({ event }) => [event.id],
  );
}
