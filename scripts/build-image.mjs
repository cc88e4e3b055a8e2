// The contents of the container image, as a directory: what the Dockerfile's build stage
// runs, and what CI runs too (src/server/image.test.ts), so the image's steps are tested
// without a container runtime.
//   node scripts/build-image.mjs TARGET_DIR
// Builds what is stale (the web app and the server, as `npm start`'s prestart does), then
// puts in TARGET_DIR only what a production start needs: dist/server and dist/web, the
// command line (bin/, with the sources it runs through tsx), package.json, and the
// production dependencies of package-lock.json (those `npm ci --omit=dev` installs), copied
// from node_modules (hard-linked where they can be: forty thousand files, and nothing ever
// writes into a package). The server then starts with `node dist/server/main.js` in TARGET_DIR.
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: node scripts/build-image.mjs TARGET_DIR');
  process.exit(2);
}
const out = path.resolve(target);

const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The command line runs src/ through tsx: its sources go along, not the tests or the web app's.
const isTest = (source) => /\.test\.tsx?$/.test(source);
for (const part of [
  'dist/server',
  'dist/web',
  'bin',
  'src/cli',
  'src/app',
  'src/core',
  'src/db',
  'src/server',
  'src/api',
]) {
  cpSync(part, path.join(out, part), { recursive: true, filter: (source) => !isTest(source) });
}
for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) cpSync(file, path.join(out, file));

// Every installed package the lockfile does not mark dev-only. A package's own nested
// node_modules is left to its own lockfile entries, which may be dev-only. Optional
// packages for other platforms are in the lockfile but not on disk: skipped, as npm does.
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let copied = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  if (!where.startsWith('node_modules/') || entry.dev || entry.link || !existsSync(where)) continue;
  linkTree(where, path.join(out, where), path.join(where, 'node_modules'));
  copied++;
}
console.log(`Image contents in ${out}: the build and ${copied} production packages.`);

/** `from` into `to`, file by file as hard links (copies across file systems), without `skip`. */
function linkTree(from, to, skip) {
  mkdirSync(to, { recursive: true });
  for (const item of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, item.name);
    const destination = path.join(to, item.name);
    if (source === skip) continue;
    if (item.isDirectory()) linkTree(source, destination, skip);
    else if (item.isSymbolicLink()) cpSync(source, destination, { verbatimSymlinks: true });
    else linkOrCopy(source, destination);
  }
}

function linkOrCopy(source, destination) {
  try {
    linkSync(source, destination);
  } catch (error) {
    if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
    copyFileSync(source, destination);
  }
}
