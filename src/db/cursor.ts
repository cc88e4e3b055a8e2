// Long reads in constant memory: a statement's rows come through a cursor a batch at a time,
// inside one repeatable-read, read-only transaction, so that what is read is the state of one
// moment however long the reader takes to pass it on. Used by the organisation export
// (app/transfer) and the OKR sheet download (app/sheets).
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from './connect.ts';
import { queryRows } from './raw.ts';

/** Runs `work` in one repeatable-read, read-only transaction: every statement sees the same moment. */
export function inSnapshot<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as Tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/**
 * The statement's rows, `batchSize` at a time, through a cursor named `name` (an identifier;
 * one open cursor of a name per transaction). Each batch is handed over, and awaited, before
 * the next is fetched, so a slow reader holds one batch. Must run inside a transaction.
 */
export async function forEachBatch<Row>(
  tx: Tx,
  name: string,
  query: SQL,
  batchSize: number,
  onBatch: (rows: Row[]) => Promise<void>,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a cursor name: ${name}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`not a batch size: ${batchSize}`);
  await tx.execute(sql`declare ${sql.raw(name)} no scroll cursor for ${query}`);
  for (;;) {
    const rows = await queryRows<Row>(tx, sql.raw(`fetch ${batchSize} from ${name}`));
    if (rows.length > 0) await onBatch(rows);
    if (rows.length < batchSize) break;
  }
  await tx.execute(sql.raw(`close ${name}`));
}
