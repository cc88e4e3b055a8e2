// Projects: pure unit tests once; database tests on PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it, so there they are required; CI's goes through a
// transaction-mode PgBouncer, see .ci/run); browser journeys in Chromium, after the others
// (each file runs a server and a browser, and CI machines have two cores).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

if (process.env.RIKTNING_REQUIRE_POSTGRES === '1' && !process.env.TEST_DATABASE_URL) {
  throw new Error('RIKTNING_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL run is required.');
}

if (process.env.RIKTNING_REQUIRE_POOLER === '1' && !existsSync('/usr/sbin/pgbouncer')) {
  throw new Error(
    'RIKTNING_REQUIRE_POOLER=1 but /usr/sbin/pgbouncer is missing: the connection pooler tests are required.',
  );
}

if (process.env.RIKTNING_REQUIRE_BROWSER === '1' && !existsSync('/usr/bin/chromium')) {
  throw new Error('RIKTNING_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: the browser journeys are required.');
}

const dbTests = ['src/{app,server,db,cli}/**/*.test.ts'];

/**
 * The database tests about the engine itself: the database layer, the command line's local
 * database, and every file that asks which engine it runs on (testEngine()), since its
 * tests then differ between them.
 */
function engineTests(): string[] {
  const namingTheEngine = ['src/app', 'src/server']
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => /\btestEngine\(\)|RIKTNING_TEST_ENGINE/.test(readFileSync(file, 'utf8')));
  return ['src/{db,cli}/**/*.test.ts', ...namingTheEngine];
}

// With PostgreSQL beside it, PGlite runs only the engine's own tests: the rest would run
// the same code a second time (the same SQL, the same use cases), and on two cores both
// engines' full runs took the suite past fifteen minutes. The browser journeys still run
// on PGlite, and without TEST_DATABASE_URL every database test does.
const pgliteTests = process.env.TEST_DATABASE_URL ? engineTests() : dbTests;
// Without isolation a worker imports the app once and runs file after file: the imports
// were a quarter of the run. Each file still gets its own server and database
// (per-file-setup.ts closes them after it), and no test changes process-wide state.
const unisolated = { isolate: false };
const dbFileSetup = { ...unisolated, setupFiles: ['src/test/per-file-setup.ts'] };
// Two files at a time: vitest's default leaves one core idle (CPUs − 1), and the database
// suites spend much of their time waiting on PostgreSQL. Projects of one group share it.
const shared = { testTimeout: 30_000, hookTimeout: 120_000, maxWorkers: 2 };

export default defineConfig({
  test: {
    reporters: ['default', './src/test/summary-reporter.ts'],
    projects: [
      // Pure code: core's rules, and the web app's pure modules (e.g. the map's layout).
      {
        test: {
          ...shared,
          ...unisolated,
          name: 'unit',
          include: [
            'src/core/**/*.test.ts',
            'src/web/api/**/*.test.ts',
            'src/web/app/**/*.test.ts',
            'src/web/pages/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          ...shared,
          ...dbFileSetup,
          name: 'pglite',
          include: pgliteTests,
          env: { RIKTNING_TEST_ENGINE: 'pglite' },
          globalSetup: ['src/test/pglite-global-setup.ts'],
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                ...dbFileSetup,
                name: 'postgres',
                include: dbTests,
                env: { RIKTNING_TEST_ENGINE: 'postgres' },
                globalSetup: ['src/test/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['src/web/e2e/**/*.test.ts'],
          environment: 'node',
          // As the database projects: each file starts and closes its own server, database and
          // browser (journey.ts), so a worker need not import the whole server again per file.
          ...unisolated,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll gives up after 1 s by default: too soon for a page that loads its data
          // on a loaded two-core machine (a journey failed so in CI). Playwright waits 15 s.
          expect: { poll: { timeout: 10_000 } },
          // Two files at a time, like the others: each runs its own server and browser.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          globalSetup: ['src/web/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
