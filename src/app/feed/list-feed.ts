// The activity feed of an organisation, a unit or an objective: the feed-worthy events of
// the audit log, newest first. One query per page: the objective, key result, unit and
// actor are joined, and events about an objective the caller may not read (private ones,
// drafts) are filtered out in the same statement, with the objectives' own read rule. The
// statement is prepared once per shape of question (db/prepared-shapes.ts): planning its
// five joins took longer than running it.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { FEED_ACTIONS, feedDetails, type FeedAction, type FeedDetails } from '../../core/feed.ts';
import { accounts, auditEvents, comments, keyResults, objectives, units } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorInOrg, orgOfResource } from '../scope.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { readableByParams, readerParams, selectObjectiveRecords } from '../objectives/records.ts';
import { preparedByShape } from '../../db/prepared-shapes.ts';
import { literalLimit } from '../../db/raw.ts';

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

interface Shape {
  /** The caller reads every objective (an admin): no read rule in the statement. */
  everything: boolean;
  objective: boolean;
  unit: boolean;
  cursor: boolean;
  /** Rows to fetch: written into the statement, so that its plan knows how few are wanted. */
  rows: number;
}

const p = (name: string) => sql.placeholder(name);

/** One page of the feed, for one shape of question, prepared once per database. */
const feedStatement = preparedByShape(
  'feed',
  (shape: Shape) => `${shape.everything}:${shape.objective}:${shape.unit}:${shape.cursor}:${shape.rows}`,
  (q, name, shape) =>
    q
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
          eq(auditEvents.orgId, p('orgId')),
          inArray(auditEvents.action, [...FEED_ACTIONS]),
          shape.objective ? eq(auditEvents.objectiveId, p('objectiveId')) : undefined,
          shape.unit ? eq(auditEvents.unitId, p('unitId')) : undefined,
          // Events about no objective, or about one the caller may read.
          shape.everything ? undefined : or(isNull(auditEvents.objectiveId), readableByParams()),
          shape.cursor ? lt(auditEvents.id, p('before')) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(literalLimit(shape.rows))
      .prepare(name),
);

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
  if (input.unitId && (await orgOfResource(db, caller, 'unit', input.unitId)) !== actor.orgId) throw notFound('unit');
  const limit = pageSize(input);
  const before = input.cursor ? (decodeCursor(input.cursor, ['number'])[0] as number) : undefined;
  const everything = actor.role === 'owner' || actor.role === 'admin';
  const statement = feedStatement(db, {
    everything,
    objective: input.objectiveId !== undefined,
    unit: input.unitId !== undefined,
    cursor: before !== undefined,
    rows: limit + 1,
  });
  const rows = await statement.execute({
    orgId: actor.orgId,
    objectiveId: input.objectiveId,
    unitId: input.unitId,
    before,
    ...(everything ? {} : readerParams(actor)),
  });
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
