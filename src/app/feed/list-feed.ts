// The activity feed of an organisation, a unit or an objective: the feed-worthy events of
// the audit log, newest first. One query per page: the objective, key result, unit and
// actor are joined, and events about an objective the caller may not read (private ones,
// drafts) are filtered out in the same statement, with the objectives' own read rule.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { FEED_ACTIONS, feedDetails, type FeedAction, type FeedDetails } from '../../core/feed.ts';
import { accounts, auditEvents, comments, keyResults, objectives, units } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { readableBy, selectObjectiveRecords } from '../objectives/records.ts';

export interface FeedItemView {
  id: number;
  action: FeedAction;
  actorId: string | null;
  actorName: string | null;
  objective: { id: string; title: string; archived: boolean } | null;
  keyResult: { id: string; title: string } | null;
  unit: { id: string; name: string } | null;
  details: FeedDetails;
  createdAt: string;
}

export interface ListFeedInput extends PageRequest {
  unitId?: string;
  objectiveId?: string;
}

/** Events about no objective, or about one the actor may read (admins read all). */
function readableEvents(actor: OrgActor) {
  const readable = readableBy(actor);
  return readable === undefined ? undefined : or(isNull(auditEvents.objectiveId), readable);
}

export async function listFeed(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListFeedInput,
): Promise<Page<FeedItemView>> {
  const db = deps.db;
  const actor = await actorInOrg(db, caller, orgId);
  if (input.objectiveId) {
    // As on the objective's page: archived ones only for those who may restore them.
    const includeArchived = actor.role === 'owner' || actor.role === 'admin';
    const found = await selectObjectiveRecords(db, actor, [eq(objectives.id, input.objectiveId)], {
      limit: 1,
      includeArchived,
    });
    if (found.length === 0) throw notFound('objective');
  }
  if (input.unitId) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, actor.orgId), eq(units.id, input.unitId)));
    if (!unit) throw notFound('unit');
  }
  const limit = pageSize(input);
  const before = input.cursor ? (decodeCursor(input.cursor, ['number'])[0] as number) : undefined;
  const rows = await db
    .select({
      event: {
        id: auditEvents.id,
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        before: auditEvents.before,
        after: auditEvents.after,
        createdAt: auditEvents.createdAt,
      },
      actorName: accounts.name,
      objective: { id: objectives.id, title: objectives.title, archivedAt: objectives.archivedAt },
      keyResult: { id: keyResults.id, title: keyResults.title },
      unit: { id: units.id, name: units.name },
      comment: { body: comments.body, deletedAt: comments.deletedAt },
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .leftJoin(objectives, eq(objectives.id, auditEvents.objectiveId))
    // Only key-result events name a key result by entity id; the case keeps other ids
    // (not all of them uuids) from being cast, and lets the join use the primary key.
    .leftJoin(
      keyResults,
      sql`${keyResults.id} = case when ${auditEvents.entityType} = 'keyResult' then ${auditEvents.entityId}::uuid end`,
    )
    .leftJoin(units, eq(units.id, auditEvents.unitId))
    // A comment is quoted as it reads now: edited text, or nothing once removed.
    .leftJoin(
      comments,
      sql`${comments.id} = case when ${auditEvents.entityType} = 'comment' then ${auditEvents.entityId}::uuid end`,
    )
    .where(
      and(
        eq(auditEvents.orgId, actor.orgId),
        inArray(auditEvents.action, [...FEED_ACTIONS]),
        input.objectiveId ? eq(auditEvents.objectiveId, input.objectiveId) : undefined,
        input.unitId ? eq(auditEvents.unitId, input.unitId) : undefined,
        readableEvents(actor),
        before === undefined ? undefined : lt(auditEvents.id, before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => ({
      id: row.event.id,
      action: row.event.action as FeedAction,
      actorId: row.event.actorId,
      actorName: row.actorName,
      objective: row.objective
        ? { id: row.objective.id, title: row.objective.title, archived: row.objective.archivedAt !== null }
        : null,
      keyResult: row.keyResult,
      unit: row.unit,
      details: feedDetails(
        row.event.action,
        row.event.before,
        row.event.after,
        row.comment && { body: row.comment.body, removed: row.comment.deletedAt !== null },
      ),
      createdAt: row.event.createdAt.toISOString(),
    }),
    (row) => [row.event.id],
  );
}
