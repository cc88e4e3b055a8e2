// Three projects: pure unit tests once; database tests on PGlite always, and again on
// PostgreSQL when TEST_DATABASE_URL is set (CI sets it, so there they are required).
import { defineConfig } from 'vitest/config';

if (process.env.RIKTNING_REQUIRE_POSTGRES === '1' && !process.env.TEST_DATABASE_URL) {
  throw new Error('RIKTNING_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL run is required.');
}

const dbTests = ['src/{app,server,db}/**/*.test.ts'];
const shared = { testTimeout: 30_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    reporters: ['default', './src/test/summary-reporter.ts'],
    projects: [
      { test: { ...shared, name: 'unit', include: ['src/core/**/*.test.ts'] } },
      { test: { ...shared, name: 'pglite', include: dbTests, env: { RIKTNING_TEST_ENGINE: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: dbTests,
                env: { RIKTNING_TEST_ENGINE: 'postgres' },
                globalSetup: ['src/test/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
