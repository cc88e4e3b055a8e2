// Before `npm start`: build what is older than its sources — the web app (dist/web, with
// its compressed copies) and the server (dist/server/main.js, plain JavaScript) — so a
// fresh clone works with `npm ci && npm start` and later starts stay quick.
//   node scripts/build-if-stale.mjs [web|server]   (default both)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const lockfile = 'package-lock.json';
const parts = {
  web: {
    built: 'dist/web/index.html',
    sources: ['src/web', 'src/core', 'src/api', 'vite.config.ts', 'scripts/compress-web.mjs', lockfile],
    steps: [
      ['Building the web app…', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
      [null, ['scripts/compress-web.mjs']],
    ],
  },
  server: {
    built: 'dist/server/main.js',
    sources: [
      'src/server',
      'src/app',
      'src/db',
      'src/core',
      'src/api',
      'tsconfig.json',
      'scripts/build-server.mjs',
      lockfile,
    ],
    steps: [['Building the server…', ['scripts/build-server.mjs']]],
  },
};

// Tests are not part of the build.
const isTest = (name) => /\.test\.tsx?$/.test(name);

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((entry) => !isTest(entry))
      .map((entry) => newest(join(path, entry))),
  );
}

function isStale({ built, sources }) {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => existsSync(source) && newest(source) > builtAt);
}

const wanted = process.argv[2] ? [process.argv[2]] : Object.keys(parts);
for (const name of wanted) {
  const part = parts[name];
  if (!part) throw new Error(`unknown part ${name}; one of ${Object.keys(parts).join(', ')}`);
  if (!isStale(part)) continue;
  for (const [message, args] of part.steps) {
    if (message) console.log(message);
    const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
