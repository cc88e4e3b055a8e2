// The one way check-ins are written, for one key result or a whole week's worth: the key
// results are locked in one statement, each is authorised like a single check-in, and the
// check-ins, the key results' copies of their latest check-in and the audit events are each
// written in one statement, so a batch of fifty costs what a batch of one does.
import { and, eq, sql } from 'drizzle-orm';
import { correctableUntil, correctionRefusal } from '../../core/check-in-correction.ts';
import { can, type PolicyObject } from '../../core/policy.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import type { Queryable, Tx } from '../../db/connect.ts';
import { namedStatement, uuidArrayLiteral } from '../../db/raw.ts';
import type { checkIns } from '../../db/schema.ts';
import { keyResults } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { presentKeyResult, type KeyResultView } from '../objectives/present.ts';
import { isUuid, type OrgActor } from '../scope.ts';
import { authorNameField, selectKeyResultsInContext } from '../key-results/in-context.ts';
import { grantParameters, writeIfGranted } from './granted-check-in.ts';

export interface CheckInInput {
  value: number;
  confidence: number;
  note?: string;
  /** The note names a blocker (something that stops progress). */
  blocker?: boolean;
}

export interface CheckInItem extends CheckInInput {
  keyResultId: string;
}

export interface CheckInView {
  id: string;
  keyResultId: string;
  authorId: string | null;
  authorName: string | null;
  value: number;
  confidence: number;
  note: string;
  blocker: boolean;
  createdAt: string;
  version: number;
  /** When its author last corrected it; null if never. */
  correctedAt: string | null;
  /** Until when its author may correct or remove it (core/check-in-correction.ts). */
  correctableUntil: string;
  abilities: { 'checkIn.correct': boolean };
}

export type RecordedCheckIn = CheckInView & { keyResult: KeyResultView };

type CheckInRow = typeof checkIns.$inferSelect;

/** The check-in as the actor sees it at `now`; `policy` is its key result's. */
export function presentCheckIn(
  row: CheckInRow,
  authorName: string | null,
  actor: OrgActor,
  policy: PolicyObject,
  now: Date,
): CheckInView {
  return {
    id: row.id,
    keyResultId: row.keyResultId,
    authorId: row.authorId,
    authorName,
    value: row.value,
    confidence: row.confidence,
    note: row.note,
    blocker: row.blocker,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    correctedAt: row.correctedAt?.toISOString() ?? null,
    correctableUntil: correctableUntil(row).toISOString(),
    abilities: { 'checkIn.correct': mayCorrect(row, actor, policy, now) },
  };
}

/** Its author, within the day, while they may still check in on the key result. */
export const mayCorrect = (row: CheckInRow, actor: OrgActor, policy: PolicyObject, now: Date): boolean =>
  correctionRefusal(row, actor.accountId, now) === null && can(actor, 'checkIn.create', policy);

/**
 * Where a problem with one item points. A single check-in names no field (its key result is
 * the address); a batch names the item, e.g. `/body/checkIns/2/keyResultId`.
 */
export type ItemField = (index: number) => string | null;

function itemError(code: 'not_found' | 'forbidden' | 'unprocessable', key: string, field: string | null): AppError {
  const title = code === 'not_found' ? 'not_found' : code === 'forbidden' ? 'forbidden' : 'invalid';
  const params: Record<string, string> = code === 'not_found' ? { entity: 'keyResult' } : {};
  return new AppError(code, title, params, field ? [{ field, key }] : []);
}

/**
 * The check-ins, the key results' copies of their latest one and the audit events, in one
 * prepared statement; the database's triggers then move the objectives' figures. A key
 * result is written only at the version it was read at (always so when it is locked), so
 * the statement also serves a check-in written without a transaction.
 * $1: the items as JSON, $2: organisation, $3: author, $4: time.
 */
