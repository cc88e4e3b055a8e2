// Checking in progress: a new value with a confidence and a note. The key result's
// current value, confidence and time of last check-in follow in the same transaction.
import { and, desc, eq, sql } from 'drizzle-orm';
import { accounts, checkIns } from '../../db/schema.ts';
import { forgetOkrAnswers } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { actorForResource } from '../scope.ts';
import { readGuarded } from '../guarded-read.ts';
import { inTransaction } from '../transaction.ts';
import { keysetAfter, pageSize, parseTimeCursor, toPage, type Page, type PageRequest } from '../pagination.ts';
import { loadReadableKeyResult } from '../objectives/owner-context.ts';
import {
  presentCheckIn,
  recordCheckIns,
  tryRecordCheckIn,
  type CheckInInput,
  type CheckInView,
  type RecordedCheckIn,
} from './record-check-ins.ts';
import { literalLimit } from '../../db/raw.ts';
import { preparedByShape, shapeKey } from '../../db/prepared-shapes.ts';

import { emitWebhookEvents } from '../webhooks/emit.ts';
import { postCheckInsToChannels } from '../chat/post-check-ins.ts';

export type { CheckInInput, CheckInView } from './record-check-ins.ts';

/** How often a single check-in is tried without a lock before it queues on one. */
const UNLOCKED_ATTEMPTS = 3;

export async function checkIn(
  deps: AppDeps,
  caller: Caller,
  keyResultId: string,
  input: CheckInInput,
): Promise<RecordedCheckIn> {
  const actor = await actorForResource(deps.db, caller, 'keyResult', keyResultId);
  const item = { ...input, keyResultId };
  // One statement, no transaction to hold open across round trips: the common case. Only
  // when others keep changing the key result meanwhile does it queue on the row's lock.
  for (let attempt = 0; attempt < UNLOCKED_ATTEMPTS; attempt++) {
    const recorded = await tryRecordCheckIn(deps.db, actor, item, deps.now());
    if (recorded) {
      // Written without a transaction, so nothing else drops the answers it changes.
      forgetOkrAnswers(deps);
      // Its own statement after the check-in's: a process that dies between the two loses
      // this event (docs/webhooks.md).
      await emitWebhookEvents(deps, deps.db, actor.orgId, 'check-in.created', [recorded], deps.now());
      await postCheckInsToChannels(deps, deps.db, actor.orgId, [recorded.id], deps.now());
      return recorded;
    }
  }
  return inTransaction(deps, async (tx) => {
    const [recorded] = await recordCheckIns(tx, actor, [item], deps.now(), () => null);
    if (!recorded) throw new Error('check-in recorded nothing');
    await emitWebhookEvents(deps, tx, actor.orgId, 'check-in.created', [recorded], deps.now());
    await postCheckInsToChannels(deps, tx, actor.orgId, [recorded.id], deps.now());
    return recorded;
  });
}

/** A page of a key result's check-ins, newest first, prepared once per database and shape. */
const checkInPage = preparedByShape(
  'check_in_page',
  shapeKey,
  (q, name, { after, rows }: { after: boolean; rows: number }) =>
    q
      .select({ checkIn: checkIns, authorName: accounts.name })
      .from(checkIns)
      .leftJoin(accounts, eq(accounts.id, checkIns.authorId))
      .where(
        and(
          eq(checkIns.orgId, sql.placeholder('orgId')),
          eq(checkIns.keyResultId, sql.placeholder('keyResultId')),
          after
            ? keysetAfter(
                checkIns.createdAt,
                checkIns.id,
                sql.placeholder('afterTime'),
                sql.placeholder('afterId'),
                'desc',
              )
            : undefined,
        ),
      )
      .orderBy(desc(checkIns.createdAt), desc(checkIns.id))
      .limit(literalLimit(rows))
      .prepare(name),
);

/** A key result's check-ins, newest first. */
export async function listCheckIns(
  deps: AppDeps,
  caller: Caller,
  keyResultId: string,
  input: PageRequest,
): Promise<Page<CheckInView>> {
  const actor = await actorForResource(deps.db, caller, 'keyResult', keyResultId);
  const now = deps.now();
  const limit = pageSize(input);
  const [{ policy }, rows] = await readGuarded(loadReadableKeyResult(deps.db, actor, keyResultId), async () => {
    // Read inside the guarded read: a bad cursor counts only once the guard has passed.
    const after = parseTimeCursor(input.cursor);
    return checkInPage(deps.db, { after: after !== undefined, rows: limit + 1 }).execute({
      orgId: actor.orgId,
      keyResultId,
      afterTime: after?.[0],
      afterId: after?.[1],
    });
  });
  return toPage(
    rows,
    limit,
    (r) => presentCheckIn(r.checkIn, r.authorName, actor, policy, now),
    (r) => [r.checkIn.createdAt.toISOString(), r.checkIn.id],
  );
}
