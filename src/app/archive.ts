// Archiving instead of deleting: an archived row drops out of every list and figure, and
// an admin can restore it. Shared by every archivable entity.
import { sql } from 'drizzle-orm';
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

/** Archives (or restores) one row of the actor's organisation; not found if already so. */
export async function setArchived(
  tx: Tx,
  actor: OrgActor,
  entity: ArchivableEntity,
  id: string,
  archived: boolean,
  now: Date,
) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update ${sql.identifier(ARCHIVABLE_TABLES[entity])}
           set archived_at = ${archived ? now.toISOString() : null}::timestamptz,
               version = version + 1, updated_at = ${now.toISOString()}::timestamptz
         where id = ${id} and org_id = ${actor.orgId} and archived_at is ${archived ? sql`null` : sql`not null`}
     returning id`,
  );
  if (rows.length === 0) throw notFound(entity);
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorId: actor.accountId,
    action: `${entity}.${archived ? 'archive' : 'restore'}`,
    entityType: entity,
    entityId: id,
  });
}
