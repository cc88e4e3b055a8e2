// "This objective supports that one", or one of that one's key results: many-to-many,
// across units and cycles, never a loop. A key-result link narrows an objective link (the
// schema's key_result_alignments), so supporting a key result supports its objective too.
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { wouldCreateLoop } from '../../core/alignment-graph.ts';
import type { Tx } from '../../db/connect.ts';
import { alignments, keyResultAlignments, keyResults, objectives } from '../../db/schema.ts';
import { queryRows } from '../../db/raw.ts';
import { AppError, invalid } from '../errors.ts';
import type { OrgActor } from '../scope.ts';
import { readableBy } from './records.ts';

/** What an objective is to support; a field left out keeps what is stored. */
export interface SupportsChange {
  /** Exactly these objectives, besides those of the key results below. */
  supports?: string[];
  /** Exactly these key results; their objectives are supported too. */
  keyResultIds?: string[];
}

/** Where each kind of target is named in the request, for problems. */
const FIELDS = { supports: '/body/supports', keyResultIds: '/body/supportsKeyResultIds' } as const;

/** A target objective and where the request named it. */
interface Target {
  id: string;
  field: string;
}

export const changesSupports = (change: SupportsChange) =>
  change.supports !== undefined || change.keyResultIds !== undefined;

/**
 * Makes `objectiveId` support what `change` says. Runs inside the caller's transaction.
 * Removing an objective from `supports` removes the links to its key results with it.
 */
export async function replaceSupports(tx: Tx, actor: OrgActor, objectiveId: string, change: SupportsChange) {
  if (!changesSupports(change)) return;
  // One alignment change at a time per organisation, so two concurrent links cannot
  // close a loop that neither sees alone.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${actor.orgId}))`);

  const krIds = change.keyResultIds && [...new Set(change.keyResultIds)];
  const krTargets = krIds ? await readableKeyResults(tx, actor, krIds) : [];
  const objectiveTargets: Target[] = change.supports
    ? await readableObjectives(tx, actor, [...new Set(change.supports)])
    : (await storedSupports(tx, actor, objectiveId)).map((id) => ({ id, field: FIELDS.supports }));
  const targets = dedupeTargets([...objectiveTargets, ...krTargets.map((kr) => kr.objective)]);
  await assertNoLoop(tx, actor, objectiveId, targets);

  const ids = targets.map((t) => t.id);
  await tx
    .delete(alignments)
    .where(
      and(
        eq(alignments.orgId, actor.orgId),
        eq(alignments.objectiveId, objectiveId),
        ids.length ? notInArray(alignments.supportsId, ids) : undefined,
      ),
    );
  if (ids.length > 0) {
    await tx
      .insert(alignments)
      .values(ids.map((supportsId) => ({ orgId: actor.orgId, objectiveId, supportsId })))
      .onConflictDoNothing();
  }
  if (!krIds) return;
  await tx
    .delete(keyResultAlignments)
    .where(
      and(
        eq(keyResultAlignments.orgId, actor.orgId),
        eq(keyResultAlignments.objectiveId, objectiveId),
        krIds.length ? notInArray(keyResultAlignments.keyResultId, krIds) : undefined,
      ),
    );
  if (krTargets.length > 0) {
    await tx
      .insert(keyResultAlignments)
      .values(
        krTargets.map((kr) => ({
          orgId: actor.orgId,
          objectiveId,
          supportsId: kr.objective.id,
          keyResultId: kr.id,
        })),
      )
      .onConflictDoNothing();
  }
}

/** The objectives named, each live and readable by the actor, or a 422 naming the first that is not. */
async function readableObjectives(tx: Tx, actor: OrgActor, ids: string[]): Promise<Target[]> {
  if (ids.length === 0) return [];
  const found = await tx
    .select({ id: objectives.id })
    .from(objectives)
    .where(
      and(
        eq(objectives.orgId, actor.orgId),
        inArray(objectives.id, ids),
        isNull(objectives.archivedAt),
        readableBy(actor),
      ),
    );
  const known = new Set(found.map((r) => r.id));
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalid(`${FIELDS.supports}/${unknown}`, 'unknown_reference');
  return ids.map((id, i) => ({ id, field: `${FIELDS.supports}/${i}` }));
}

/** The key results named, each live in a live objective the actor may read, with that objective. */
async function readableKeyResults(tx: Tx, actor: OrgActor, ids: string[]) {
  if (ids.length === 0) return [];
  const found = await tx
    .select({ id: keyResults.id, objectiveId: keyResults.objectiveId })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(
      and(
        eq(keyResults.orgId, actor.orgId),
        inArray(keyResults.id, ids),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        readableBy(actor),
      ),
    );
  const objectiveOf = new Map(found.map((r) => [r.id, r.objectiveId]));
  const unknown = ids.findIndex((id) => !objectiveOf.has(id));
  if (unknown >= 0) throw invalid(`${FIELDS.keyResultIds}/${unknown}`, 'unknown_reference');
  return ids.map((id, i) => ({
    id,
    objective: { id: objectiveOf.get(id) as string, field: `${FIELDS.keyResultIds}/${i}` },
  }));
}

async function storedSupports(tx: Tx, actor: OrgActor, objectiveId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: alignments.supportsId })
    .from(alignments)
    .where(and(eq(alignments.orgId, actor.orgId), eq(alignments.objectiveId, objectiveId)));
  return rows.map((r) => r.id);
}

/** Each objective once, named where the request first named it. */
function dedupeTargets(targets: Target[]): Target[] {
  const byId = new Map<string, Target>();
  for (const target of targets) if (!byId.has(target.id)) byId.set(target.id, target);
  return [...byId.values()];
}

/** A 422 naming the first target that would close a loop of "supports" (or is the objective itself). */
async function assertNoLoop(tx: Tx, actor: OrgActor, objectiveId: string, targets: Target[]) {
  if (targets.length === 0) return;
  const edges = await queryRows<{ objective_id: string; supports_id: string }>(
    tx,
    sql`with recursive reach(id) as (
          select unnest(array[${sql.join(
            targets.map((t) => sql`${t.id}`),
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
  const looping = targets.find((target) => wouldCreateLoop(graph, objectiveId, target.id));
  if (looping) throw new AppError('unprocessable', 'alignment_loop', {}, [{ field: looping.field, key: 'invalid' }]);
}
