import type { QueryClient } from '@tanstack/react-query';
import { invalidateOkrs } from '../../api/queries.ts';

/** After a change to themes: the organisation's view carries them, and objectives their ids. */
export async function refreshThemes(client: QueryClient, orgId: string): Promise<void> {
  await client.invalidateQueries({ queryKey: ['org', orgId] });
  void invalidateOkrs(client);
}
