// Filters kept in the URL, so that a filtered list can be shared and survives a reload;
// changing one replaces the history entry instead of adding one per keystroke.
import { useSearchParams } from 'react-router';

export function useSearchFilters<K extends string>() {
  const [params, setParams] = useSearchParams();
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  return {
    params,
    set: (key: K, value: string | null) => update((next) => (value ? next.set(key, value) : next.delete(key))),
    clear: (keys: readonly K[]) => update((next) => keys.forEach((key) => next.delete(key))),
  };
}
