import { eq } from 'drizzle-orm';
import type { Lifecycle, ObjectiveKind, Status, Visibility } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { objectives } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { assertCycleInOrg } from '../references.ts';
import { viewObjective } from './get-objective.ts';
import { loadObjective } from './owner-context.ts';
import type { ObjectiveView } from './present.ts';
import { replaceSupports } from './supports.ts';
import { replaceThemes } from './objective-themes.ts';
import { emitWebhookEvents } from '../webhooks/emit.ts';

export interface UpdateObjectiveInput {
  title?: string;
  description?: string;
  kind?: ObjectiveKind;
  visibility?: Visibility;
  lifecycle?: Lifecycle;
  cycleId?: string;
  /** An explicit status; null returns to the suggested one. */
  status?: Status | null;
  supports?: string[];
  supportsKeyResultIds?: string[];
  /** The strategy themes it serves: exactly these. */
  themeIds?: string[];
  /** Marked done (true) or open again (false), while the cycle is open. */
  done?: boolean;
}

/**
 * The done columns for `done` (left out or already so: unchanged). Done is for an open
 * cycle: once it is closed, scoring says how far the objective came.
 */
function doneFields(
  before: { doneAt: Date | null },
  done: boolean | undefined,
  cycleClosed: boolean,
  actorId: string,
  now: Date,
) {
  if (done === undefined || done === (before.doneAt !== null)) return {};
  if (cycleClosed) throw invalid('/body/done', 'done_in_closed_cycle');
  return done ? { doneAt: now, doneBy: actorId } : { doneAt: null, doneBy: null };
}

export async function updateObjective(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: UpdateObjectiveInput,
): Promise<ObjectiveView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    const { objective: before, policy } = await loadObjective(tx, actor.orgId, id, true);
    if (before.archivedAt) throw notFound('objective');
    if (!can(actor, 'objective.update', policy)) throw forbidden();
    assertVersion(before.version, version);
    if (input.visibility === 'private' && before.level !== 'person')
      throw invalid('/body/visibility', 'private_only_personal');
    if (input.cycleId && input.cycleId !== before.cycleId) {
      const cycle = await assertCycleInOrg(tx, actor.orgId, input.cycleId, '/body/cycleId');
      // Moving into a closed cycle would bypass its lock.
      if (!can(actor, 'objective.update', { ...policy, cycleClosed: cycle.status === 'closed' })) throw forbidden();
    }

    const { supports, supportsKeyResultIds, themeIds, done, ...fields } = input;
    const linksChange = { supports, keyResultIds: supportsKeyResultIds };
    const [after] = await tx
      .update(objectives)
      .set({
        ...definedFields({ ...fields, title: fields.title?.trim() }),
        ...doneFields(before, done, policy.cycleClosed === true, actor.accountId, deps.now()),
        version: before.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(objectives.id, id))
      .returning();
    if (!after) throw notFound('objective');
    await replaceSupports(tx, actor, id, linksChange);
    await replaceThemes(tx, actor, id, themeIds);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'objective.update',
      entityType: 'objective',
      entityId: id,
      objectiveId: id,
      unitId: after.unitId,
      before,
      after: { ...after, ...definedFields({ supports, supportsKeyResultIds, themeIds }) },
    });
    const view = await viewObjective(tx, actor, id, deps.now());
    await emitWebhookEvents(deps, tx, actor.orgId, 'objective.updated', [view], deps.now());
    if (after.status !== before.status) {
      await emitWebhookEvents(deps, tx, actor.orgId, 'objective.status-changed', [view], deps.now());
    }
    return view;
  });
}
