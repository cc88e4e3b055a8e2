// "My week": the key results a person owns in active cycles that they may check in on,
// those due first, those of cycles that have not started apart. The navigation's badge
// asks for the count alone (useDueCount in queries.ts): the same key results, counted.
import { useQuery } from '@tanstack/react-query';
import { myWeekQuery } from './queries.ts';
import type { KeyResultInContext } from './types.ts';

export function useMyWeek(orgId: string) {
  const keyResults = useQuery({ ...myWeekQuery(orgId), enabled: !!orgId });
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
