// Two real server processes behind one transaction-mode PgBouncer on one fresh database, as a
// scaled-out installation runs (docs/scaling.md): they start together and migrate once
// between them, take check-ins and answer reads through either, agree on the figures, and
// their job runners send each queued e-mail once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openPostgres } from '../db/connect.ts';
import { queryRows } from '../db/raw.ts';
import { outboxMessages } from '../db/schema.ts';
import { withFreshPostgres } from '../test/fresh-database.ts';
import { poolerTestsRun, startPgbouncer } from '../test/pgbouncer.ts';
import {
  buildServerIfStale,
  freePort,
  killServers,
  startServer,
  untilHealthy,
  type RunningServer,
} from '../test/server-process.ts';
import { startSmtpReceiver } from '../test/smtp-receiver.ts';
import { testEngine } from '../test/test-db.ts';
import { createWorld } from '../test/world.ts';

const CHECK_INS = 20;
const MAILS = 30;

afterAll(() => killServers());

async function until(what: string, ready: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(testEngine() === 'postgres' && poolerTestsRun())('two server processes behind PgBouncer', () => {
  it('migrate once, take check-ins through both, agree on the figures and send each e-mail once', async () => {
    buildServerIfStale();
    const bouncer = await startPgbouncer();
    const smtp = await startSmtpReceiver();
    const dirs = [await mkdtemp(path.join(tmpdir(), 'riktning-a-')), await mkdtemp(path.join(tmpdir(), 'riktning-b-'))];
    try {
      await withFreshPostgres(async (url) => {
        const env = {
          DATABASE_URL: bouncer.through(url),
          RIKTNING_DB_POOLER: 'transaction',
          SMTP_URL: smtp.url,
          RIKTNING_JOB_POLL_MS: '200',
        };
        // Both start on the empty database at once: each migrates, one after the other.
        const servers: RunningServer[] = await Promise.all(
          dirs.map(async (dir) => startServer(dir, await freePort(), env)),
        );
        await Promise.all(servers.map((server) => untilHealthy(server)));

        // As the test run's own connections go (CI's through its own pooler).
        const database = await openPostgres(url, 2);
        try {
          const applied = await queryRows<{ rows: number; hashes: number }>(
            database.db,
            sql`select count(*)::int as rows, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`,
          );
          const carried = readMigrationFiles({ migrationsFolder }).length;
          expect(applied).toEqual([{ rows: carried, hashes: carried }]);

          const world = await createWorld(database.db);
          const lead = { authorization: `Bearer ${world.tokens.lead.token}`, 'content-type': 'application/json' };
          await database.db.insert(outboxMessages).values(
            Array.from({ length: MAILS }, (_, n) => ({
              orgId: world.org.id,
              recipientId: world.people.member.id,
              toAddress: `pooler-${n}@example.test`,
              kind: 'mention',
              dedupeKey: `pooler-test:${world.org.id}:${n}`,
              locale: 'en',
              subject: `Pooler ${n}`,
              textBody: 'Once.',
            })),
          );

          const answers = await Promise.all(
            Array.from({ length: CHECK_INS }, (_, n) =>
              fetch(`${servers[n % 2]?.url}/api/v1/key-results/${world.keyResult.id}/check-ins`, {
                method: 'POST',
                headers: lead,
                body: JSON.stringify({ value: 30 + n, confidence: 6 }),
              }).then((response) => response.status),
            ),
          );
          expect(answers).toEqual(Array.from({ length: CHECK_INS }, () => 201));

          const seen = await Promise.all(
            servers.map(async (server) => {
              const objective = (await (
                await fetch(`${server.url}/api/v1/objectives/${world.unitObjective.id}`, { headers: lead })
              ).json()) as { progress: number; keyResults: { id: string; progress: number }[] };
              const history = (await (
                await fetch(`${server.url}/api/v1/key-results/${world.keyResult.id}/check-ins?limit=100`, {
                  headers: lead,
                })
              ).json()) as { items: unknown[] };
              return { progress: objective.progress, keyResults: objective.keyResults, checkIns: history.items.length };
            }),
          );
          // The world's two check-ins and the twenty; both processes read the same figures.
          expect(seen[0]).toMatchObject({ progress: expect.any(Number), checkIns: 2 + CHECK_INS });
          expect(seen[1]).toEqual(seen[0]);

          const ours = () => smtp.received.filter((mail) => mail.subject?.startsWith('Pooler '));
          await until('the queued e-mails', () => ours().length >= MAILS);
          // A few more polls of both runners: nothing is sent again.
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          const addresses = ours().flatMap((mail) => mail.to);
          expect(addresses).toHaveLength(MAILS);
          expect(new Set(addresses).size).toBe(MAILS);
        } finally {
          await database.close();
          for (const server of servers) server.child.kill('SIGTERM');
          await Promise.all(servers.map((server) => server.exited));
        }
      });
    } finally {
      await smtp.close();
      await bouncer.stop();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
