// A unit's reflection on a cycle: what went well, what it learned, what it changes next
// time. Everyone reads it; the unit's leads and admins write it, also once the cycle is
// closed (that is when it is written). A reflection not yet written reads as empty with
// version 0, so the first write may send If-Match "0" like any other.
import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { Queryable } from '../../db/connect.ts';
import { param, preparedByShape } from '../../db/prepared-shapes.ts';
import { accounts, reflections } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion } from '../versioning.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { findCycle } from '../cycles/cycle-rules.ts';
import { trimmed, type ReflectionInput } from '../objectives/score-objective.ts';
import { assertNotArchived, findUnit } from './unit-tree.ts';

export interface UnitReflectionView {
  unitId: string;
  cycleId: string;
  wentWell: string;
  learned: string;
  changeNext: string;
  authorName: string | null;
  version: number;
  updatedAt: string | null;
  abilities: { 'unit.update': boolean };
}

/** Prepared once per database: every visit to a unit's page reads its reflection. */
const reflectionStatement = preparedByShape(
  'unit_reflection',
  () => '',
  (q, name) =>
    q
      .select({ reflection: reflections, authorName: accounts.name })
      .from(reflections)
      .leftJoin(accounts, eq(accounts.id, reflections.authorId))
      .where(
        and(
          eq(reflections.orgId, param('orgId')),
          eq(reflections.unitId, param('unitId')),
          eq(reflections.cycleId, param('cycleId')),
        ),
      )
      .prepare(name),
);

async function readReflection(q: Queryable, orgId: string, unitId: string, cycleId: string) {
  const [row] = await reflectionStatement(q, undefined).execute({ orgId, unitId, cycleId });
  return row;
}

function present(
  actor: OrgActor,
  unitId: string,
  cycleId: string,
  row: Awaited<ReturnType<typeof readReflection>>,
): UnitReflectionView {
  return {
    unitId,
    cycleId,
    wentWell: row?.reflection.wentWell ?? '',
    learned: row?.reflection.learned ?? '',
    changeNext: row?.reflection.changeNext ?? '',
    authorName: row?.authorName ?? null,
    version: row?.reflection.version ?? 0,
    updatedAt: row?.reflection.updatedAt.toISOString() ?? null,
    abilities: { 'unit.update': can(actor, 'unit.update', { unitId }) },
  };
}

export async function getUnitReflection(
  deps: AppDeps,
  caller: Caller,
  unitId: string,
  cycleId: string,
): Promise<UnitReflectionView> {
  const actor = await actorForResource(deps.db, caller, 'unit', unitId);
  await findOrgCycle(deps, actor.orgId, cycleId);
  return present(actor, unitId, cycleId, await readReflection(deps.db, actor.orgId, unitId, cycleId));
}

export async function putUnitReflection(
  deps: AppDeps,
  caller: Caller,
  unitId: string,
  cycleId: string,
  /** From If-Match; required once the reflection exists. */
  version: number | undefined,
  input: ReflectionInput,
): Promise<UnitReflectionView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'unit', unitId);
    const unit = await findUnit(tx, actor.orgId, unitId);
    if (!can(actor, 'unit.update', { unitId })) throw forbidden();
    assertNotArchived(unit);
    await findCycle(tx, actor.orgId, cycleId);
    const before = await readReflection(tx, actor.orgId, unitId, cycleId);
    if (before && version === undefined) throw new AppError('precondition_required', 'precondition_required');
    if (version !== undefined) assertVersion(before?.reflection.version ?? 0, version);
    const text = trimmed(input);
    const now = deps.now();
    if (before) {
      // The version in the condition makes a concurrent write with the same If-Match lose (412).
      const updated = await tx
        .update(reflections)
        .set({ ...text, authorId: caller.accountId, version: before.reflection.version + 1, updatedAt: now })
        .where(
          and(
            eq(reflections.orgId, actor.orgId),
            eq(reflections.id, before.reflection.id),
            eq(reflections.version, before.reflection.version),
          ),
        )
        .returning({ id: reflections.id });
      if (updated.length === 0) throw new AppError('precondition_failed', 'precondition_failed');
    } else {
      // Two first writes at once: the unique (unit, cycle) index refuses the second (409).
      await tx.insert(reflections).values({
        orgId: actor.orgId,
        cycleId,
        unitId,
        authorId: caller.accountId,
        ...text,
        createdAt: now,
        updatedAt: now,
      });
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'unit.reflect',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      before: before ? { cycleId, ...trimmed(before.reflection) } : null,
      after: { cycleId, ...text },
    });
    return present(actor, unitId, cycleId, await readReflection(tx, actor.orgId, unitId, cycleId));
  });
}
