// `npm run bench:bundle`: how much JavaScript the first pages cost, against the budget of
// 150 KB gzipped for the sign-in page and the organisation home together (a person signing
// in loads both). Two figures, from the last build (`npm run build`, or the directory in
// RIKTNING_E2E_WEB_ROOT):
//
// 1. From Vite's manifest: each page's chunks and their static imports, gzipped at level 9
//    the way a server or CDN would send them. Quick, and it names the chunks.
// 2. As a browser loads it (bench/bundle-browser.ts): Chromium signs in and opens the home
//    page on a fresh demo database, and every JavaScript and CSS response is counted. This
//    is the figure the budget holds; it also sees what a page loads on demand as it renders
//    (texts in the reader's language, a panel in sight).
//
// Exits 1 when either is over budget. `--files` lists each file; `--manifest-only` skips the
// browser (which needs /usr/bin/chromium; without it the browser figure is skipped with a
// note, unless RIKTNING_REQUIRE_BROWSER=1).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB_ROOT = path.resolve(process.env.RIKTNING_E2E_WEB_ROOT ?? 'dist/web');
const MANIFEST = path.join(WEB_ROOT, '.vite/manifest.json');
const KB = 1024;
/** The sign-in page and the organisation home together, JavaScript gzipped. */
const BUDGET_KB = 150;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The pages measured: the chunks a visit loads besides the entry (vite.config.ts names the
 * first pages' chunks) and the texts it asks for, in Swedish (the demo organisation's).
 */
const PAGES: { name: string; path: string; chunks: string[]; texts: string[] }[] = [
  { name: 'Sign-in', path: '/login', chunks: ['sign-in'], texts: ['common'] },
  { name: 'Organisation home', path: '/orgs/:orgId', chunks: ['app'], texts: ['common', 'home'] },
];

/** The module of a namespace in one language (src/web/i18n/namespaces.ts). */
const textsModule = (namespace: string, language: 'sv' | 'en') =>
  namespace === 'common' ? `i18n/common.ts?locale=${language}` : `pages/${namespace}/messages.ts?locale=${language}`;

function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  } catch {
    throw new Error(`No build manifest at ${MANIFEST}: run \`npm run build\` first.`);
  }
}

/** The manifest key of a chunk named `name` (not the entry), or of module `name`. */
function keyOf(manifest: Manifest, name: string): string {
  const key =
    name in manifest ? name : Object.keys(manifest).find((k) => manifest[k]?.name === name && !manifest[k]?.isEntry);
  if (!key)
    throw new Error(
      `The manifest has no chunk "${name}": has vite.config.ts changed? Update PAGES in bench/bundle-size.ts.`,
    );
  return key;
}

/** A chunk and everything it imports statically (the browser fetches them together). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string): { raw: number; gzip: number } {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(WEB_ROOT, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, size);
  }
  return size;
}

const jsFiles = (manifest: Manifest, keys: Iterable<string>) =>
  [...new Set([...keys].map((key) => manifest[key]?.file ?? ''))].filter((file) => file.endsWith('.js'));

function total(manifest: Manifest, keys: Iterable<string>): { files: number; raw: number; gzip: number } {
  const files = jsFiles(manifest, keys);
  return {
    files: files.length,
    raw: files.reduce((sum, file) => sum + sizeOf(file).raw, 0),
    gzip: files.reduce((sum, file) => sum + sizeOf(file).gzip, 0),
  };
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

function fromManifest(showFiles: boolean): number {
  const manifest = readManifest();
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk.');
  const entryKeys = staticClosure(manifest, entry);

  const rows = PAGES.map((page) => {
    const keys = new Set(entryKeys);
    for (const chunk of page.chunks) staticClosure(manifest, keyOf(manifest, chunk), keys);
    for (const namespace of page.texts) staticClosure(manifest, keyOf(manifest, textsModule(namespace, 'sv')), keys);
    return { name: page.name, path: page.path, keys };
  });
  const both = { name: 'Both', path: '', keys: new Set(rows.flatMap((r) => [...r.keys])) };

  console.log(`JavaScript per page from Vite's manifest (${WEB_ROOT}; gzip level 9; 1 KB = ${KB} bytes)\n`);
  const header = ['Page', 'Path', 'Files', 'Raw KB', 'Gzip KB'];
  const table = [...rows, both].map((r) => {
    const t = total(manifest, r.keys);
    return [r.name, r.path, String(t.files), kb(t.raw), kb(t.gzip)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  if (showFiles) {
    for (const r of rows) {
      console.log(`\n${r.name}:`);
      const named = new Map(
        [...r.keys].map((key) => [manifest[key]?.file ?? '', key.startsWith('_') ? (manifest[key]?.name ?? key) : key]),
      );
      for (const file of jsFiles(manifest, r.keys).sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip))
        console.log(`  ${kb(sizeOf(file).gzip).padStart(7)}  ${file}  (${named.get(file)})`);
    }
  }
  // What comes later, when it is wanted: the other pages, and the parts of these that load
  // as they are used (a menu opened, a panel scrolled to).
  const onDemand = new Set(
    [...both.keys].flatMap((key) => manifest[key]?.dynamicImports ?? []).filter((key) => !/\.ts\?locale=/.test(key)),
  );
  const later = [...onDemand]
    .filter((key) => !both.keys.has(key))
    .map((key) => ({
      key,
      ...total(
        manifest,
        [...staticClosure(manifest, key)].filter((k) => !both.keys.has(k)),
      ),
    }))
    .sort((a, b) => b.gzip - a.gzip);
  console.log('\nLoaded later, on demand (largest first, gzip KB with what it imports besides the above):');
  for (const c of later.slice(0, 12)) console.log(`  ${kb(c.gzip).padStart(7)}  ${c.key}`);
  if (later.length > 12) console.log(`  … and ${later.length - 12} more`);

  const sum = total(manifest, both.keys).gzip;
  if (sum > BUDGET_KB * KB) {
    console.error(`\nOver the ${BUDGET_KB} KB budget by the manifest: ${kb(sum)} KB for both pages.`);
    return 1;
  }
  console.log(`\nBy the manifest: ${kb(sum)} KB for both pages (budget ${BUDGET_KB} KB).`);
  return 0;
}

async function main(): Promise<number> {
  const showFiles = process.argv.includes('--files');
  const manifestCode = fromManifest(showFiles);
  if (process.argv.includes('--manifest-only')) return manifestCode;
  // Loaded only now: it starts the server (and its database) and a browser.
  const { measureInBrowser } = await import('./bundle-browser.ts');
  const browserCode = await measureInBrowser({ files: showFiles, webRoot: WEB_ROOT, budgetKb: BUDGET_KB });
  return Math.max(manifestCode, browserCode);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
