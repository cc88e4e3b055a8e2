// After `vite build`: writes NAME.br (brotli, best quality) and NAME.gz (gzip -9) beside
// each text file of the built web app, so the server sends them as they are
// (@fastify/static's preCompressed) instead of compressing every answer again.
//   node scripts/compress-web.mjs [dir]   (default dist/web)
// The page itself is not compressed (the server sends it with a nonce of its own each time).
// Files under 1 KB are left alone, as the server leaves its small API answers; source maps
// too (only developer tools fetch them, and the server compresses those on the fly).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const root = process.argv[2] ?? 'dist/web';
const MIN_SIZE = 1024;
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Dot directories (Vite's .vite/manifest.json) are not served.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    // The page (index.html at the top) is never sent as built: the server fills in a fresh
    // nonce each time (src/server/page-nonce.ts).
    else if (TEXT.test(entry.name) && path !== join(root, 'index.html')) yield path;
  }
}

async function compress(path) {
  const content = await readFile(path);
  if (content.length < MIN_SIZE) return { before: 0, after: 0 };
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy that saves nothing is not worth a request's detour; the file is sent as it is.
  if (br.length < content.length) await writeFile(`${path}.br`, br);
  if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
  return { before: content.length, after: Math.min(br.length, content.length) };
}

const started = performance.now();
const paths = [];
for await (const path of files(root)) paths.push(path);
// zlib's asynchronous calls run on libuv's thread pool: a few at a time use every core.
let before = 0;
let after = 0;
for (let i = 0; i < paths.length; i += 4) {
  for (const sizes of await Promise.all(paths.slice(i, i + 4).map(compress))) {
    before += sizes.before;
    after += sizes.after;
  }
}
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
console.log(
  `Compressed ${root}: ${kb(before)} → ${kb(after)} with brotli (and gzip) in ${Math.round(performance.now() - started)} ms`,
);
