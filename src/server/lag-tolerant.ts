// The reads that may lag a moment — dashboards, the activity feed, the alignment map, the
// OKR spreadsheet and the organisation export — go to the read replica when there is one
// (DATABASE_READ_URL), and everything else to the primary. Such a read stays on the primary when the caller wrote
// something the replica has not replayed yet (plugins/read-your-writes.ts), while the
// replica rests after a failure, and again if it fails during the read: a read never fails
// because the replica did. Without a replica the read runs on the primary as it always has.
import type { FastifyRequest } from 'fastify';
import type { Authenticated } from '../app/auth/authenticate.ts';
import { createAppCaches } from '../app/caches.ts';
import type { AppDeps } from '../app/context.ts';
import { AppError, type ErrorCode } from '../app/errors.ts';
import type { ReadReplica } from '../db/read-replica.ts';
import { callerOf } from './plugins/auth.ts';
import { lastWriteOf } from './plugins/read-your-writes.ts';

/** Refusals a lagging standby could give where the primary would not. */
const MAYBE_LAG: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['not_found', 'forbidden']);

export type LagTolerantRead<T> = (deps: AppDeps, caller: Authenticated) => Promise<T>;

/** Runs `read` on the replica when it may serve this caller, otherwise (and when it fails there) on the primary. */
export async function readMayLag<T>(deps: AppDeps, request: FastifyRequest, read: LagTolerantRead<T>): Promise<T> {
  const caller = callerOf(request);
  const { replica } = deps;
  if (!replica) return read(deps, caller);
  const choice = await replica.choose(lastWriteOf(replica, request));
  if (choice !== 'replica') {
    replica.count(choice);
    return read(deps, caller);
  }
  const onReplica = replicaDeps(deps, replica);
  try {
    const answer = await read(onReplica, onReplica.caches ? { ...caller, caches: onReplica.caches } : caller);
    replica.count('replica');
    return answer;
  } catch (error) {
    // "Not found" or "forbidden" may only mean the standby has not yet replayed what grants
    // it (a membership made by another's write, or at a sign-in through SSO, which set no
    // position): the primary, which is never behind, gives the answer. Other refusals stand.
    if (error instanceof AppError) {
      if (!MAYBE_LAG.has(error.code)) throw error;
      replica.count('primary_behind');
      return read(deps, caller);
    }
    request.log.warn({ err: error }, 'a read on the read replica failed; it is done again on the primary');
    replica.failed(error);
    replica.count('primary_fallback');
    return read(deps, caller);
  }
}

/**
 * The dependencies of a read on the replica. The process's short-lived caches are not
 * shared with it: a write clears them (caches.ts) so the writer's next read loads afresh,
 * and a load from a standby a moment behind would put the old answer back for seconds. So
 * the replica's read gets caches of its own for the request. The figures cache is shared:
 * it is never cleared on writes, its figures are seconds old by design (figures-cache.ts).
 */
function replicaDeps(deps: AppDeps, replica: ReadReplica): AppDeps {
  const onReplica: AppDeps = { ...deps, db: replica.db };
  if (deps.caches) onReplica.caches = { ...createAppCaches(), figures: deps.caches.figures };
  return onReplica;
}
