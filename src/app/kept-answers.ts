// Answers worked out from an organisation's OKRs that every reader of the same objectives
// shares (objectives/reader-audience.ts) — the coach's review, a unit's status counts and
// alignment health — kept by the server for CACHE_SECONDS (caches.ts). Every unit page asks
// for them, and each took a statement over the unit's objectives and Node's work on the
// answer. Any write in this process drops them all (`forgetOkrAnswers`: after every
// transaction, and after a check-in written without one); another process's write shows
// here within CACHE_SECONDS. Kept by the minute too, so that an answer that depends on the
// time (how far into the cycle) is never older than that, and a clock moved in a test is
// never answered from before.
import type { Queryable } from '../db/connect.ts';
import type { AppCaches, ShortLivedCache } from './caches.ts';
import { audienceOf, ownAudience, type Audience, type OwnObjectives } from './objectives/reader-audience.ts';
import type { OrgActor } from './scope.ts';

const MINUTE_MS = 60_000;

export interface KeptAnswer<V> {
  /** Which of the server's caches keeps it. */
  cache: (caches: AppCaches) => ShortLivedCache<V>;
  /** What the answer is of, within the organisation (e.g. `summary:${cycleId}:${unitId}`). */
  key: string;
  /** The objectives that make a reader's set their own, for this answer (reader-audience.ts). */
  own: OwnObjectives;
  /** Works the answer out for the actor's audience (for its reader, who reads exactly what the actor reads). */
  work: (audience: Audience) => Promise<V>;
}

/** The answer for the actor's audience: kept, or worked out now (and kept). Without caches, worked out for the actor. */
export async function keptForAudience<V>(
  deps: { db: Queryable; now: () => Date; caches?: AppCaches },
  actor: OrgActor,
  answer: KeptAnswer<V>,
): Promise<V> {
  if (!deps.caches) return answer.work(ownAudience(actor));
  const audience = await audienceOf(deps, actor, answer.own);
  const minute = Math.floor(deps.now().getTime() / MINUTE_MS);
  const key = `${actor.orgId}:${answer.key}:${audience.name}:${minute}`;
  const value = await answer.cache(deps.caches).get(key, () => answer.work(audience));
  if (value === null) throw new Error(`no answer was worked out for ${answer.key}`);
  return value;
}
