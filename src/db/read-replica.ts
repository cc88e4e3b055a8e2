// A read replica (DATABASE_READ_URL): a pool on a streaming standby of the primary, for the
// heavy reads that may lag a moment (docs/scaling.md, "Read replica"). It knows how far the
// standby has replayed the primary's write-ahead log, so a caller that wrote at a position
// is served by it only once that write is there (read-your-writes); and it steps aside for
// a while when it fails, so such reads go to the primary instead of failing.
import { sql } from 'drizzle-orm';
import { openPostgres, type DatabaseHandle, type Db } from './connect.ts';
import { queryRows } from './raw.ts';

/** How long a replay position read from the standby is believed: many reads share one question. */
export const REPLAY_POSITION_MS = 20;
/** After a failure the standby is left alone this long; reads that may lag go to the primary. */
export const REPLICA_REST_MS = 5_000;
/** A standby that does not answer a connection in this time is taken as down. */
const CONNECT_TIMEOUT_MS = 2_000;

/** Where a read that may lag was served, and why there (counted for /metrics). */
export type ServedBy = 'replica' | 'primary_behind' | 'primary_down' | 'primary_fallback';

export interface ReadReplica {
  db: Db;
  /**
   * Where a read by a caller whose last write is at `position` goes (null: no write to wait
   * for, and then no question is asked): the standby once it has replayed that far and is
   * not resting after a failure, otherwise the primary, saying why.
   */
  choose(position: bigint | null): Promise<'replica' | 'primary_behind' | 'primary_down'>;
  /** A read on the standby failed: it rests, and the read is done again on the primary. */
  failed(error: unknown): void;
  count(servedBy: ServedBy): void;
  /** Reads by where they were served, since the start. */
  counts(): Readonly<Record<ServedBy, number>>;
  close(): Promise<void>;
}

/** A WAL position as PostgreSQL writes it ("16/B374D848"), as a number that compares. */
export function parseWalPosition(text: string): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The primary's current WAL position: every transaction committed so far lies before it. */
export async function primaryWalPosition(db: Db): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(db, sql`select pg_current_wal_lsn()::text as lsn`);
  if (!row) throw new Error('pg_current_wal_lsn() gave no row');
  return row.lsn;
}

export async function openReadReplica(
  url: string,
  onFailure: (error: unknown) => void = () => {},
  maxConnections = 10,
): Promise<ReadReplica> {
  // The process's RIKTNING_DB_POOLER, as for the primary: a standby behind the same kind of
  // pooler needs the same care, and unnamed statements are safe straight to one too.
  const handle: DatabaseHandle = await openPostgres(url, maxConnections, undefined, {
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  const served: Record<ServedBy, number> = { replica: 0, primary_behind: 0, primary_down: 0, primary_fallback: 0 };
  let restUntil = 0;
  let replayed: { position: bigint; at: number } | null = null;
  let asking: Promise<bigint | null> | null = null;

  const failed = (error: unknown) => {
    // One line per rest, not one per read while the standby is down.
    if (performance.now() >= restUntil) onFailure(error);
    restUntil = performance.now() + REPLICA_REST_MS;
  };

  const askReplayed = async (): Promise<bigint | null> => {
    try {
      const [row] = await queryRows<{ lsn: string | null }>(
        handle.db,
        sql`select pg_last_wal_replay_lsn()::text as lsn`,
      );
      // Null: not a standby (or not replaying), so nothing says how current it is.
      const position = row?.lsn ? parseWalPosition(row.lsn) : null;
      replayed = position === null ? null : { position, at: performance.now() };
      return position;
    } catch (error) {
      failed(error);
      return null;
    }
  };

  const replayPosition = (): Promise<bigint | null> => {
    if (replayed && performance.now() - replayed.at < REPLAY_POSITION_MS) return Promise.resolve(replayed.position);
    asking ??= askReplayed().finally(() => (asking = null));
    return asking;
  };

  return {
    db: handle.db,
    async choose(position) {
      if (performance.now() < restUntil) return 'primary_down';
      if (position === null) return 'replica';
      const at = await replayPosition();
      if (at === null) return performance.now() < restUntil ? 'primary_down' : 'primary_behind';
      return at >= position ? 'replica' : 'primary_behind';
    },
    failed,
    count: (servedBy) => void served[servedBy]++,
    counts: () => ({ ...served }),
    close: () => handle.close(),
  };
}