const writeCheckIns = namedStatement<{ id: string; key_result_id: string }>(
  'check_in_write',
  `with input as (
     select * from jsonb_to_recordset($1::jsonb) as v(key_result_id uuid, version int, value double precision,
       confidence smallint, note text, blocker boolean, objective_id uuid, unit_id uuid, before jsonb)
   ), latest as (
     update key_results k
        set current_value = i.value, confidence = i.confidence, last_check_in_at = $4::timestamptz,
            version = k.version + 1, updated_at = $4::timestamptz
       from input i where k.id = i.key_result_id and k.org_id = $2::uuid and k.version = i.version
     returning k.id
   ), written as (
     insert into check_ins (org_id, key_result_id, author_id, value, confidence, note, blocker, created_at)
     select $2::uuid, i.key_result_id, $3::uuid, i.value, i.confidence, i.note, i.blocker, $4::timestamptz
       from input i join latest l on l.id = i.key_result_id
     returning id, key_result_id
   ), audited as (
     insert into audit_events (org_id, actor_id, action, entity_type, entity_id, objective_id, unit_id, before, after)
     select $2::uuid, $3::uuid, 'checkIn.create', 'keyResult', i.key_result_id::text, i.objective_id, i.unit_id,
            i.before, jsonb_build_object('current', i.value, 'confidence', i.confidence, 'checkInId', w.id)
       from input i join written w on w.key_result_id = i.key_result_id
   )
   select w.id, w.key_result_id from written w`,
);

/** The key results with their objective, cycle, owner's name and the author's name, locked. */
function buildLock(q: Queryable) {
  return selectKeyResultsInContext(q, { authorName: authorNameField })
    .where(
      and(
        eq(keyResults.orgId, sql.placeholder('orgId')),
        sql`${keyResults.id} = any(${sql.placeholder('ids')}::uuid[])`,
      ),
    )
    .orderBy(keyResults.id)
    .for('update', { of: keyResults })
    .prepare('check_in_lock');
}

/** Built once per database or transaction (building a query costs more than running it). */
const locks = new WeakMap<Queryable, ReturnType<typeof buildLock>>();

function lockKeyResults(q: Queryable, actor: OrgActor, ids: string[]) {
  let lock = locks.get(q);
  if (!lock) locks.set(q, (lock = buildLock(q)));
  return lock.execute({ authorId: actor.accountId, orgId: actor.orgId, ids: uuidArrayLiteral(ids) });
}

type KeyResultRows = Awaited<ReturnType<typeof lockKeyResults>>;
type Authorised = { item: CheckInItem; row: KeyResultRows[number]; policy: PolicyObject }[];

/** Each item against its key result: found, live and the actor's to check in on; in the order sent. */
function authorise(
  actor: OrgActor,
  items: readonly CheckInItem[],
  rows: KeyResultRows,
  fieldOf: ItemField,
): Authorised {
  const byId = new Map(rows.map((row) => [row.kr.id, row]));
  return items.map((item, index) => {
    const row = byId.get(item.keyResultId);
    if (!row || row.kr.archivedAt || row.objective.archivedAt)
      throw itemError('not_found', 'unknown_reference', fieldOf(index));
    const policy = { ...objectivePolicyObject(row.objective, row.cycle.status), keyResultOwnerId: row.kr.ownerId };
    if (!can(actor, 'checkIn.create', policy)) throw itemError('forbidden', 'check_in_not_allowed', fieldOf(index));
    return { item, row, policy };
  });
}

/** Writes the check-ins; null when a key result has moved on since it was read (nothing written then). */
async function write(
  q: Queryable,
  actor: OrgActor,
  authorised: Authorised,
  now: Date,
): Promise<RecordedCheckIn[] | null> {
  const input = JSON.stringify(
    authorised.map(({ item, row }) => ({
      key_result_id: item.keyResultId,
      version: row.kr.version,
      value: item.value,
      confidence: item.confidence,
      note: item.note ?? '',
      blocker: item.blocker ?? false,
      objective_id: row.objective.id,
      unit_id: row.objective.unitId,
      before: { current: row.kr.currentValue, confidence: row.kr.confidence },
    })),
  );
  const inserted = await writeCheckIns(q, input, actor.orgId, actor.accountId, now.toISOString());
  if (inserted.length !== authorised.length) return null;
  return present(actor, authorised, new Map(inserted.map((row) => [row.key_result_id, row.id])), now);
}

