// Migrations apply from zero on both engines, and only ever add schema: a deployed
// database is upgraded in place while older server processes may still be running.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type DatabaseHandle } from './connect.ts';
import { queryRows } from './raw.ts';
import { testEngine } from '../test/test-db.ts';
import { withFreshPostgres } from '../test/fresh-database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));
const EXPECTED_TABLES = [
  'account_audit_events',
  'accounts',
  'activities',
  'alignments',
  'api_tokens',
  'audit_events',
  'check_ins',
  'comments',
  'cycles',
  'invitations',
  'key_results',
  'memberships',
  'notifications',
  'objectives',
  'organizations',
  'outbox_messages',
  'reflections',
  'sessions',
  'sheet_mappings',
  'sso_logins',
  'webhook_deliveries',
  'webhook_subscriptions',
  'unit_members',
  'units',
];

async function tablesOf(db: DatabaseHandle): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * The one migration allowed to replace keys (0026, sharding by organisation: a primary key
 * cannot be widened in place) and to move rows: the organisation-less audit events it first
 * copies to account_audit_events. Only those statements are let through; any other drop in
 * it is caught as in every other migration.
 */
function withoutKeyReplacements(file: string, text: string): string {
  if (file !== '0026_shard_keys.sql') return text;
  expect(text).toMatch(/insert into "account_audit_events"[^;]+from "audit_events" where "org_id" is null;/i);
  return text
    .replace(/alter table "\w+" drop constraint "\w+_(pkey|pk|fk|key|unique)";/gi, '')
    .replace(/delete from "audit_events" where "org_id" is null;/i, '');
}

describe('migrations', () => {
  it('apply from zero, twice without harm', async () => {
    const check = async (db: DatabaseHandle) => {
      try {
        await db.migrate();
        await db.migrate();
        expect(await tablesOf(db)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
      } finally {
        await db.close();
      }
    };
    if (testEngine() === 'postgres') await withFreshPostgres(async (url) => check(await openPostgres(url, 2)));
    else await check(await openPglite());
  });

  it('only add schema: no dropped table, column or constraint, no rename, type change or data deletion (an index may be replaced)', async () => {
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    const destructive =
      /\b(drop\s+(table|column|constraint|type|schema)|rename\s+(to|column)|alter\s+column\s+\S+\s+(set\s+data\s+)?type|truncate|delete\s+from)\b/i;
    for (const file of files) {
      const text = await readFile(`${migrationsDir}/${file}`, 'utf8');
      expect(withoutKeyReplacements(file, text), `${file} must only add schema`).not.toMatch(destructive);
    }
  });
});
