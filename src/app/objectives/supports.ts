// "This objective supports that one": many-to-many, across teams, never a loop.
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { wouldCreateLoop } from '../../core/alignment-graph.ts';
import type { Tx } from '../../db/connect.ts';
import { alignments, objectives } from '../../db/schema.ts';
import { queryRows } from '../../db/raw.ts';
import { AppError, invalid } from '../errors.ts';
import type { OrgActor } from '../scope.ts';
import { readableBy } from './records.ts';

/** Makes `objectiveId` support exactly `targetIds`. Runs inside the caller's transaction. */
export async function replaceSupports(
  tx: Tx,
  actor: OrgActor,
  objectiveId: string,
  targetIds: string[],
  field = '/body/supports',
) {
  const targets = [...new Set(targetIds)];
  // One alignment change at a time per organisation, so two concurrent links cannot
  // close a loop that neither sees alone.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${actor.orgId}))`);

  if (targets.length > 0) {
    const found = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .where(
        and(
          eq(objectives.orgId, actor.orgId),
          inArray(objectives.id, targets),
          isNull(objectives.archivedAt),
          readableBy(actor),
        ),
      );
    const known = new Set(found.map((r) => r.id));
    const unknown = targets.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalid(`${field}/${unknown}`, 'unknown_reference');

    const edges = await queryRows<{ objective_id: string; supports_id: string }>(
      tx,
      sql`with recursive reach(id) as (
            select unnest(array[${sql.join(
              targets.map((t) => sql`${t}`),
              sql`, `,
            )}]::uuid[])
            union
            select a.supports_id from alignments a join reach r on a.objective_id = r.id where a.org_id = ${actor.orgId}
          )
          select a.objective_id, a.supports_id from alignments a
           where a.org_id = ${actor.orgId} and a.objective_id in (select id from reach)`,
    );
    const graph = new Map<string, string[]>();
    for (const edge of edges) graph.set(edge.objective_id, [...(graph.get(edge.objective_id) ?? []), edge.supports_id]);
    const looping = targets.findIndex((target) => wouldCreateLoop(graph, objectiveId, target));
    if (looping >= 0) {
      throw new AppError('unprocessable', 'alignment_loop', {}, [{ field: `${field}/${looping}`, key: 'invalid' }]);
    }
  }

  await tx
    .delete(alignments)
    .where(
      and(
        eq(alignments.orgId, actor.orgId),
        eq(alignments.objectiveId, objectiveId),
        targets.length ? notInArray(alignments.supportsId, targets) : undefined,
      ),
    );
  if (targets.length > 0) {
    await tx
      .insert(alignments)
      .values(targets.map((supportsId) => ({ orgId: actor.orgId, objectiveId, supportsId })))
      .onConflictDoNothing();
  }
}
