// The migrated schema keeps the sharding rule (docs/scaling.md), and the checker catches a
// table that breaks it: a new table must carry org_id in its keys or be listed, with its
// reason, as a table of no organisation.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../test/test-db.ts';
import { NON_ORGANISATION_TABLES, organisationTables, readTableKeys, shardingViolations } from './sharding-rule.ts';

describe('the sharding rule', () => {
  it('holds for every table of the migrated schema', async () => {
    const { db } = await testDatabase();
    const tables = await readTableKeys(db);
    expect(shardingViolations(tables)).toEqual([]);
    expect(organisationTables(tables)).toEqual(
      expect.arrayContaining(['objectives', 'key_results', 'check_ins', 'audit_events']),
    );
    expect(organisationTables(tables).length + Object.keys(NON_ORGANISATION_TABLES).length).toBe(tables.length);
  });

  it('names each table that breaks it, and why', async () => {
    const { db } = await testDatabase();
    // A schema of its own, with stand-ins for the organisation's tables the bad ones refer
    // to: on PostgreSQL every test file shares the database, and tables made in public would
    // show in the others' reading of the schema (and lock the real tables they refer to).
    const schema = `sharding_rule_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const s = (name: string) => sql.raw(`${schema}.${name}`);
    const made = [
      sql`create schema ${sql.raw(schema)}`,
      sql`create table ${s('organizations')} (id uuid primary key)`,
      sql`create table ${s('cycles')} (org_id uuid not null references ${s('organizations')} (id), id uuid,
            primary key (org_id, id))`,
      sql`create table ${s('units')} (org_id uuid not null references ${s('organizations')} (id), id uuid,
            primary key (org_id, id))`,
      // A lone id for its key and a unique key of its own: the organisation's rows spread over shards.
      sql`create table ${s('rule_lone_id')} (id uuid primary key, org_id uuid not null references ${s('organizations')} (id),
            code text unique)`,
      // org_id may be null, and its reference to cycles pairs org_id with another column.
      sql`create table ${s('rule_loose')} (org_id uuid references ${s('organizations')} (id), id uuid, parent_id uuid,
            primary key (id), foreign key (parent_id, org_id) references ${s('cycles')} (org_id, id))`,
      // No org_id at all, and not listed.
      sql`create table ${s('rule_unlisted')} (id uuid primary key)`,
      // org_id on both sides, but deleting the parent would set org_id null.
      sql`create table ${s('rule_set_null')} (org_id uuid not null references ${s('organizations')} (id), id uuid,
            unit_id uuid, primary key (org_id, id),
            foreign key (org_id, unit_id) references ${s('units')} (org_id, id) on delete set null)`,
    ];
    const onlyOrganizations = { organizations: NON_ORGANISATION_TABLES.organizations as string };
    try {
      for (const statement of made) await db.execute(statement);
      const violations = shardingViolations(await readTableKeys(db, schema), onlyOrganizations);
      expect(violations).toEqual(
        expect.arrayContaining([
          { table: 'rule_lone_id', reason: 'primary key (id) does not start with org_id' },
          { table: 'rule_lone_id', reason: 'unique key rule_lone_id_code_key (code) lacks org_id' },
          { table: 'rule_loose', reason: 'org_id may be null' },
          {
            table: 'rule_loose',
            reason: 'reference rule_loose_parent_id_org_id_fkey to cycles does not carry org_id on both sides',
          },
          { table: 'rule_unlisted', reason: 'has no org_id and is not listed as a table of no organisation' },
          {
            table: 'rule_set_null',
            reason: 'reference rule_set_null_org_id_unit_id_fkey would set org_id null on delete',
          },
        ]),
      );
      expect(violations.every((v) => v.table.startsWith('rule_'))).toBe(true);
      // Listed as a table of no organisation, it may not refer to one that belongs to one.
      const listed = { ...onlyOrganizations, rule_unlisted: 'a test', rule_lone_id: 'a test' };
      await db.execute(sql`alter table ${s('rule_unlisted')} add column unit_org uuid, add column unit_id uuid,
        add foreign key (unit_org, unit_id) references ${s('units')} (org_id, id)`);
      expect(shardingViolations(await readTableKeys(db, schema), listed)).toEqual(
        expect.arrayContaining([
          {
            table: 'rule_unlisted',
            reason: 'belongs to no organisation but rule_unlisted_unit_org_unit_id_fkey refers to units, which does',
          },
        ]),
      );
      expect(shardingViolations(await readTableKeys(db, schema), { ...listed, gone: 'a test' })).toContainEqual({
        table: 'gone',
        reason: 'is listed but does not exist',
      });
    } finally {
      await db.execute(sql`drop schema if exists ${sql.raw(schema)} cascade`);
    }
  });
});
