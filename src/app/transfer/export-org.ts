// One organisation's export document (api/schemas/export.ts, format "riktning/1"), written
// piece by piece to a sink as it is read. PostgreSQL builds each item's JSON, and the long
// lists come through a cursor a batch at a time, so that the million check-ins of a large
// organisation pass through holding one batch. Everything is read in one repeatable-read
// transaction: the document is the state of one moment, and every reference in it holds.
import type { SQL } from 'drizzle-orm';
import { EXPORT_FORMAT } from '../../core/export-format.ts';
import { can } from '../../core/policy.ts';
import type { Tx } from '../../db/connect.ts';
import { forEachBatch, inSnapshot } from '../../db/cursor.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { exportLists } from './export-lists.ts';

/** Receives the document's text in order; resolves when it may be given more. */
export type ExportSink = (chunk: string) => Promise<void>;

/** Items read from the cursor at a time. */
export const EXPORT_BATCH = 2000;

/** The caller may export the organisation (admins): checked before anything is sent. */
export async function authorizeExport(deps: AppDeps, caller: Caller, orgId: string): Promise<OrgActor> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'org.export')) throw forbidden();
  return actor;
}

/** Writes the whole document for the organisation to `write`. */
export async function writeExport(
  deps: AppDeps,
  actor: OrgActor,
  write: ExportSink,
  batchSize = EXPORT_BATCH,
): Promise<void> {
  await inSnapshot(deps.db, async (tx) => {
    const lists = exportLists(actor.orgId);
    const [organization] = await queryRows<{ j: string }>(tx, lists.organization);
    if (!organization) throw new Error('the organisation to export is gone');
    const exportedAt = JSON.stringify(deps.now().toISOString());
    await write(`{"format":"${EXPORT_FORMAT}","exportedAt":${exportedAt},"organization":${organization.j}`);
    for (const [name, query] of Object.entries(lists.items)) {
      await write(`,"${name}":[`);
      await streamList(tx, query, batchSize, write);
      await write(']');
    }
    await write('}\n');
  });
}

/** One list's items, comma-separated, through a cursor a batch at a time. */
async function streamList(tx: Tx, query: SQL, batchSize: number, write: ExportSink): Promise<void> {
  let first = true;
  await forEachBatch<{ j: string }>(tx, 'export_items', query, batchSize, async (rows) => {
    await write(`${first ? '' : ','}${rows.map((row) => row.j).join(',')}`);
    first = false;
  });
}
