// Whether the database has every migration this build carries, for /readyz: a server that
// starts against a database another process has not finished migrating (or an old backup
// restored under a newer build) must not be sent traffic.
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrationsFolder, type Db } from './connect.ts';
import { queryRows } from './raw.ts';

let buildMigrations: MigrationMeta[] | undefined;

/**
 * How many of the build's migrations the database lacks. Drizzle's migrator applies those
 * newer than the last it recorded, so that record is what counts here too.
 */
export async function pendingMigrations(db: Db): Promise<number> {
  buildMigrations ??= readMigrationFiles({ migrationsFolder });
  // The record's table is created by the first migration run: a fresh database has none.
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return buildMigrations.length;
  const [last] = await queryRows<{ created_at: string | null }>(
    db,
    sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`,
  );
  const lastApplied = Number(last?.created_at ?? -1);
  return buildMigrations.filter((migration) => migration.folderMillis > lastApplied).length;
}
