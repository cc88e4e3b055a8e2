// The activity feed of an organisation, a unit or an objective: the feed-worthy events of
// the audit log, newest first. One query per page: the objective, key result, unit and
// actor are joined, and events about an objective the caller may not read (private ones,
// drafts) are filtered out in the same statement, with the objectives' own read rule. The
// statement is prepared once per shape of question (db/prepared-shapes.ts): planning its
// five joins took longer than running it.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/pg-core';
import { FEED_ACTIONS, feedDetails, type FeedAction, type FeedDetails } from '../../core/feed.ts';
import { accounts, auditEvents, comments, keyResults, objectives, units } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorInOrg, orgOfResource } from '../scope.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { isObjectiveReadable, readableByParams, readerParams, readsEverything } from '../objectives/records.ts';
import { param, preparedByShape } from '../../db/prepared-shapes.ts';
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

export interface FeedShape {
  /** The caller reads every objective (an admin): no read rule in the statement. */
  everything: boolean;
  objective: boolean;
  unit: boolean;
  cursor: boolean;
  /** Rows to fetch: written into the statement, so that its plan knows how few are wanted. */
  rows: number;
}

/** Builds the page of events, a part of the feed's one statement rather than one of its own. */
const part = new QueryBuilder();

/** The objectives an event's read rule looks at, apart from the ones its title is read from. */
const ruled = alias(objectives, 'ruled');

/**
 * One page of the feed, for one shape of question, unprepared. The page of events is chosen
 * first and only its rows are looked up in the other tables. Joined to the whole log, the
 * lookups expected as many rows as the organisation's log holds (a generic plan knows no
 * limit below them), and PostgreSQL sized a cache (Memoize) for each to match at every
 * execution: 11 ms of an organisation feed's 14, 150 instead of 2,300 answers a second.
 */
export function feedQuery(q: Queryable, shape: FeedShape) {
  const page = part
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      objectiveId: auditEvents.objectiveId,
      unitId: auditEvents.unitId,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .$dynamic();
  // Events about no objective, or about one the caller may read.
  const readable = shape.everything ? page : page.leftJoin(ruled, eq(ruled.id, auditEvents.objectiveId));
  const events = readable
    .where(
      and(
        eq(auditEvents.orgId, param('orgId')),
        inArray(auditEvents.action, [...FEED_ACTIONS]),
        shape.objective ? eq(auditEvents.objectiveId, param('objectiveId')) : undefined,
        shape.unit ? eq(auditEvents.unitId, param('unitId')) : undefined,
        shape.everything ? undefined : or(isNull(auditEvents.objectiveId), readableByParams(ruled)),
        shape.cursor ? lt(auditEvents.id, param('before')) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(literalLimit(shape.rows))
    .as('events');
  return (
    q
      .select({
        event: {
          id: events.id,
          action: events.action,
          actorId: events.actorId,
          before: events.before,
          after: events.after,
          createdAt: events.createdAt,
        },
        actorName: accounts.name,
        objective: { id: objectives.id, title: objectives.title, archivedAt: objectives.archivedAt },
        keyResult: { id: keyResults.id, title: keyResults.title },
        unit: { id: units.id, name: units.name },
        comment: { body: comments.body, deletedAt: comments.deletedAt },
      })
      .from(events)
      .leftJoin(accounts, eq(accounts.id, events.actorId))
      .leftJoin(objectives, eq(objectives.id, events.objectiveId))
      // Only key-result events name a key result by entity id; the case keeps other ids
      // (not all of them uuids) from being cast, and lets the join use the primary key.
      .leftJoin(
        keyResults,
        sql`${keyResults.id} = case when ${events.entityType} = 'keyResult' then ${events.entityId}::uuid end`,
      )
      .leftJoin(units, eq(units.id, events.unitId))
      // A comment is quoted as it reads now: edited text, or nothing once removed.
      .leftJoin(
        comments,
        sql`${comments.id} = case when ${events.entityType} = 'comment' then ${events.entityId}::uuid end`,
      )
      .orderBy(desc(events.id))
  );
}

/** One page of the feed, for one shape of question, prepared once per database. */
const feedStatement = preparedByShape(
  'feed',
  (shape: FeedShape) => `${shape.everything}:${shape.objective}:${shape.unit}:${shape.cursor}:${shape.rows}`,
  (q, name, shape) => feedQuery(q, shape).prepare(name),
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
    const includeArchived = readsEverything(actor);
    if (!(await isObjectiveReadable(db, actor, input.objectiveId, includeArchived))) throw notFound('objective');
  }
  if (input.unitId && (await orgOfResource(db, caller, 'unit', input.unitId)) !== actor.orgId) throw notFound('unit');
  const limit = pageSize(input);
  const before = input.cursor ? (decodeCursor(input.cursor, ['number'])[0] as number) : undefined;
  const everything = readsEverything(actor);
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
