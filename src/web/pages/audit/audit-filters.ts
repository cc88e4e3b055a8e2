// The audit log's filters live in the URL (so a view can be shared) as dates a person
// picks; the API takes instants. A day runs from its local midnight to the next one.

export const FILTER_KEYS = ['actor', 'action', 'type', 'entity', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function startOfDay(date: string, addDays = 0): string | undefined {
  if (!DATE.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d + addDays);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}

export function readFilters(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])));
}

/** The API's query parameters for the filters. */
export function apiFilters(filters: Filters): Record<string, string | undefined> {
  return {
    actorId: filters.actor,
    action: filters.action?.trim() || undefined,
    entityType: filters.type,
    entityId: filters.entity?.trim() || undefined,
    from: filters.from ? startOfDay(filters.from) : undefined,
    to: filters.to ? startOfDay(filters.to, 1) : undefined,
  };
}

/** The fields whose value differs between before and after (both objects), in order. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter(
    (key) => !['version', 'updatedAt'].includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
