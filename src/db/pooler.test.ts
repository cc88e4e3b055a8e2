// Behind a transaction-mode PgBouncer no state may outlive a transaction: each transaction
// may run on another server connection, and other clients' transactions run on this one.
// With one server connection per database every client shares it, so a statement prepared
// under a name by one application process is there when another prepares the same name:
// the hazard is certain, not a matter of luck (postgres-pooler.ts).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { checkIn, listCheckIns } from '../app/check-ins/check-in.ts';
import { listObjectives } from '../app/objectives/list-objectives.ts';
import { withFreshPostgres } from '../test/fresh-database.ts';
import { poolerTestsRun, startPgbouncer, type Pgbouncer } from '../test/pgbouncer.ts';
import { testEngine } from '../test/test-db.ts';
import { createWorld } from '../test/world.ts';
import { openPostgres, type DatabaseHandle } from './connect.ts';

const ROUNDS = 10;

async function withPooledDatabase(work: (url: string, bouncer: Pgbouncer) => Promise<void>): Promise<void> {
  const bouncer = await startPgbouncer(1);
  try {
    await withFreshPostgres((url) => work(bouncer.through(url), bouncer));
  } finally {
    await bouncer.stop();
  }
}

describe.runIf(testEngine() === 'postgres' && poolerTestsRun())('behind a transaction-mode PgBouncer', () => {
  it('would break named statements and startup settings, so the pooler setting sends neither', async () => {
    await withPooledDatabase(async (url) => {
      // Two clients, one server connection: the second prepares a name the first left there.
      const [a, b] = [new pg.Client(url), new pg.Client(url)];
      await Promise.all([a.connect(), b.connect()]);
      try {
        const named = { name: 'riktning_probe', text: 'select $1::int as n', values: [1] };
        await a.query(named);
        await expect(b.query(named)).rejects.toMatchObject({ code: '42P05' });
      } finally {
        await Promise.all([a.end(), b.end()]);
      }
      // The direct connection's settings at start are refused outright.
      const direct = await openPostgres(url, 1, 'none');
      await expect(direct.db.execute('select 1')).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/unsupported startup parameter: options/) },
      });
      await direct.close();

      // Two application processes' pools, with the pooler setting, running the hot paths together.
      const first = await openPostgres(url, 3, 'transaction');
      const processes: DatabaseHandle[] = [first, await openPostgres(url, 3, 'transaction')];
      try {
        // Migrations from two processes at once take their turns on the one server connection.
        await Promise.all(processes.map((handle) => handle.migrate()));
        const world = await createWorld(first.db);
        const lead = { accountId: world.people.lead.id };
        const deps = processes.map((handle) => ({ db: handle.db, now: () => new Date() }));
        for (let round = 1; round <= ROUNDS; round++) {
          await Promise.all(
            deps.flatMap((dep, n) => [
              checkIn(dep, lead, world.keyResult.id, { value: round * 10 + n, confidence: 7 }),
              listObjectives(dep, lead, world.org.id, { cycleId: world.cycle.id }),
              listObjectives(dep, lead, world.org.id, { cycleId: world.cycle.id, level: 'unit', limit: 5 }),
            ]),
          );
        }
        const seen = await Promise.all(
          deps.map(async (dep) => {
            const page = await listObjectives(dep, lead, world.org.id, { cycleId: world.cycle.id, level: 'unit' });
            const objective = page.items.find((item) => item.id === world.unitObjective.id);
            const history = await listCheckIns(dep, lead, world.keyResult.id, { limit: 100 });
            return { progress: objective?.progress, checkIns: history.items.length };
          }),
        );
        // The world's two check-ins and two per round from each process; both read the same figures.
        expect(seen[0]).toEqual({ progress: expect.any(Number), checkIns: 2 + 2 * ROUNDS });
        expect(seen[1]).toEqual(seen[0]);
      } finally {
        await Promise.all(processes.map((handle) => handle.close()));
      }
    });
  });
});
