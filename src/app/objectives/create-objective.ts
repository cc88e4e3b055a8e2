import type { Lifecycle, ObjectiveKind, ObjectiveLevel, Visibility } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { objectives } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertCycleInOrg, assertMembers, assertUnitInOrg } from '../references.ts';
import { insertKeyResults, type NewKeyResult } from '../key-results/key-result-input.ts';
import { viewObjective } from './get-objective.ts';
import type { ObjectiveView } from './present.ts';
import { replaceSupports } from './supports.ts';
import { replaceThemes } from './objective-themes.ts';
import { emitWebhookEvents } from '../webhooks/emit.ts';

export interface CreateObjectiveInput {
  cycleId: string;
  level: ObjectiveLevel;
  unitId?: string;
  personId?: string;
  title: string;
  description?: string;
  kind?: ObjectiveKind;
  visibility?: Visibility;
  lifecycle?: Exclude<Lifecycle, 'closed'>;
  supports?: string[];
  supportsKeyResultIds?: string[];
  /** The strategy themes it serves. */
  themeIds?: string[];
  keyResults?: NewKeyResult[];
}

/** The owner fields must match the level: exactly one owner, of the right kind, in this organisation. */
export async function assertOwner(
  tx: Queryable,
  actor: OrgActor,
  input: Pick<CreateObjectiveInput, 'level' | 'unitId' | 'personId'>,
): Promise<void> {
  const { level, unitId, personId } = input;
  if (level === 'organization' && (unitId || personId)) throw invalid('/body/level', 'owner_mismatch');
  if (level === 'unit' && (!unitId || personId)) throw invalid('/body/unitId', 'owner_mismatch');
  if (level === 'person' && (!personId || unitId)) throw invalid('/body/personId', 'owner_mismatch');
  if (unitId) await assertUnitInOrg(tx, actor.orgId, unitId, '/body/unitId');
  if (personId) await assertMembers(tx, actor.orgId, [{ id: personId, field: '/body/personId' }]);
}

export async function createObjective(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: CreateObjectiveInput,
): Promise<ObjectiveView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    const cycle = await assertCycleInOrg(tx, actor.orgId, input.cycleId, '/body/cycleId');
    const policy = {
      level: input.level,
      unitId: input.unitId ?? null,
      personId: input.personId ?? null,
      cycleClosed: cycle.status === 'closed',
    };
    if (!can(actor, 'objective.create', policy)) throw forbidden();
    await assertOwner(tx, actor, input);
    if (input.visibility === 'private' && input.level !== 'person')
      throw invalid('/body/visibility', 'private_only_personal');

    const [row] = await tx
      .insert(objectives)
      .values({
        orgId: actor.orgId,
        cycleId: input.cycleId,
        level: input.level,
        unitId: input.unitId ?? null,
        personId: input.personId ?? null,
        title: input.title.trim(),
        description: input.description ?? '',
        kind: input.kind ?? 'committed',
        visibility: input.visibility ?? 'public',
        lifecycle: input.lifecycle ?? 'published',
        createdBy: caller.accountId,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    if (input.supports?.length || input.supportsKeyResultIds?.length)
      await replaceSupports(tx, actor, row.id, { supports: input.supports, keyResultIds: input.supportsKeyResultIds });
    await replaceThemes(tx, actor, row.id, input.themeIds);
    const krs = await insertKeyResults(tx, actor.orgId, row.id, input.keyResults ?? [], (i) => `/body/keyResults/${i}`);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'objective.create',
      entityType: 'objective',
      entityId: row.id,
      objectiveId: row.id,
      unitId: row.unitId,
      after: {
        ...row,
        supports: input.supports ?? [],
        supportsKeyResultIds: input.supportsKeyResultIds ?? [],
        themeIds: input.themeIds ?? [],
        keyResults: krs.map((kr) => kr.id),
      },
    });
    const view = await viewObjective(tx, actor, row.id, deps.now());
    await emitWebhookEvents(deps, tx, actor.orgId, 'objective.created', [view], deps.now());
    return view;
  });
}
