// Who else reads exactly what a reader reads of the objectives, so that an answer worked
// out over them for one reader may serve the others (figures-cache.ts, coach/coach-review.ts):
// owners and admins read everything and share one copy; a reader who may read no objective
// that the public may not (none of their own or of a unit they lead is private, or in
// draft where drafts count) reads what every such reader reads; anyone else reads a set
// of their own. Which it is takes a statement, kept like the memberships (caches.ts).
import type { Queryable } from '../../db/connect.ts';
import { namedStatement } from '../../db/raw.ts';
import type { AppCaches } from '../caches.ts';
import type { OrgActor } from '../scope.ts';
import { publicReader, readerParams, readsEverything } from './records.ts';

export interface Audience {
  /** 'all', 'public', or the reader's account id. */
  name: string;
  /** Whom to work the answer out for: one who reads exactly what the audience reads. */
  reader: OrgActor;
}

/**
 * The objectives that make a reader's set their own: private ones (an answer that leaves
 * drafts out, such as figures), or private ones and drafts (one that reads drafts too).
 */
export type OwnObjectives = 'private' | 'privateOrDraft';

/** $1 organisation, $2 the reader's account, $3 the units they lead (uuid[]). Prepared once per connection. */
const ownObjectiveFound = (name: string, kind: string) =>
  namedStatement<{ found: boolean }>(
    name,
    `select exists (
       select 1 from objectives
        where org_id = $1 and archived_at is null and ${kind}
          and ((level = 'person' and person_id = $2) or (level = 'unit' and unit_id = any($3::uuid[])))
     ) as found`,
  );

const OWN_OBJECTIVE_FOUND: Record<OwnObjectives, ReturnType<typeof ownObjectiveFound>> = {
  private: ownObjectiveFound('audience_private', "visibility = 'private' and lifecycle <> 'draft'"),
  privateOrDraft: ownObjectiveFound('audience_private_or_draft', "(visibility = 'private' or lifecycle = 'draft')"),
};

async function readsOwnObjectives(q: Queryable, actor: OrgActor, own: OwnObjectives): Promise<boolean> {
  const { me, led } = readerParams(actor);
  const [row] = await OWN_OBJECTIVE_FOUND[own](q, actor.orgId, me, led);
  return row?.found ?? true;
}

/** The actor as an audience of their own: the answer is worked out for them alone. */
export function ownAudience(actor: OrgActor): Audience {
  return { name: actor.accountId, reader: actor };
}

/** The audience the actor reads objectives with, counting as their own the objectives `own` names. */
export async function audienceOf(
  deps: { db: Queryable; caches?: AppCaches },
  actor: OrgActor,
  own: OwnObjectives,
): Promise<Audience> {
  if (readsEverything(actor)) return { name: 'all', reader: actor };
  const load = () => readsOwnObjectives(deps.db, actor, own);
  // Cleared with the led units (forgetActors) and by every write (forgetOkrAnswers). Should
  // another process's change reach this one late, a kept "public" only hides more: the
  // reader's own set is worked out for the reader as they are now.
  const key = `${actor.orgId}:${actor.accountId}:${own}`;
  const ownsSome = deps.caches ? await deps.caches.audiences.get(key, load) : await load();
  return ownsSome === false ? { name: 'public', reader: publicReader(actor) } : ownAudience(actor);
}
