// Migration 0026 (sharding-ready keys) on a database that already holds an organisation's
// OKRs: a database migrated up to 0025 gets rows in every table, then the later migrations;
// every row and every link between them is still there, a person's own audit events moved to
// account_audit_events, and the rule that failed before holds after.
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle } from './connect.ts';
import { queryRows } from './raw.ts';
import { readTableKeys, shardingViolations } from './sharding-rule.ts';
import { withEmptyDatabase } from '../test/fresh-database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));
const LAST_BEFORE = '0025_invitation_role';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A migrations folder that ends at `lastTag`: the database as an older release left it. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const journal = JSON.parse(await readFile(`${migrationsDir}/meta/_journal.json`, 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  const entries = journal.entries.slice(0, last + 1);
  const dir = await mkdtemp(path.join(tmpdir(), 'riktning-migrations-'));
  await mkdir(`${dir}/meta`);
  await writeFile(`${dir}/meta/_journal.json`, JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) await cp(`${migrationsDir}/${tag}.sql`, `${dir}/${tag}.sql`);
  return dir;
}

async function migrateWith(handle: DatabaseHandle, migrationsFolder: string): Promise<void> {
  if (handle.engine === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  else await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder });
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [ORG, OTHER_ORG, OWNER, MEMBER, SERVICE] = [1, 2, 3, 4, 5].map(id);
const [DIVISION, TEAM, YEAR, QUARTER, ORG_OBJECTIVE, TEAM_OBJECTIVE, CARRIED] = [10, 11, 12, 13, 14, 15, 16].map(id);
const [KR, TEAM_KR, CHECK_IN, ACTIVITY, COMMENT, THEME, CHANNEL, HOOK] = [20, 21, 22, 23, 24, 25, 26, 27].map(id);
const [OTHER_UNIT, OTHER_CYCLE] = [30, 31].map(id);

/** One organisation with a row in every table and a second one beside it, in the schema of 0025. */
const SEED = [
  `insert into organizations (id, slug, name) values ('${ORG}', 'nordljus', 'Nordljus'), ('${OTHER_ORG}', 'other', 'Other')`,
  `insert into accounts (id, email, name) values ('${OWNER}', 'anna@example.se', 'Anna'),
     ('${MEMBER}', 'bo@example.se', 'Bo'), ('${SERVICE}', 'svc@example.se', 'Integration')`,
  `insert into memberships (org_id, account_id, role) values ('${ORG}', '${OWNER}', 'owner'),
     ('${ORG}', '${MEMBER}', 'member'), ('${OTHER_ORG}', '${OWNER}', 'owner')`,
  `insert into scim_users (org_id, account_id, external_id) values ('${ORG}', '${MEMBER}', 'ext-bo')`,
  `insert into units (id, org_id, parent_id, name) values ('${DIVISION}', '${ORG}', null, 'Sälj'),
     ('${TEAM}', '${ORG}', '${DIVISION}', 'Team Norr'), ('${OTHER_UNIT}', '${OTHER_ORG}', null, 'Andra')`,
  `insert into unit_members (org_id, unit_id, account_id, role) values ('${ORG}', '${TEAM}', '${MEMBER}', 'lead')`,
  `insert into cycles (id, org_id, parent_id, name, starts_on, ends_on) values
     ('${YEAR}', '${ORG}', null, '2026', '2026-01-01', '2026-12-31'),
     ('${QUARTER}', '${ORG}', '${YEAR}', 'Q1', '2026-01-01', '2026-03-31'),
     ('${OTHER_CYCLE}', '${OTHER_ORG}', null, '2026', '2026-01-01', '2026-12-31')`,
  `insert into objectives (id, org_id, cycle_id, level, unit_id, title, carried_from_id) values
     ('${ORG_OBJECTIVE}', '${ORG}', '${YEAR}', 'organization', null, 'Växa', null),
     ('${TEAM_OBJECTIVE}', '${ORG}', '${QUARTER}', 'unit', '${TEAM}', 'Fler kunder i norr', null),
     ('${CARRIED}', '${ORG}', '${QUARTER}', 'unit', '${TEAM}', 'Fler kunder igen', '${TEAM_OBJECTIVE}'),
     ('${id(32)}', '${OTHER_ORG}', '${OTHER_CYCLE}', 'unit', '${OTHER_UNIT}', 'Annat', null)`,
  `insert into key_results (id, org_id, objective_id, title, metric, target_value) values
     ('${KR}', '${ORG}', '${ORG_OBJECTIVE}', '300 deltagare', 'increase_to', 300),
     ('${TEAM_KR}', '${ORG}', '${TEAM_OBJECTIVE}', '20 kunder', 'increase_to', 20)`,
  `insert into alignments (org_id, objective_id, supports_id) values ('${ORG}', '${TEAM_OBJECTIVE}', '${ORG_OBJECTIVE}')`,
  `insert into key_result_alignments (org_id, objective_id, supports_id, key_result_id)
     values ('${ORG}', '${TEAM_OBJECTIVE}', '${ORG_OBJECTIVE}', '${KR}')`,
  `insert into strategy_themes (id, org_id, name) values ('${THEME}', '${ORG}', 'Belysning som tjänst')`,
  `insert into objective_themes (org_id, objective_id, theme_id) values ('${ORG}', '${ORG_OBJECTIVE}', '${THEME}')`,
  `insert into check_ins (id, org_id, key_result_id, author_id, value, confidence)
     values ('${CHECK_IN}', '${ORG}', '${KR}', '${OWNER}', 120, 7)`,
  `insert into activities (id, org_id, key_result_id, title) values ('${ACTIVITY}', '${ORG}', '${KR}', 'Bjud in kunder')`,
  `insert into comments (id, org_id, objective_id, key_result_id, author_id, body)
     values ('${COMMENT}', '${ORG}', '${ORG_OBJECTIVE}', '${KR}', '${MEMBER}', 'Bra @Anna')`,
  `insert into notifications (id, org_id, recipient_id, kind, objective_id, comment_id)
     values ('${id(40)}', '${ORG}', '${OWNER}', 'mention', '${ORG_OBJECTIVE}', '${COMMENT}')`,
  `insert into reflections (id, org_id, cycle_id, objective_id, unit_id, went_well) values
     ('${id(41)}', '${ORG}', '${YEAR}', '${ORG_OBJECTIVE}', null, 'Mycket'),
     ('${id(42)}', '${ORG}', '${QUARTER}', null, '${TEAM}', 'Lite')`,
  `insert into audit_events (org_id, actor_id, action, entity_type, entity_id, objective_id) values
     ('${ORG}', '${OWNER}', 'objective.create', 'objective', '${ORG_OBJECTIVE}', '${ORG_OBJECTIVE}'),
     (null, '${OWNER}', 'password.change', 'account', '${OWNER}', null),
     ('${OTHER_ORG}', '${OWNER}', 'unit.create', 'unit', '${OTHER_UNIT}', null)`,
  `insert into outbox_messages (id, org_id, recipient_id, to_address, kind, dedupe_key, locale, subject, text_body)
     values ('${id(43)}', '${ORG}', '${OWNER}', 'anna@example.se', 'mention', 'mention:${COMMENT}:${OWNER}', 'sv', 'Nämnd', 'Bo nämnde dig')`,
  `insert into invitations (id, org_id, account_id, token_hash, expires_at, role)
     values ('${id(44)}', '${ORG}', '${MEMBER}', 'hash-1', now() + interval '7 days', 'member')`,
  `insert into service_accounts (account_id, org_id, scopes, unit_id) values ('${SERVICE}', '${ORG}', '{okr:read}', '${TEAM}')`,
  `insert into api_tokens (id, account_id, name, token_hash) values ('${id(45)}', '${SERVICE}', 'ci', 'token-hash-1')`,
  `insert into sessions (token_hash, account_id, csrf_token, expires_at) values ('session-1', '${OWNER}', 'csrf', now() + interval '1 day')`,
  `insert into sso_logins (id_hash, state, nonce, code_verifier, org_id, expires_at)
     values ('login-1', 'state', 'nonce', 'verifier', '${ORG}', now() + interval '10 minutes')`,
  `insert into org_sso_providers (org_id, issuer, client_id, client_secret, name)
     values ('${ORG}', 'https://idp.example.se', 'client', 'secret', 'Nordljus SSO')`,
  `insert into sheet_mappings (org_id, header, field) values ('${ORG}', 'mal', 'objective')`,
  `insert into webhook_subscriptions (id, org_id, url, events, secret) values ('${HOOK}', '${ORG}', 'https://hook.example.se', '{checkIn.created}', 's')`,
  `insert into webhook_deliveries (id, org_id, subscription_id, event_type, body) values ('${id(46)}', '${ORG}', '${HOOK}', 'checkIn.created', '{}')`,
  `insert into chat_channels (id, org_id, unit_id, kind, url, messages) values ('${CHANNEL}', '${ORG}', '${TEAM}', 'slack', 'https://chat.example.se', '{weekly}')`,
  `insert into chat_posts (id, org_id, channel_id, message_kind, dedupe_key, body) values ('${id(47)}', '${ORG}', '${CHANNEL}', 'weekly', 'w1', '{}')`,
];

async function publicTables(handle: DatabaseHandle): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    handle.db,
    sql`select relname::text as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Every row of every table, as JSON, in a fixed order. */
async function contents(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of await publicTables(handle)) {
    const rows = await queryRows<{ row: unknown }>(
      handle.db,
      sql`select to_jsonb(t) as row from ${sql.identifier(table)} t order by to_jsonb(t)::text`,
    );
    all[table] = rows.map((r) => r.row);
  }
  return all;
}

/** What an audit event in no organisation leaves behind on its move: it had none of these. */
const ACCOUNT_EVENT_DROPS = ['org_id', 'objective_id', 'unit_id'];

describe('migration 0026 on an existing database', () => {
  it('keeps every row and link, moves the account events out of the audit log, and the rule holds after', async () => {
    const older = await migrationsUpTo(LAST_BEFORE);
    try {
      await withEmptyDatabase(async (handle) => {
        await migrateWith(handle, older);
        for (const statement of SEED) await handle.db.execute(sql.raw(statement));
        expect(shardingViolations(await readTableKeys(handle.db))).not.toEqual([]);
        const before = await contents(handle);

        await handle.migrate();

        const after = await contents(handle);
        expect(shardingViolations(await readTableKeys(handle.db))).toEqual([]);
        const isAccountEvent = (row: unknown) => (row as { org_id: string | null }).org_id === null;
        const { audit_events: auditBefore = [], ...restBefore } = before;
        const { audit_events: auditAfter = [], account_audit_events: accountEvents = [], ...restAfter } = after;
        expect(restAfter).toEqual(restBefore);
        expect(auditAfter).toEqual(auditBefore.filter((row) => !isAccountEvent(row)));
        expect(accountEvents).toEqual(
          auditBefore
            .filter(isAccountEvent)
            .map((row) =>
              Object.fromEntries(
                Object.entries(row as object).filter(([column]) => !ACCOUNT_EVENT_DROPS.includes(column)),
              ),
            ),
        );
        expect(accountEvents).toHaveLength(1);

        // The links now hold within the organisation: a check-in of another organisation's key result is refused.
        await expect(
          handle.db.execute(
            sql.raw(
              `insert into check_ins (org_id, key_result_id, value, confidence) values ('${OTHER_ORG}', '${KR}', 1, 5)`,
            ),
          ),
        ).rejects.toThrow();
        // And still cascade as before: removing the alignment removes its key result alignment.
        await handle.db.execute(sql.raw(`delete from alignments where objective_id = '${TEAM_OBJECTIVE}'`));
        const [left] = await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from key_result_alignments`,
        );
        expect(left?.n).toBe(0);
        // A new account event continues after the moved ones.
        await handle.db.execute(
          sql.raw(
            `insert into account_audit_events (action, entity_type, entity_id) values ('session.create', 'account', '${OWNER}')`,
          ),
        );
        const ids = await queryRows<{ id: number }>(
          handle.db,
          sql`select id::int as id from account_audit_events order by id`,
        );
        expect(ids[1]?.id).toBeGreaterThan(ids[0]?.id as number);
      });
    } finally {
      await rm(older, { recursive: true, force: true });
    }
  });
});
