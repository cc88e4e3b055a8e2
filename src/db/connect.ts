// Opens the database: PGlite in a data directory (zero set-up) or PostgreSQL over
// node-postgres when a URL is given. Both are used through the same Drizzle API.
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import path from 'node:path';
import type pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createDatabaseQueue, DEFAULT_QUEUE_LIMITS, type QueueLimits } from './pglite-queue.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { poolSendingByTurn } from './statements-by-turn.ts';
import { connectionSettings, databasePoolerFromEnv, type DatabasePooler } from './postgres-pooler.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

/** How busy the connections are, for /metrics: open, idle, and calls waiting for one. */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  poolUse(): PoolUse;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The extensions the migrations create (0008: pg_trgm for search). PGlite loads an
 * extension's code only when told at start, also for a database that already has it.
 */
const extensions = { pg_trgm };

/** Where the embedded database keeps its files inside RIKTNING_DATA_DIR. */
export const pgliteDirOf = (dataDir: string): string => path.join(dataDir, 'pglite');

/**
 * PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). `whileLocked` runs
 * once the directory is this process's and before the database opens (a staged restore).
 * `limits` bound the line of statements waiting for it (pglite-queue.ts).
 */
export async function openPglite(
  dataDir?: string,
  whileLocked?: () => Promise<void>,
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): Promise<DatabaseHandle> {
  if (!dataDir) return pgliteHandle(await PGlite.create({ extensions }), async () => {}, limits);
  const release = await lockDataDir(dataDir);
  try {
    await whileLocked?.();
    return pgliteHandle(await PGlite.create({ extensions, dataDir: pgliteDirOf(dataDir) }), release, limits);
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * PGlite in memory, starting from an image of another one's data directory (`dumpImage`):
 * under a second, where creating and migrating one takes about three (test suites open one
 * per file).
 */
export async function openPgliteFromImage(
  image: Blob,
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): Promise<DatabaseHandle> {
  return pgliteHandle(await PGlite.create({ loadDataDir: image, extensions }), async () => {}, limits);
}

/** The data directory of an in-memory PGlite, as `openPgliteFromImage` takes it. */
export async function dumpImage(handle: DatabaseHandle): Promise<Blob> {
  return pgliteOf(handle).dumpDataDir('none');
}

/**
 * A consistent, compressed copy of an embedded database's data directory (db/backup.ts),
 * taken while it serves: inside a transaction, so no other transaction is open while the
 * files are read (PGlite runs one at a time), after a checkpoint, so the copy needs no
 * recovery when it is opened.
 */
export async function dumpBackup(handle: DatabaseHandle): Promise<Blob> {
  const client = pgliteOf(handle);
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`checkpoint`);
    return client.dumpDataDir('gzip');
  });
}

/** An embedded database in `dataDir`, made from a backup (`dumpBackup`); the directory must not exist. */
export async function createPgliteFromBackup(dataDir: string, backup: Blob): Promise<void> {
  const client = await PGlite.create({ extensions, dataDir, loadDataDir: backup });
  await client.exec('CHECKPOINT');
  await client.close();
}

function pgliteOf(handle: DatabaseHandle): PGlite {
  const client = pgliteClients.get(handle);
  if (!client) throw new Error('Only an embedded (PGlite) database has a data directory to copy.');
  return client;
}

const pgliteClients = new WeakMap<DatabaseHandle, PGlite>();

function pgliteHandle(client: PGlite, release: () => Promise<void>, limits: QueueLimits): DatabaseHandle {
  const queue = createDatabaseQueue(limits);
  // What Drizzle calls on the client (drizzle-orm/pglite/session.js), each in its turn; a
  // transaction keeps its turn until it ends, its statements go through `tx`.
  const queued = {
    query: (...args: Parameters<PGlite['query']>) => queue.run(() => client.query(...args)),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) => queue.run(() => client.transaction(work)),
  };
  const db = drizzlePglite({ client: queued as unknown as PGlite, schema }) as unknown as Db;
  const handle: DatabaseHandle = {
    db,
    engine: 'pglite',
    // One connection, which runs one statement at a time: the others wait in the queue.
    poolUse: () => ({ total: 1, idle: queue.busy() ? 0 : 1, waiting: queue.depth() }),
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    async close() {
      // A checkpoint writes everything to the data files, so the next start needs no recovery.
      if (!client.closed) {
        await client.exec('CHECKPOINT');
        await client.close();
      }
      await release();
    },
  };
  pgliteClients.set(handle, client);
  return handle;
}

/**
 * PostgreSQL through a pool of `maxConnections`. `pooler` says what the connections may rely
 * on (postgres-pooler.ts): by default the process's RIKTNING_DB_POOLER. `poolConfig`: more of
 * node-postgres's pool settings (a read replica's connection timeout).
 */
export async function openPostgres(
  connectionString: string,
  maxConnections = 10,
  pooler: DatabasePooler = databasePoolerFromEnv(),
  poolConfig: pg.PoolConfig = {},
): Promise<DatabaseHandle> {
  // The statements of a turn go out together, as a pipeline (statements-by-turn.ts); a
  // transaction-mode PgBouncer passes a pipeline on (CI runs the suite behind one).
  const pool = poolSendingByTurn({
    ...poolConfig,
    ...connectionSettings(connectionString, pooler),
    max: maxConnections,
  });
  // A dropped idle connection must not take the process down.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: () => migratePostgres(db, migrationsFolder),
    close: () => pool.end(),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
