// "My week": the key results a person owns in active cycles that they may check in on,
// those due first, those of cycles that have not started apart. The page and the
// navigation's badge share the one query.
import { useKeyResults, useMe } from './queries.ts';
import type { KeyResultInContext } from './types.ts';

export function useMyWeek(orgId: string) {
  const me = useMe();
  const keyResults = useKeyResults(orgId, { ownerId: me.data?.id, cycleStatus: 'active' }, !!me.data && !!orgId);
  const items: KeyResultInContext[] = (keyResults.data ?? []).filter((kr) => kr.abilities['checkIn.create']);
  // Today in UTC, as the server dates cycles.
  const today = new Date().toISOString().slice(0, 10);
  const started = (kr: KeyResultInContext) => kr.cycleStartsOn <= today;
  return {
    ready: keyResults.isSuccess,
    error: keyResults.error,
    due: items.filter((kr) => kr.due),
    upToDate: items.filter((kr) => !kr.due && started(kr)),
    notStarted: items.filter((kr) => !kr.due && !started(kr)),
  };
}
