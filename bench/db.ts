// The bench database, opened through the app's own connect.ts (same drivers, same
// migrations), plus a second Drizzle instance over the *same* client that can record the
// statements a piece of work runs. Counting them is how an N+1 shows up; the recorded SQL
// and parameters are what EXPLAIN looks at, so the plans are those of the real queries.
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/db/connect.ts';
import * as schema from '../src/db/schema.ts';

export interface Statement {
  text: string;
  params: unknown[];
}

/** A Drizzle logger that keeps statements only while `record` runs. */
export class StatementRecorder {
  private current: Statement[] | null = null;

  logQuery(text: string, params: unknown[]): void {
    this.current?.push({ text, params: [...params] });
  }

  async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
    const statements: Statement[] = [];
    this.current = statements;
    try {
      return { result: await work(), statements };
    } finally {
      this.current = null;
    }
  }
}

export interface BenchDatabase {
  engine: 'pglite' | 'postgres';
  /** Use this one for everything: the server, the bare SQL and the load. */
  db: Db;
  recorder: StatementRecorder;
  /** The node-postgres pool (PostgreSQL only), for EXPLAIN on a connection of its own. */
  pool: pg.Pool | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The benchmark may only talk to this machine. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(
      `BENCH_DATABASE_URL must point at 127.0.0.1 (the benchmark talks to this machine only), not ${host}`,
    );
  }
}

export async function openBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  const recorder = new StatementRecorder();
  if (url) {
    assertLoopback(url);
    const handle = await openPostgres(url, 10);
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    const db = drizzlePg(pool, { schema, logger: recorder }) as unknown as Db;
    return { engine: 'postgres', db, recorder, pool, migrate: handle.migrate, close: handle.close };
  }
  const handle = await openPglite();
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const db = drizzlePglite(client, { schema, logger: recorder }) as unknown as Db;
  return { engine: 'pglite', db, recorder, pool: null, migrate: handle.migrate, close: handle.close };
}
