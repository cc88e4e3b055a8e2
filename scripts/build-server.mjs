// Builds the server into dist/server/main.js: src/server/main.ts and what it imports,
// TypeScript types stripped (esbuild; the type check is `npm run typecheck`'s), as one ES
// module, so `npm start` runs plain Node with no TypeScript loader and loads one file of
// ours instead of two hundred. What a module reads beside itself at run time moves with
// it: the SQL migrations (src/db/connect.ts reads ./migrations from import.meta.url, now
// the bundle's) are copied to dist/server/migrations.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const outDir = 'dist/server';

// Packages go in the bundle only when they are many small ES modules that Node would
// resolve and read one by one at every start (typebox is ~370 files, drizzle-orm ~100: a
// good part of the start-up time); the rest stay in node_modules, as native code,
// WebAssembly and files read beside themselves (PGlite, argon2, swagger-ui) need.
const BUNDLED_PACKAGES = /^(?:typebox|drizzle-orm)(?:\/|$)/;

rmSync(outDir, { recursive: true, force: true });
try {
  await build({
    entryPoints: ['src/server/main.ts'],
    outfile: `${outDir}/main.js`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // For `node --enable-source-maps` when a stack trace should name the sources.
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-external',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, ({ path, kind }) =>
            kind === 'entry-point' || BUNDLED_PACKAGES.test(path) ? undefined : { path, external: true },
          );
        },
      },
    ],
  });
} catch {
  // esbuild has printed why. No half-built server: the next `npm start` tries again.
  rmSync(outDir, { recursive: true, force: true });
  process.exit(1);
}
// The migrator reads the SQL files and meta/_journal.json; the snapshots are drizzle-kit's.
cpSync('src/db/migrations', `${outDir}/migrations`, {
  recursive: true,
  filter: (source) => !source.endsWith('_snapshot.json'),
});
