// The feed's statement chooses its page of events before it looks anything up for them:
// in its plan the page's limit sits between the log and every lookup. Its plan is generic
// (prepared once per connection), so a lookup joined to the whole log expected as many
// rows as the organisation's log holds, and PostgreSQL sized a cache for each such lookup
// to match at every execution: the organisation feed answered 150 times a second instead
// of 2,300 on the scale data set.
import { randomUUID } from 'node:crypto';
import { Placeholder, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg } from '../../test/factories.ts';
import { testDatabase } from '../../test/test-db.ts';
import { queryRows } from '../../db/raw.ts';
import type { Queryable } from '../../db/connect.ts';
import { feedQuery, type FeedShape } from './list-feed.ts';

const PAGE_ROWS = 11;
const LOGGED = 20_000;

/** Tables the feed looks its events' names and titles up in (not the read rule's objectives). */
const LOOKUPS = / on (accounts|objectives|key_results|units|comments)\b(?! ruled\b)/;

/** A plan node's line in EXPLAIN's text (the first, or one with an arrow), not one of its details. */
const isNode = (line: string, i: number) => i === 0 || /^\s*->/.test(line);
const depth = (line: string) => line.search(/\S/);

/** The statement's generic plan, as EXPLAIN's lines. */
async function genericPlan(db: Queryable, shape: FeedShape, values: Record<string, unknown>): Promise<string[]> {
  const { sql: text, params } = feedQuery(db, shape).toSQL();
  const literal = (value: unknown) => `'${String(value).replace(/'/g, "''")}'`;
  const args = params.map((param) => literal(param instanceof Placeholder ? values[param.name] : param));
  // A name of its own: a prepared statement outlives a failed transaction on its connection.
  const name = `feed_plan_${randomUUID().replace(/-/g, '')}`;
  return db.transaction(async (tx) => {
    await queryRows(tx, sql`set local plan_cache_mode = force_generic_plan`);
    await queryRows(tx, sql.raw(`prepare ${name} as ${text}`));
    const plan = await queryRows<{ 'QUERY PLAN': string }>(tx, sql.raw(`explain execute ${name}(${args.join(', ')})`));
    await queryRows(tx, sql.raw(`deallocate ${name}`));
    return plan.map((row) => row['QUERY PLAN']);
  });
}

/**
 * The nodes from the scan of the log up to the root, nearest first, each with whether a
 * lookup of names and titles lies beneath it (a node's children follow it, indented further).
 */
function aboveTheLog(lines: string[]): { line: string; looksUp: boolean }[] {
  const scan = lines.findIndex((line) => / on audit_events\b/.test(line));
  expect(scan).toBeGreaterThan(0);
  const above: { line: string; looksUp: boolean }[] = [];
  let at = depth(lines[scan] ?? '');
  for (let i = scan - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (!isNode(line, i) || depth(line) >= at) continue;
    at = depth(line);
    const end = lines.findIndex((next, j) => j > i && isNode(next, j) && depth(next) <= depth(line));
    const looksUp = lines.slice(i + 1, end === -1 ? undefined : end).some((next) => LOOKUPS.test(next));
    above.push({ line, looksUp });
  }
  return above;
}

describe('the feed’s plan', () => {
  it('looks up only the page’s events, whoever reads and whatever the log holds', async () => {
    const { db } = await testDatabase();
    const { org, owner } = await createOrg(db);
    await queryRows(
      db,
      sql`insert into audit_events (org_id, actor_id, action, entity_type, entity_id)
          select ${org.id}::uuid, ${owner.id}::uuid, 'checkIn.create', 'checkIn', gen_random_uuid()::text
            from generate_series(1, ${LOGGED}::int)`,
    );
    await queryRows(db, sql`analyze audit_events`);
    const values = { orgId: org.id, me: owner.id, led: '{}' };
    for (const everything of [true, false]) {
      const shape = { everything, objective: false, unit: false, cursor: false, rows: PAGE_ROWS };
      const above = aboveTheLog(await genericPlan(db, shape, values));
      // The page's limit comes first on the way up from the log, before any lookup.
      const limit = above.findIndex((node) => /\bLimit\b/.test(node.line));
      expect(limit).toBeGreaterThanOrEqual(0);
      expect(above.slice(0, limit).filter((node) => node.looksUp)).toEqual([]);
      expect(above.slice(limit + 1).some((node) => node.looksUp)).toBe(true);
    }
  });
});
