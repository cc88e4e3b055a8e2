// Archiving instead of deleting: an archived row drops out of every list and figure, and
// an admin can restore it. Shared by every archivable entity.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/connect.ts';
import { queryRows } from '../db/raw.ts';
import { recordAudit } from './audit.ts';
import { notFound } from './errors.ts';
import type { OrgActor } from './scope.ts';

const ARCHIVABLE_TABLES = {
  objective: 'objectives',
  keyResult: 'key_results',
  activity: 'activities',
  unit: 'units',
} as const;
export type ArchivableEntity = keyof typeof ARCHIVABLE_TABLES;

/** The objective and unit an archived row belongs to, for the activity feeds (see recordAudit). */
const FEED_COLUMNS: Record<ArchivableEntity, SQL> = {
  objective: sql`objectives.id as objective_id, objectives.unit_id`,
  keyResult: sql`key_results.objective_id,
    (select o.unit_id from objectives o where o.id = key_results.objective_id) as unit_id`,
  activity: sql`(select kr.objective_id from key_results kr where kr.id = activities.key_result_id) as objective_id,
    (select o.unit_id from key_results kr join objectives o on o.id = kr.objective_id
      where kr.id = activities.key_result_id) as unit_id`,
  unit: sql`null::uuid as objective_id, units.id as unit_id`,
};

/** Archives (or restores) one row of the actor's organisation; not found if already so. */
export async function setArchived(
  tx: Tx,
  actor: OrgActor,
  entity: ArchivableEntity,
  id: string,
  archived: boolean,
  now: Date,
) {
  const rows = await queryRows<{ id: string; objective_id: string | null; unit_id: string | null }>(
    tx,
    sql`update ${sql.identifier(ARCHIVABLE_TABLES[entity])}
           set archived_at = ${archived ? now.toISOString() : null}::timestamptz,
               version = version + 1, updated_at = ${now.toISOString()}::timestamptz
         where id = ${id} and org_id = ${actor.orgId} and archived_at is ${archived ? sql`null` : sql`not null`}
     returning id, ${FEED_COLUMNS[entity]}`,
  );
  const [row] = rows;
  if (!row) throw notFound(entity);
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorId: actor.accountId,
    action: `${entity}.${archived ? 'archive' : 'restore'}`,
    entityType: entity,
    entityId: id,
    objectiveId: row.objective_id,
    unitId: row.unit_id,
  });
}
