import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { UnitRole } from '../../core/domain.ts';
import { accounts, memberships, unitMembers } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource, isUuid } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertNotArchived, findUnit } from './unit-tree.ts';
import type { UnitMemberView } from './unit-view.ts';
import { forgetActors } from '../caches.ts';

/** Puts a member of the organisation in a unit as lead or member, or changes their role there. */
export async function setUnitMember(
  deps: AppDeps,
  caller: Caller,
  unitId: string,
  accountId: string,
  input: { role: UnitRole },
): Promise<UnitMemberView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'unit', unitId);
    if (!can(actor, 'unit.manageMembers', { unitId })) throw forbidden();
    const unit = await findUnit(tx, actor.orgId, unitId);
    assertNotArchived(unit);
    // Locked (shared) so that removing the person from the organisation waits for this.
    const [person] = isUuid(accountId)
      ? await tx
          .select({ accountId: accounts.id, name: accounts.name })
          .from(memberships)
          .innerJoin(accounts, eq(accounts.id, memberships.accountId))
          .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.accountId, accountId)))
          .for('share', { of: memberships })
      : [];
    if (!person) throw invalid('/params/accountId', 'not_a_member');

    const [before] = await tx
      .select({ role: unitMembers.role })
      .from(unitMembers)
      .where(
        and(
          eq(unitMembers.orgId, actor.orgId),
          eq(unitMembers.unitId, unit.id),
          eq(unitMembers.accountId, person.accountId),
        ),
      );
    if (before?.role !== input.role) {
      await tx
        .insert(unitMembers)
        .values({ orgId: actor.orgId, unitId: unit.id, accountId: person.accountId, role: input.role })
        .onConflictDoUpdate({
          target: [unitMembers.orgId, unitMembers.unitId, unitMembers.accountId],
          set: { role: input.role },
        });
      await recordAudit(tx, {
        orgId: actor.orgId,
        actorId: caller.accountId,
        action: before ? 'unit.member_update' : 'unit.member_add',
        entityType: 'unit',
        entityId: unit.id,
        before: before ? { accountId: person.accountId, role: before.role } : undefined,
        after: { accountId: person.accountId, role: input.role },
      });
    }
    return { accountId: person.accountId, name: person.name, role: input.role };
  }).finally(() => forgetActors(deps));
}
