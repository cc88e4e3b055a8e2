// A transaction-mode PgBouncer of the test's own (scripts/pgbouncer.sh) on a free port, in
// front of the PostgreSQL server the postgres project uses, for the pooler tests. Where
// pgbouncer is not installed they are skipped, unless RIKTNING_REQUIRE_POOLER=1 (CI) says
// they must run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, repoRoot } from './server-process.ts';

const script = path.join(repoRoot, 'scripts/pgbouncer.sh');

/** Whether the pooler tests run: pgbouncer is installed, or the run requires them (and they fail without it). */
export const poolerTestsRun = (): boolean =>
  process.env.RIKTNING_REQUIRE_POOLER === '1' || existsSync('/usr/sbin/pgbouncer') || existsSync('/usr/bin/pgbouncer');

export interface Pgbouncer {
  /** `url` (a database on the PostgreSQL server) through this PgBouncer. */
  through(url: string): string;
  stop(): Promise<void>;
}

/** Starts one; `poolSize` server connections per database. The server is the one POSTGRES_ADMIN_URL or TEST_DATABASE_URL names. */
export async function startPgbouncer(poolSize = 10): Promise<Pgbouncer> {
  const server = new URL(process.env.POSTGRES_ADMIN_URL || (process.env.TEST_DATABASE_URL as string));
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'riktning-pgbouncer-'));
  const env = {
    ...process.env,
    PGBOUNCER_PORT: String(port),
    PGBOUNCER_DIR: dir,
    PGBOUNCER_POOL_SIZE: String(poolSize),
    PGBOUNCER_SERVER: `host=${server.hostname} port=${server.port || 5432}`,
  };
  execFileSync(script, ['start'], { env, stdio: 'pipe' });
  return {
    through(url) {
      const pooled = new URL(url);
      pooled.hostname = '127.0.0.1';
      pooled.port = String(port);
      return pooled.toString();
    },
    async stop() {
      execFileSync(script, ['stop'], { env, stdio: 'pipe' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
