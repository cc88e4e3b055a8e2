// The figures the database keeps on write (migration 0006) must equal what core computes
// from the rows: an objective's progress from its live key results, and each objective's
// supporters (live, published, public objectives aligned to it) with their progress.
import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { METRICS, type Metric } from '../core/domain.ts';
import { keyResultProgress, objectiveProgress } from '../core/progress.ts';
import { createCycle, createKeyResult, createObjective, createOrg } from '../test/factories.ts';
import { testDatabase, testEngine } from '../test/test-db.ts';
import type { Queryable } from './connect.ts';
import { queryRows } from './raw.ts';
import { alignments, keyResults, objectives } from './schema.ts';

/** Stored figures against figures computed here, from the rows, with core's functions. */
async function expectFiguresMatchRows(db: Queryable, orgId: string): Promise<void> {
  const objs = await db.select().from(objectives).where(eq(objectives.orgId, orgId));
  const krs = await db.select().from(keyResults).where(eq(keyResults.orgId, orgId));
  const links = await db.select().from(alignments).where(eq(alignments.orgId, orgId));
  const progressOf = new Map(
    objs.map((o) => [
      o.id,
      objectiveProgress(
        krs
          .filter((k) => k.objectiveId === o.id && k.archivedAt === null)
          .map((k) => ({
            weight: k.weight,
            progress: keyResultProgress({
              metric: k.metric as Metric,
              start: k.startValue,
              target: k.targetValue,
              current: k.currentValue,
            }),
          })),
      ),
    ]),
  );
  const counts = new Map(
    objs.map((o) => [o.id, o.archivedAt === null && o.lifecycle !== 'draft' && o.visibility === 'public']),
  );
  for (const o of objs) {
    const supporters = links.filter((l) => l.supportsId === o.id && counts.get(l.objectiveId));
    expect(o.progress, `progress of ${o.title}`).toBeCloseTo(progressOf.get(o.id) ?? -1, 12);
    expect(o.supporterCount, `supporters of ${o.title}`).toBe(supporters.length);
    expect(o.supporterProgressSum, `supporters' progress of ${o.title}`).toBeCloseTo(
      supporters.reduce((sum, l) => sum + (progressOf.get(l.objectiveId) ?? 0), 0),
      12,
    );
  }
}

async function world() {
  const { db } = await testDatabase();
  const { org } = await createOrg(db);
  const cycle = await createCycle(db, org.id);
  return { db, org, cycle };
}

