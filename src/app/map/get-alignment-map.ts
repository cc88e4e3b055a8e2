// The alignment map of one cycle (docs/alignment-map.md): every objective of the cycle the
// caller may read and the parent cycle's organisation objectives, shaped for the map only
// (no key results), with the organisation's units. One statement after the caller's
// membership (cached by the server), whatever the size of the organisation.
import { queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { alignmentMapStatement } from './alignment-map-sql.ts';

export interface AlignmentMapInput {
  cycleId: string;
}

/**
 * The map as JSON text, as the database wrote it (AlignmentMapSchema in
 * src/api/schemas/map.ts): the server sends it on without parsing it.
 */
export async function getAlignmentMapJson(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: AlignmentMapInput,
): Promise<string> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const [row] = await queryRows<{ body: string | null }>(
    deps.db,
    alignmentMapStatement(actor, input.cycleId, deps.now().getTime()),
  );
  if (!row?.body) throw notFound('cycle');
  return row.body;
}
