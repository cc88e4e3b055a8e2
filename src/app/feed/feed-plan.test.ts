// The feed's statement chooses its page of events before it looks anything up for them.
// Its plan is generic (prepared once per connection), so a lookup joined to the whole log
// expects as many rows as the organisation's log holds, and PostgreSQL sized a cache for
// each such lookup to match at every execution: the organisation feed answered 150 times
// a second instead of 2,300 on the scale data set.
import { sql } from 'drizzle-orm';
import { Placeholder } from 'drizzle-orm';
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

const depth = (line: string) => line.search(/\S/);

/**
 * The estimated rows of each join in the statement's generic plan that has a lookup
 * beneath it (EXPLAIN's text: a node's children follow it, indented further).
 */
async function lookupJoinEstimates(
  db: Queryable,
  shape: FeedShape,
  values: Record<string, unknown>,
): Promise<number[]> {
  const { sql: text, params } = feedQuery(db, shape).toSQL();
  const literal = (value: unknown) => `'${String(value).replace(/'/g, "''")}'`;
  const args = params.map((param) => literal(param instanceof Placeholder ? values[param.name] : param));
  const lines = await db.transaction(async (tx) => {
    await queryRows(tx, sql`set local plan_cache_mode = force_generic_plan`);
    await queryRows(tx, sql.raw(`prepare feed_plan as ${text}`));
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      tx,
      sql.raw(`explain execute feed_plan(${args.join(', ')})`),
    );
    await queryRows(tx, sql`deallocate feed_plan`);
    return plan.map((row) => row['QUERY PLAN']);
  });
  return lines.flatMap((line, i) => {
    if (!/(Nested Loop|Hash( Right| Left)? Join|Merge( Right| Left)? Join)/.test(line)) return [];
    const end = lines.findIndex((next, j) => j > i && depth(next) <= depth(line));
    const beneath = lines.slice(i + 1, end === -1 ? undefined : end);
    return beneath.some((next) => LOOKUPS.test(next)) ? [Number(/rows=(\d+)/.exec(line)?.[1])] : [];
  });
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
      const estimates = await lookupJoinEstimates(
        db,
        { everything, objective: false, unit: false, cursor: false, rows: PAGE_ROWS },
        values,
      );
      expect(estimates.length).toBeGreaterThan(0);
      // A few times the page (the planner's guess for an unanalysed table), never the log.
      for (const rows of estimates) expect(rows).toBeLessThan(LOGGED / 100);
    }
  });
});
