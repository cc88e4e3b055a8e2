import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { objectives } from '../db/schema.ts';
import { createAppCaches, forgetOkrAnswers, type AppCaches } from './caches.ts';
import type { AppDeps } from './context.ts';
import { getDashboardSummary } from './dashboard/get-dashboard-summary.ts';
import { FiguresCache } from './figures-cache.ts';
import { TestClock } from '../test/clock.ts';
import { createCycle, createMember, createObjective, createOrg } from '../test/factories.ts';
import { countStatements } from '../test/statements.ts';
import { testDatabase } from '../test/test-db.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FiguresCache', () => {
  const clock = () => new Date('2026-03-02T10:00:00Z');
  const counted = (rows: number) => ({ rows });

  it('keeps figures counted over many rows until they are older than its time to live', async () => {
    const cache = new FiguresCache({ ttlMs: 40, largeFrom: 100 });
    let runs = 0;
    const source = { compute: async () => counted(100 + ++runs), countedOver: (v: { rows: number }) => v.rows };
    expect((await cache.get('k', clock, source)).value.rows).toBe(101);
    const again = await cache.get('k', clock, source);
    expect(again).toEqual({ value: { rows: 101 }, asOf: clock() });
    await pause(60);
    expect((await cache.get('k', clock, source)).value.rows).toBe(102);
  });

  it('works out figures counted over few rows on every request, so a small organisation’s are always current', async () => {
    const cache = new FiguresCache({ ttlMs: 60_000, largeFrom: 100 });
    let runs = 0;
    const source = { compute: async () => counted(++runs), countedOver: (v: { rows: number }) => v.rows };
    expect((await cache.get('k', clock, source)).value.rows).toBe(1);
    expect((await cache.get('k', clock, source)).value.rows).toBe(2);
  });

  it('remembers which figures were small the last time, until they grow large', async () => {
    const cache = new FiguresCache({ ttlMs: 60_000, largeFrom: 100 });
    let rows = 5;
    const source = { compute: async () => counted(rows), countedOver: (v: { rows: number }) => v.rows };
    expect(cache.isSmall('figures')).toBe(false);
    await cache.get('audience:figures', clock, source, 'figures');
    expect(cache.isSmall('figures')).toBe(true);
    rows = 500;
    expect((await cache.direct('figures', clock, source)).value.rows).toBe(500);
    expect(cache.isSmall('figures')).toBe(false);
  });

  it('lets requests that arrive during a run wait for it instead of starting their own', async () => {
    const cache = new FiguresCache({ largeFrom: 1_000_000 });
    let runs = 0;
    let release: () => void = () => {};
    const source = {
      compute: () => new Promise<number>((resolve) => (release = () => resolve(++runs))),
      countedOver: () => 0,
    };
    const first = cache.get('k', clock, source);
    const second = cache.get('k', clock, source);
    release();
    expect([(await first).value, (await second).value]).toEqual([1, 1]);
    // Not kept (few rows): the next request runs again.
    const third = cache.get('k', clock, source);
    release();
    expect((await third).value).toBe(2);
  });
});

describe('figures shared by audience', () => {
  it('admins share one copy, readers without private objectives another, a reader with one a copy of their own', async () => {
    const { db } = await testDatabase();
    const clock = new TestClock();
    // Every figure kept, however few rows it counts: this organisation is small.
    const caches = { ...createAppCaches(), figures: new FiguresCache({ largeFrom: 0 }) };
    const deps: AppDeps = { db, now: clock.now, caches };
    const { org, owner } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const [admin, private1, reader, later] = await Promise.all([
      createMember(db, org.id, 'admin'),
      createMember(db, org.id, 'member'),
      createMember(db, org.id, 'member'),
      createMember(db, org.id, 'member'),
    ]);
    await createObjective(db, org.id, cycle.id);
    await createObjective(db, org.id, cycle.id, { level: 'person', personId: private1.id }, { visibility: 'private' });
    const totalFor = async (accountId: string) =>
      getDashboardSummary(deps, { accountId, caches }, org.id, { cycleId: cycle.id });

    const asked = clock.now().toISOString();
    expect((await totalFor(admin.id)).objectives.total).toBe(2);
    expect((await totalFor(private1.id)).objectives.total).toBe(2);
    expect((await totalFor(reader.id)).objectives.total).toBe(1);

    // A new objective: every audience keeps the figures it was given, with when they were worked out.
    clock.set(new Date(clock.now().getTime() + 10_000));
    await createObjective(db, org.id, cycle.id);
    expect(await totalFor(owner.id)).toMatchObject({ objectives: { total: 2 }, asOf: asked });
    expect(await totalFor(private1.id)).toMatchObject({ objectives: { total: 2 }, asOf: asked });
    // A reader never asked before is given the public copy the other reader was.
    expect(await totalFor(later.id)).toMatchObject({ objectives: { total: 1 }, asOf: asked });

    // Once private1's objective is public, private1 reads what every reader does.
    await db
      .update(objectives)
      .set({ visibility: 'public' })
      .where(and(eq(objectives.orgId, org.id), eq(objectives.personId, private1.id)));
    forgetOkrAnswers(deps); // written past the server, which would forget who reads what itself
    expect(await totalFor(private1.id)).toMatchObject({ objectives: { total: 1 }, asOf: asked });
  });

  /** A member of a new organisation with one public objective, and their status counts with the statements each read took. */
  async function oneReader(caches: AppCaches) {
    const { db } = await testDatabase();
    const counting = countStatements(db);
    const deps: AppDeps = { db: counting.db, now: () => new Date('2026-03-02T10:00:00Z'), caches };
    const { org } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const reader = await createMember(db, org.id, 'member');
    await createObjective(db, org.id, cycle.id);
    const summary = async () => {
      const before = counting.statements();
      const { objectives: figures } = await getDashboardSummary(deps, { accountId: reader.id, caches }, org.id, {
        cycleId: cycle.id,
      });
      return { total: figures.total, statements: counting.statements() - before };
    };
    return { db, deps, org, cycle, reader, summary };
  }

  it('asks once who a reader reads with, for the figures kept per audience as for the answer kept until a write', async () => {
    // Every figure large enough to keep, and worked out again on every request.
    const { deps, summary } = await oneReader({
      ...createAppCaches(),
      figures: new FiguresCache({ largeFrom: 0, ttlMs: 0 }),
    });
    expect((await summary()).total).toBe(1); // the reader's membership and the cycle, now kept
    forgetOkrAnswers(deps);
    // The reader's audience ("public"), then the counts: not a second look-up for the public's reader.
    expect(await summary()).toEqual({ total: 1, statements: 2 });
  });

  it('keeps figures too small for the figures cache until a write, and then counts the reader’s own private objective', async () => {
    const { db, deps, org, cycle, reader, summary } = await oneReader(createAppCaches());
    expect((await summary()).total).toBe(1); // learns that the figures are small
    forgetOkrAnswers(deps);
    // Who reads what, then the counts: small figures are worked out, not taken from the figures cache.
    expect(await summary()).toEqual({ total: 1, statements: 2 });
    // Kept for the reader's audience (kept-answers.ts) until a write.
    expect(await summary()).toEqual({ total: 1, statements: 0 });
    await createObjective(db, org.id, cycle.id, { level: 'person', personId: reader.id }, { visibility: 'private' });
    forgetOkrAnswers(deps); // written past the server, which would drop the kept answers itself
    expect(await summary()).toEqual({ total: 2, statements: 2 });
  });
});
