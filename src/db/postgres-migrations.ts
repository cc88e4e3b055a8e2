// Applies the migrations on PostgreSQL: what Drizzle's migrator does, with the same record
// (drizzle.__drizzle_migrations: those newer than the last recorded are applied, as
// migration-status.ts counts them), but all in one transaction that first takes a
// transaction-scoped lock. Servers starting together then migrate one after the other, each
// on one connection, also behind a transaction-mode pooler: Drizzle's migrator reads the
// record before its transaction, so it would need a lock held across transactions — a
// session's lock, which a pooler leaves on whichever server connection it gave it, or a
// second connection per server, which a small pool would never hand out (a deadlock).
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from './connect.ts';
import { queryRows } from './raw.ts';

/** Arbitrary constant: serialises migrations when several servers start on one database. */
const MIGRATION_LOCK_KEY = 7_315_004;

export async function migratePostgres(db: Db, migrationsFolder: string): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const [last] = await queryRows<{ created_at: string }>(
      tx,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastApplied = last ? Number(last.created_at) : -Infinity;
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
  });
}
