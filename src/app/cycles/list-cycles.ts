import type { CycleStatus } from '../../core/domain.ts';
import type { AppDeps, Caller } from '../context.ts';
import { invalid } from '../errors.ts';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg, isUuid } from '../scope.ts';
import { presentCycle, type CycleRow, type CycleView } from './cycle-view.ts';
import { loadOrgCycles } from './org-cycles.ts';

export interface ListCyclesInput extends PageRequest {
  status?: CycleStatus;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a cycle comes after the cursor in the list: (startsOn, id) below it. ISO dates
 * compare as text, and so do lower-case uuids, in the order PostgreSQL gives them.
 */
const isBefore = (row: CycleRow, [startsOn, id]: [string, string]) =>
  row.startsOn < startsOn || (row.startsOn === startsOn && row.id < id);

/** The organisation's cycles, latest start first (ties by id, so pages never overlap). */
export async function listCycles(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListCyclesInput,
): Promise<Page<CycleView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const limit = pageSize(input);
  let after: [string, string] | null = null;
  if (input.cursor) {
    const [startsOn, id] = decodeCursor(input.cursor, ['string', 'string']).map(String);
    // The cursor is ours, but it travels through the client: a malformed one is refused.
    if (!startsOn || !ISO_DATE.test(startsOn) || Number.isNaN(Date.parse(startsOn)) || !id || !isUuid(id)) {
      throw invalid('/query/cursor', 'cursor_invalid');
    }
    after = [startsOn, id.toLowerCase()];
  }
  // From the organisation's cycles the server keeps (org-cycles.ts), in the list's order.
  let rows = await loadOrgCycles(deps, actor.orgId);
  if (input.status) rows = rows.filter((row) => row.status === input.status);
  if (after) rows = rows.filter((row) => isBefore(row, after));
  rows = rows.slice(0, limit + 1);
  return toPage(rows, limit, presentCycle, (row) => [row.startsOn, row.id]);
}
