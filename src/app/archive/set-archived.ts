// Archiving instead of deleting: an archived row drops out of every list and figure, and
// whoever may archive it may restore it (an admin finds it in the organisation's archive).
// Shared by every archivable entity.
import { sql, type SQL } from 'drizzle-orm';
import type { ArchivableKind } from '../../core/domain.ts';
import type { Tx } from '../../db/connect.ts';
import { queryRows } from '../../db/raw.ts';
import { recordAudit } from '../audit.ts';
import { archivedParent, notFound } from '../errors.ts';
import { assertVersion } from '../versioning.ts';
import type { OrgActor } from '../scope.ts';

export type ArchivableEntity = ArchivableKind;

const ARCHIVABLE_TABLES: Record<ArchivableEntity, string> = {
  objective: 'objectives',
  keyResult: 'key_results',
  activity: 'activities',
  unit: 'units',
};

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

/**
 * Archives (or restores) one row of the actor's organisation; not found if already so.
 * Answers the row's new version: the ETag an undo names in its If-Match.
 */
export async function setArchived(
  tx: Tx,
  actor: OrgActor,
  entity: ArchivableEntity,
  id: string,
  archived: boolean,
  now: Date,
): Promise<number> {
  const rows = await queryRows<{ id: string; version: number; objective_id: string | null; unit_id: string | null }>(
    tx,
    sql`update ${sql.identifier(ARCHIVABLE_TABLES[entity])}
           set archived_at = ${archived ? now.toISOString() : null}::timestamptz,
               version = version + 1, updated_at = ${now.toISOString()}::timestamptz
         where id = ${id} and org_id = ${actor.orgId} and archived_at is ${archived ? sql`null` : sql`not null`}
     returning id, version, ${FEED_COLUMNS[entity]}`,
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
  return row.version;
}

interface Restorable {
  id: string;
  version: number;
  archivedAt: Date | null;
}

/** What a row belongs to, as far as restoring it is concerned. */
export interface ArchivableParent {
  id: string;
  title: string;
  archivedAt: Date | string | null;
}
export type ParentKind = 'objective' | 'keyResult' | 'unit';

/**
 * What must be restored before a row can be: the outermost of its parents that is archived
 * (the objective before its key result). Restored alone, the row would be live where no
 * list shows it.
 */
export function blockingParent(
  under: Partial<Record<ParentKind, ArchivableParent | null>>,
): { kind: ParentKind; id: string; title: string } | null {
  for (const kind of ['objective', 'keyResult', 'unit'] as const) {
    const parent = under[kind];
    if (parent?.archivedAt) return { kind, id: parent.id, title: parent.title };
  }
  return null;
}

/**
 * Restores a row read (and locked) by the caller, if it is still the version they saw; a
 * row that is not archived stays as it is. Under an archived objective or key result it is
 * refused (409), naming the one to restore first.
 */
export async function restoreRow(
  tx: Tx,
  actor: OrgActor,
  entity: ArchivableEntity,
  row: Restorable,
  expectedVersion: number,
  now: Date,
  under: { objective?: ArchivableParent; keyResult?: ArchivableParent } = {},
): Promise<void> {
  assertVersion(row.version, expectedVersion);
  if (!row.archivedAt) return;
  const blocking = blockingParent(under);
  if (blocking) throw archivedParent(blocking.kind, blocking.title);
  await setArchived(tx, actor, entity, row.id, false, now);
}
