// Carrying an unfinished objective over to another cycle: a new objective, linked to the
// old one (carried_from_id), whose key results start where the old ones stand. The old
// objective stays as it was: its cycle's record.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { keyResults, objectives } from '../../db/schema.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { assertCycleInOrg } from '../references.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertObjectiveReadable, viewObjective } from './get-objective.ts';
import { loadObjective } from './owner-context.ts';
import { objectiveRowProgress, type ObjectiveView } from './present.ts';

export async function carryOverObjective(
  deps: AppDeps,
  caller: Caller,
  id: string,
  input: { cycleId: string },
): Promise<ObjectiveView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    await assertObjectiveReadable(tx, actor, id);
    // Locked, so two carry-overs of one objective take turns and the second sees the first.
    const { objective: source, policy } = await loadObjective(tx, actor.orgId, id, true);
    if (source.archivedAt) throw notFound('objective');
    // The same right as writing that objective anew in an open cycle.
    if (!can(actor, 'objective.create', { ...policy, cycleClosed: false })) throw forbidden();
    const target = await assertCycleInOrg(tx, actor.orgId, input.cycleId, '/body/cycleId');
    if (target.id === source.cycleId) throw invalid('/body/cycleId', 'carry_over_same_cycle');
    if (target.status === 'closed') throw invalid('/body/cycleId', 'cycle_closed');

    const [already] = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .where(
        and(
          eq(objectives.orgId, actor.orgId),
          eq(objectives.carriedFromId, id),
          eq(objectives.cycleId, target.id),
          isNull(objectives.archivedAt),
        ),
      )
      .limit(1);
    if (already) throw new AppError('conflict', 'already_carried_over');

    const krs = await tx
      .select()
      .from(keyResults)
      .where(and(eq(keyResults.orgId, actor.orgId), eq(keyResults.objectiveId, id), isNull(keyResults.archivedAt)));
    const progress = objectiveRowProgress(krs);
    if (krs.length > 0 && progress >= 1) throw new AppError('conflict', 'objective_achieved');

    const now = deps.now();
    const [created] = await tx
      .insert(objectives)
      .values({
        orgId: actor.orgId,
        cycleId: target.id,
        level: source.level,
        unitId: source.unitId,
        personId: source.personId,
        title: source.title,
        description: source.description,
        kind: source.kind,
        visibility: source.visibility,
        lifecycle: source.lifecycle === 'draft' ? 'draft' : 'published',
        carriedFromId: source.id,
        createdBy: caller.accountId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');

    // The key results start where the old ones stand. An owner who has left the
    // organisation is dropped rather than carried into a new cycle.
    await tx.execute(sql`
      insert into key_results (org_id, objective_id, owner_id, title, metric, start_value, target_value,
                               current_value, unit, weight, position, created_at, updated_at)
      select k.org_id, ${created.id}, m.account_id, k.title, k.metric, k.current_value, k.target_value,
             k.current_value, k.unit, k.weight, k.position, ${now}, ${now}
        from key_results k
        left join memberships m on m.org_id = k.org_id and m.account_id = k.owner_id
       where k.org_id = ${actor.orgId} and k.objective_id = ${id} and k.archived_at is null`);

    // Links are kept to objectives that are still open and run at the same time as the
    // target cycle: a quarter's objective that supported this year's organisation
    // objective still does next quarter, but not once that year is over or closed.
    const supports = await queryRows<{ supports_id: string }>(
      tx,
      sql`
      insert into alignments (org_id, objective_id, supports_id, created_at)
      select a.org_id, ${created.id}, a.supports_id, ${now}
        from alignments a
        join objectives s on s.id = a.supports_id and s.org_id = a.org_id
        join cycles c on c.id = s.cycle_id
       where a.org_id = ${actor.orgId} and a.objective_id = ${id}
         and s.archived_at is null and c.status <> 'closed'
         and c.starts_on <= ${target.endsOn}::date and c.ends_on >= ${target.startsOn}::date
      returning supports_id`,
    );
    // The key results it supported come along within the objective links kept.
    const supportsKeyResults = await queryRows<{ key_result_id: string }>(
      tx,
      sql`
      insert into key_result_alignments (org_id, objective_id, supports_id, key_result_id, created_at)
      select ka.org_id, ${created.id}, ka.supports_id, ka.key_result_id, ${now}
        from key_result_alignments ka
        join alignments kept on kept.org_id = ka.org_id and kept.objective_id = ${created.id}
                             and kept.supports_id = ka.supports_id
        join key_results k on k.id = ka.key_result_id
       where ka.org_id = ${actor.orgId} and ka.objective_id = ${id} and k.archived_at is null
      returning key_result_id`,
    );
    // It goes on serving the strategy themes it served.
    await tx.execute(sql`
      insert into objective_themes (org_id, objective_id, theme_id, created_at)
      select ot.org_id, ${created.id}, ot.theme_id, ${now}
        from objective_themes ot where ot.org_id = ${actor.orgId} and ot.objective_id = ${id}`);

    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'objective.carry_over',
      entityType: 'objective',
      entityId: created.id,
      objectiveId: created.id,
      unitId: created.unitId,
      before: { id: source.id, cycleId: source.cycleId, title: source.title },
      after: {
        ...created,
        keyResults: krs.map((kr) => ({ title: kr.title, start: kr.currentValue, target: kr.targetValue })),
        supports: supports.map((s) => s.supports_id),
        supportsKeyResultIds: supportsKeyResults.map((s) => s.key_result_id),
      },
    });
    return viewObjective(tx, actor, created.id, now);
  });
}