/** The written check-ins with their key results as the write left them, without reading them again. */
function present(
  actor: OrgActor,
  authorised: Authorised,
  checkInOf: ReadonlyMap<string, string>,
  now: Date,
): RecordedCheckIn[] {
  return authorised.map(({ item, row, policy }) => {
    const checkIn = {
      id: checkInOf.get(item.keyResultId) ?? '',
      orgId: actor.orgId,
      keyResultId: item.keyResultId,
      authorId: actor.accountId,
      value: item.value,
      confidence: item.confidence,
      note: item.note ?? '',
      blocker: item.blocker ?? false,
      createdAt: now,
      version: 1,
      correctedAt: null,
    };
    // The key result as the write left it.
    const kr = {
      ...row.kr,
      currentValue: item.value,
      confidence: item.confidence,
      lastCheckInAt: now,
      version: row.kr.version + 1,
      updatedAt: now,
    };
    const { start, end } = cycleBounds(row.cycle);
    return {
      ...presentCheckIn(checkIn, row.authorName, actor, policy, now),
      keyResult: presentKeyResult(kr, row.ownerName, expectedProgress(start, end, now), actor, policy),
    };
  });
}

/** Records the check-ins, in the order given, for the actor; all or nothing (the caller's transaction). */
export async function recordCheckIns(
  tx: Tx,
  actor: OrgActor,
  items: readonly CheckInItem[],
  now: Date,
  fieldOf: ItemField,
): Promise<RecordedCheckIn[]> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    if (!isUuid(item.keyResultId)) throw itemError('not_found', 'unknown_reference', fieldOf(index));
    if (seen.has(item.keyResultId)) throw itemError('unprocessable', 'repeated_item', fieldOf(index));
    seen.set(item.keyResultId, index);
  });
  // Locked in id order, so two batches over the same key results queue rather than
  // deadlock, and "current" is always the latest check-in.
  const rows = await lockKeyResults(tx, actor, [...seen.keys()]);
  const recorded = await write(tx, actor, authorise(actor, items, rows, fieldOf), now);
  if (!recorded) throw new Error('a locked key result changed under its lock');
  return recorded;
}

/**
 * One check-in without a transaction. Usually one statement: it checks the actor's grant in
 * SQL and writes (granted-check-in.ts); the policy then judges what that statement read, so
 * a key result the actor may not check in on is refused as before. Where only the policy can
 * decide (a service account), the check-in is written by a second statement, only if the key
 * result is still at the version read. Null when it has moved on meanwhile (another
 * check-in or an edit): nothing was written, and the caller tries again.
 */
export async function tryRecordCheckIn(
  db: Queryable,
  actor: OrgActor,
  item: CheckInItem,
  now: Date,
): Promise<RecordedCheckIn | null> {
  const rows = await writeIfGranted(
    db,
    actor,
    {
      keyResultId: item.keyResultId,
      value: item.value,
      confidence: item.confidence,
      note: item.note ?? '',
      blocker: item.blocker ?? false,
    },
    now,
  );
  const authorised = authorise(actor, [item], rows, () => null);
  const checkInId = rows[0]?.checkInId;
  if (checkInId) return present(actor, authorised, new Map([[item.keyResultId, checkInId]]), now)[0] ?? null;
  // Granted by the policy: if SQL could check the grant too, it held there, so the key
  // result changed meanwhile.
  if (grantParameters(actor)) return null;
  const recorded = await write(db, actor, authorised, now);
  return recorded?.[0] ?? null;
}
