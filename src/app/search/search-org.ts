// Quick search across an organisation's objectives, key results, units and people (the
// Ctrl+K dialog): the caller's membership, then one statement for every group.
import { SEARCH_LIMITS } from '../../core/limits.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { invalid } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { searchStatement, type SearchHits } from './search-statement.ts';

export interface SearchInput {
  q: string;
  /** Hits per group. */
  limit?: number;
}

export async function searchOrg(deps: AppDeps, caller: Caller, orgId: string, input: SearchInput): Promise<SearchHits> {
  // Checked after trimming, which the schema cannot do: "  a " is one character.
  const query = input.q.trim();
  if (query.length < SEARCH_LIMITS.minQuery) throw invalid('/query/q', 'minLength', { limit: SEARCH_LIMITS.minQuery });
  if (query.length > SEARCH_LIMITS.maxQuery) throw invalid('/query/q', 'maxLength', { limit: SEARCH_LIMITS.maxQuery });
  const actor = await actorInOrg(deps.db, caller, orgId);
  const today = deps.now().toISOString().slice(0, 10);
  const statement = searchStatement(actor, query, input.limit ?? SEARCH_LIMITS.defaultPerGroup, today);
  const [row] = await queryRows<{ hits: SearchHits }>(deps.db, statement);
  if (!row) throw new Error('the search statement answers one row');
  return row.hits;
}