describe('stored figures', () => {
  it('an objective’s progress is core’s weighted mean of its live key results, whatever they hold', async () => {
    const { db, org, cycle } = await world();
    const value = fc.integer({ min: -50, max: 150 });
    const keyResult = fc.record({
      metric: fc.constantFrom(...METRICS),
      start: value,
      target: value,
      current: value,
      weight: fc.constantFrom(0, 0.5, 1, 2, 3),
      archived: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(keyResult, { maxLength: 5 }), async (list) => {
        const objective = await createObjective(db, org.id, cycle.id);
        if (list.length)
          await db.insert(keyResults).values(
            list.map((k) => ({
              orgId: org.id,
              objectiveId: objective.id,
              title: 'k',
              metric: k.metric,
              startValue: k.start,
              targetValue: k.target,
              currentValue: k.current,
              weight: k.weight,
              archivedAt: k.archived ? new Date() : null,
            })),
          );
        const [stored] = await db.select().from(objectives).where(eq(objectives.id, objective.id));
        const live = list.filter((k) => !k.archived);
        const expected = objectiveProgress(live.map((k) => ({ weight: k.weight, progress: keyResultProgress(k) })));
        expect(stored?.progress).toBeCloseTo(expected, 12);
      }),
      { numRuns: 40 },
    );
  });

  it('follow every kind of write: check-ins, weights, archiving, drafts, visibility, links added and removed', async () => {
    const { db, org, cycle } = await world();
    const parent = await createObjective(db, org.id, cycle.id);
    const [a, b, c] = [
      await createObjective(db, org.id, cycle.id),
      await createObjective(db, org.id, cycle.id, { level: 'organization' }, { lifecycle: 'draft' }),
      await createObjective(db, org.id, cycle.id, { level: 'organization' }, { visibility: 'private' }),
    ];
    const krA = await createKeyResult(db, org.id, a.id, { currentValue: 40 });
    const krA2 = await createKeyResult(db, org.id, a.id, { currentValue: 100, weight: 3 });
    await createKeyResult(db, org.id, b.id, { currentValue: 50 });
    await createKeyResult(db, org.id, c.id, { currentValue: 70 });
    await db
      .insert(alignments)
      .values([a, b, c].map((o) => ({ orgId: org.id, objectiveId: o.id, supportsId: parent.id })));
    await expectFiguresMatchRows(db, org.id);
    const [before] = await db.select().from(objectives).where(eq(objectives.id, parent.id));
    expect(before?.supporterCount).toBe(1);
    expect(before?.supporterProgressSum).toBeCloseTo((0.4 + 3) / 4, 12);

    const steps: (() => Promise<unknown>)[] = [
      () => db.update(keyResults).set({ currentValue: 90 }).where(eq(keyResults.id, krA.id)),
      () => db.update(keyResults).set({ weight: 0 }).where(eq(keyResults.id, krA2.id)),
      () => db.update(objectives).set({ lifecycle: 'published' }).where(eq(objectives.id, b.id)),
      () => db.update(objectives).set({ visibility: 'public' }).where(eq(objectives.id, c.id)),
      () => db.update(keyResults).set({ archivedAt: new Date() }).where(eq(keyResults.id, krA.id)),
      () => db.update(objectives).set({ archivedAt: new Date() }).where(eq(objectives.id, a.id)),
      () => db.delete(alignments).where(and(eq(alignments.objectiveId, b.id), eq(alignments.supportsId, parent.id))),
      () => db.update(objectives).set({ archivedAt: null }).where(eq(objectives.id, a.id)),
      () => db.update(keyResults).set({ objectiveId: c.id }).where(eq(keyResults.id, krA2.id)),
      () => db.delete(keyResults).where(inArray(keyResults.objectiveId, [c.id])),
    ];
    for (const step of steps) {
      await step();
      await expectFiguresMatchRows(db, org.id);
    }
  });

  it('a whole set written in one statement gets its figures in that statement', async () => {
    const { db, org, cycle } = await world();
    const parent = await createObjective(db, org.id, cycle.id);
    const children = await db
      .insert(objectives)
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          orgId: org.id,
          cycleId: cycle.id,
          level: 'organization',
          title: `c${i}`,
        })),
      )
      .returning();
    await db.insert(keyResults).values(
      children.flatMap((o, i) => [
        { orgId: org.id, objectiveId: o.id, title: 'x', metric: 'increase_to', targetValue: 20, currentValue: i },
        { orgId: org.id, objectiveId: o.id, title: 'y', metric: 'milestone', targetValue: 1, currentValue: i % 2 },
      ]),
    );
    await db
      .insert(alignments)
      .values(children.map((o) => ({ orgId: org.id, objectiveId: o.id, supportsId: parent.id })));
    await db.execute(sql`update key_results set current_value = current_value + 1 where org_id = ${org.id}`);
    await expectFiguresMatchRows(db, org.id);
  });

  // Given the ids as a parameter, PostgreSQL's plan cache kept planning these functions'
  // statements again on every call (migration 0031): most of a check-in's trigger time.
  it('the functions that refresh the figures keep one plan for any ids', async () => {
    const { db } = await testDatabase();
    const rows = await queryRows<{ name: string; config: string[] | null }>(
      db,
      sql`select proname as name, proconfig as config from pg_proc
           where proname in ('riktning_refresh_progress', 'riktning_refresh_supporters')
             and pronamespace = 'public'::regnamespace order by proname`,
    );
    expect(rows).toEqual([
      { name: 'riktning_refresh_progress', config: ['plan_cache_mode=force_generic_plan'] },
      { name: 'riktning_refresh_supporters', config: ['plan_cache_mode=force_generic_plan'] },
    ]);
  });

  // Two transactions under one parent, the second waiting on the first's locks: neither
  // change may be lost. Needs two connections to one server, so PostgreSQL only.
  it.runIf(testEngine() === 'postgres')(
    'concurrent check-ins on one objective and on sibling supporters lose nothing',
    async () => {
      const { db, org, cycle } = await world();
      const parent = await createObjective(db, org.id, cycle.id);
      const a = await createObjective(db, org.id, cycle.id);
      const b = await createObjective(db, org.id, cycle.id);
      const [a1, a2, b1] = [
        await createKeyResult(db, org.id, a.id),
        await createKeyResult(db, org.id, a.id),
        await createKeyResult(db, org.id, b.id),
      ];
      await db
        .insert(alignments)
        .values([a, b].map((o) => ({ orgId: org.id, objectiveId: o.id, supportsId: parent.id })));
      const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 3 });
      try {
        const [first, second, third] = [await pool.connect(), await pool.connect(), await pool.connect()];
        const set = 'update key_results set current_value = $1 where id = $2';
        await first.query('begin');
        await first.query(set, [60, a1.id]);
        await second.query('begin');
        const waiting = second.query(set, [80, a2.id]).then(() => second.query('commit'));
        await third.query('begin');
        const sibling = third.query(set, [30, b1.id]).then(() => third.query('commit'));
        // Let the others reach their locks before the first commits.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await first.query('commit');
        await Promise.all([waiting, sibling]);
        for (const client of [first, second, third]) client.release();
      } finally {
        await pool.end();
      }
      await expectFiguresMatchRows(db, org.id);
      const [stored] = await db.select().from(objectives).where(eq(objectives.id, a.id));
      expect(stored?.progress).toBeCloseTo(0.7, 12);
    },
  );
});
