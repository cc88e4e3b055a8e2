// The cycle shown is part of the URL (?cycle=…), so every view can be shared as a link.
// Without one, the app picks the active cycle that contains today, the shortest first
// (a quarter before its year).
import { useSearchParams } from 'react-router';
import type { Cycle } from '../api/types.ts';
import { useCycles } from '../api/queries.ts';

export function defaultCycle(cycles: Cycle[], today = new Date().toISOString().slice(0, 10)): Cycle | undefined {
  const length = (c: Cycle) => Date.parse(c.endsOn) - Date.parse(c.startsOn);
  const containing = cycles
    .filter((c) => c.startsOn <= today && today <= c.endsOn)
    .sort((a, b) => length(a) - length(b));
  return (
    containing.find((c) => c.status === 'active') ??
    containing[0] ??
    cycles.find((c) => c.status === 'active') ??
    cycles[0]
  );
}

export function useSelectedCycle(orgId: string) {
  const [params, setParams] = useSearchParams();
  const cycles = useCycles(orgId);
  const fromUrl = params.get('cycle');
  const list = cycles.data ?? [];
  const cycle = list.find((c) => c.id === fromUrl) ?? defaultCycle(list);
  const select = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('cycle', id);
        return next;
      },
      { replace: true },
    );
  return { cycle, cycles: list, isLoading: cycles.isLoading, select };
}
