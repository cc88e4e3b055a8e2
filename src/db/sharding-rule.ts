// The sharding rule (docs/scaling.md), read from the database's own catalog: every table
// that belongs to an organisation carries org_id, never null, first in its primary key, in
// every unique key, and on both sides of every reference to another of the organisation's
// tables. Then a distributed PostgreSQL (Citus, sharded by org_id) keeps each organisation's
// rows and the links between them on one shard. The tables that belong to no organisation
// are listed here, each with its reason; they become reference tables.
import { sql } from 'drizzle-orm';
import type { Queryable } from './connect.ts';
import { queryRows } from './raw.ts';

export const NON_ORGANISATION_TABLES: Readonly<Record<string, string>> = {
  organizations:
    'the tenants themselves: small, read with nearly every request, and their slug is unique across the installation',
  accounts: 'a person may belong to several organisations; their e-mail address is unique across the installation',
  sessions: "a signed-in browser is a person's, found by its cookie before any organisation is known",
  api_tokens: "a person's or a service account's token, found by its hash before any organisation is known",
  account_audit_events: 'what a person did to their own account (signing in, tokens, password), in no organisation',
  sso_logins:
    "a sign-in on its way, for minutes: org_id only names whose identity provider (null: the installation's), the person is not known yet",
};

export interface UniqueKey {
  name: string;
  primary: boolean;
  /** Key columns in order; null for an expression. */
  columns: (string | null)[];
}

export interface Reference {
  name: string;
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
  /** The columns ON DELETE sets null: all of them for SET NULL, those named for SET NULL (col), none otherwise. */
  setNullOnDelete: string[];
}

export interface TableKeys {
  name: string;
  /** null: no org_id column. */
  orgIdNotNull: boolean | null;
  uniqueKeys: UniqueKey[];
  references: Reference[];
}

export interface Violation {
  table: string;
  reason: string;
}

/** Every table of the schema (the product's: public) with its unique keys (the primary key among them) and references. */
export async function readTableKeys(q: Queryable, schema = 'public'): Promise<TableKeys[]> {
  const tables = await queryRows<{ name: string; org_id_not_null: boolean | null }>(
    q,
    sql`select c.relname::text as name, a.attnotnull as org_id_not_null
          from pg_class c
          left join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
         where c.relnamespace = ${schema}::regnamespace and c.relkind in ('r', 'p')
         order by 1`,
  );
  const uniques = await queryRows<{ table: string; name: string; primary: boolean; columns: (string | null)[] }>(
    q,
    sql`select t.relname::text as table, i.relname::text as name, x.indisprimary as primary,
               array(select a.attname::text
                       from unnest(x.indkey::int2[]) with ordinality k(n, o)
                       left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n
                      where k.o <= x.indnkeyatts
                      order by k.o) as columns
          from pg_index x
          join pg_class i on i.oid = x.indexrelid
          join pg_class t on t.oid = x.indrelid
         where t.relnamespace = ${schema}::regnamespace and x.indisunique`,
  );
  const references = await queryRows<{
    table: string;
    name: string;
    foreign_table: string;
    columns: string[];
    foreign_columns: string[];
    on_delete: string;
    set_null_columns: string[];
  }>(
    q,
    sql`select t.relname::text as table, c.conname::text as name, f.relname::text as foreign_table,
               array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o)
                       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
               array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o)
                       join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as foreign_columns,
               c.confdeltype::text as on_delete,
               array(select a.attname::text from unnest(c.confdelsetcols) k(n)
                       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as set_null_columns
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          join pg_class f on f.oid = c.confrelid
         where c.contype = 'f' and t.relnamespace = ${schema}::regnamespace`,
  );
  return tables.map((t) => ({
    name: t.name,
    orgIdNotNull: t.org_id_not_null,
    uniqueKeys: uniques
      .filter((u) => u.table === t.name)
      .map((u) => ({ name: u.name, primary: u.primary, columns: u.columns }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    references: references
      .filter((r) => r.table === t.name)
      .map((r) => ({
        name: r.name,
        columns: r.columns,
        foreignTable: r.foreign_table,
        foreignColumns: r.foreign_columns,
        // 'n' is SET NULL; with no columns named it sets all of them.
        setNullOnDelete: r.on_delete !== 'n' ? [] : r.set_null_columns.length ? r.set_null_columns : r.columns,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** The tables sharded by org_id: every one not listed as belonging to no organisation. */
export function organisationTables(tables: TableKeys[], nonOrganisation = NON_ORGANISATION_TABLES): string[] {
  return tables.map((t) => t.name).filter((name) => !(name in nonOrganisation));
}

const list = (columns: (string | null)[]) => `(${columns.map((c) => c ?? 'expression').join(', ')})`;

function organisationTableViolations(table: TableKeys, organisation: Set<string>): string[] {
  if (table.orgIdNotNull === null) return ['has no org_id and is not listed as a table of no organisation'];
  const reasons: string[] = [];
  if (!table.orgIdNotNull) reasons.push('org_id may be null');
  const primary = table.uniqueKeys.find((u) => u.primary);
  if (!primary) reasons.push('has no primary key');
  else if (primary.columns[0] !== 'org_id')
    reasons.push(`primary key ${list(primary.columns)} does not start with org_id`);
  for (const key of table.uniqueKeys) {
    if (!key.primary && !key.columns.includes('org_id'))
      reasons.push(`unique key ${key.name} ${list(key.columns)} lacks org_id`);
  }
  for (const ref of table.references) {
    const orgIdOnBothSides = ref.columns.some((c, i) => c === 'org_id' && ref.foreignColumns[i] === 'org_id');
    if (organisation.has(ref.foreignTable) && !orgIdOnBothSides) {
      reasons.push(`reference ${ref.name} to ${ref.foreignTable} does not carry org_id on both sides`);
    }
    if (ref.setNullOnDelete.includes('org_id')) reasons.push(`reference ${ref.name} would set org_id null on delete`);
  }
  return reasons;
}

/** What breaks the rule, table by table; empty when the schema keeps it. */
export function shardingViolations(tables: TableKeys[], nonOrganisation = NON_ORGANISATION_TABLES): Violation[] {
  const organisation = new Set(organisationTables(tables, nonOrganisation));
  const violations: Violation[] = [];
  for (const name of Object.keys(nonOrganisation)) {
    if (!tables.some((t) => t.name === name)) violations.push({ table: name, reason: 'is listed but does not exist' });
  }
  for (const table of tables) {
    const reasons = organisation.has(table.name)
      ? organisationTableViolations(table, organisation)
      : table.references
          .filter((ref) => organisation.has(ref.foreignTable))
          // A reference table is copied to every node; it cannot point into one shard.
          .map((ref) => `belongs to no organisation but ${ref.name} refers to ${ref.foreignTable}, which does`);
    violations.push(...reasons.map((reason) => ({ table: table.name, reason })));
  }
  return violations;
}
