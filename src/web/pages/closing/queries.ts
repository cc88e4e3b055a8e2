// A unit's reflection on a cycle, apart from the card that shows it (UnitReflection.tsx, a
// chunk of its own) so the unit page can ask for it ahead of that chunk.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { UnitReflection } from '../../api/types.ts';

export const unitReflectionQuery = (unitId: string, cycleId: string | undefined) =>
  queryOptions({
    queryKey: ['unitReflection', unitId, cycleId],
    queryFn: ({ signal }) => api.get<UnitReflection>(`/units/${unitId}/reflections/${cycleId}`, signal),
  });
