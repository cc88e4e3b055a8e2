// "My week": the key results a person owns in active cycles that they may check in on,
// those due first. The page and the navigation's badge share the one query.
import { useCycles, useKeyResults, useMe } from './queries.ts';
import type { KeyResultInContext } from './types.ts';

export function useMyWeek(orgId: string) {
  const me = useMe();
  const cycles = useCycles(orgId);
  const keyResults = useKeyResults(orgId, { ownerId: me.data?.id }, !!me.data && !!orgId);
  const active = new Set((cycles.data ?? []).filter((c) => c.status === 'active').map((c) => c.id));
  const items: KeyResultInContext[] = (keyResults.data ?? []).filter(
    (kr) => active.has(kr.cycleId) && kr.abilities['checkIn.create'],
  );
  return {
    /** Both lists are in (or one failed: see `error`). */
    ready: keyResults.isSuccess && cycles.isSuccess,
    error: keyResults.error ?? cycles.error,
    due: items.filter((kr) => kr.due),
    upToDate: items.filter((kr) => !kr.due),
  };
}
