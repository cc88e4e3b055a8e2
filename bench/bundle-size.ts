// `npm run bench:bundle`: how much JavaScript a browser loads for the first pages, from
// Vite's manifest of the last build (`npm run build`), gzipped at level 9 the way a
// server or CDN would send it, against the budget. Exits 1 when a page is over budget.
//
// A page costs the entry chunk and its static imports, plus the route's lazy chunk and its
// static imports (plus the AppLayout chunk for pages inside the app frame). Chunks loaded
// only by a dynamic import (charts, markdown, other pages) are listed apart: they come on
// demand, when a page actually shows a chart or markdown. `--files` lists each page's files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB_ROOT = path.resolve('dist/web');
const MANIFEST = path.join(WEB_ROOT, '.vite/manifest.json');
const BUDGET_KB = 250;
const KB = 1024;

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

/** The pages measured: the modules (manifest keys, relative to src/web) a visit loads. */
const PAGES: { name: string; path: string; modules: string[] }[] = [
  { name: 'Sign-in', path: '/login', modules: ['pages/auth/SignInPage.tsx'] },
  {
    name: 'Organisation home',
    path: '/orgs/:orgId',
    modules: ['components/AppLayout.tsx', 'pages/home/OrgHomePage.tsx'],
  },
];

function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  } catch {
    throw new Error(`No build manifest at ${MANIFEST}: run \`npm run build\` first.`);
  }
}

function chunk(manifest: Manifest, key: string): ManifestChunk {
  const found = manifest[key];
  if (!found)
    throw new Error(`The manifest has no module "${key}": has the page moved? Update PAGES in bench/bundle-size.ts.`);
  return found;
}

/** A module and everything it imports statically (the browser fetches them together). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of chunk(manifest, key).imports ?? []) staticClosure(manifest, imported, into);
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

function total(manifest: Manifest, keys: Iterable<string>): { files: number; raw: number; gzip: number } {
  const files = new Set([...keys].map((key) => chunk(manifest, key).file).filter((file) => file.endsWith('.js')));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const size = sizeOf(file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { files: files.size, raw, gzip };
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

function main(): number {
  const manifest = readManifest();
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk.');
  const entryKeys = staticClosure(manifest, entry);

  console.log(`JavaScript loaded per page (gzip level 9; 1 KB = ${KB} bytes; budget ${BUDGET_KB} KB gzipped)\n`);
  const rows = PAGES.map((page) => {
    const keys = new Set(entryKeys);
    for (const module of page.modules) staticClosure(manifest, module, keys);
    return { page, ...total(manifest, keys), keys };
  });
  const header = ['Page', 'Path', 'Files', 'Raw KB', 'Gzip KB', 'Budget'];
  const table = rows.map((r) => [
    r.page.name,
    r.page.path,
    String(r.files),
    kb(r.raw),
    kb(r.gzip),
    r.gzip <= BUDGET_KB * KB ? `ok (${((r.gzip / (BUDGET_KB * KB)) * 100).toFixed(1)} %)` : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  if (process.argv.includes('--files')) {
    for (const r of rows) {
      console.log(`\n${r.page.name}:`);
      const files = [...new Set([...r.keys].map((key) => chunk(manifest, key).file))].filter((f) => f.endsWith('.js'));
      for (const file of files.sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip))
        console.log(`  ${kb(sizeOf(file).gzip).padStart(7)}  ${file}`);
    }
  }
  // What a page fetches later, when it has something to show with it (e.g. the home page's
  // strategy is markdown): the dynamic imports of its own modules, not the other routes.
  for (const r of rows) {
    const later = [...r.keys]
      .filter((key) => key !== entry)
      .flatMap((key) => chunk(manifest, key).dynamicImports ?? [])
      .filter((key) => !r.keys.has(key));
    for (const key of new Set(later)) {
      const extra = [...staticClosure(manifest, key)].filter((k) => !r.keys.has(k));
      console.log(`${r.page.name} fetches on demand: ${key} (+${kb(total(manifest, extra).gzip)} KB gzipped)`);
    }
  }
  const entryTotal = total(manifest, entryKeys);
  console.log(
    `\n(of which the entry chunk and its imports: ${kb(entryTotal.gzip)} KB gzipped, ${entryTotal.files} files)`,
  );

  // Everything no measured page loads up front: other pages, and the heavy parts that a
  // page fetches only when it needs them (charts, markdown).
  const counted = new Set(rows.flatMap((r) => [...r.keys]));
  const onDemand = Object.entries(manifest)
    .filter(([key, c]) => !counted.has(key) && c.file.endsWith('.js') && (c.isDynamicEntry || !c.isEntry))
    .map(([key, c]) => ({ key, ...sizeOf(c.file) }))
    .sort((a, b) => b.gzip - a.gzip);
  const heavy = onDemand.filter((c) => /chart|markdown|recharts|micromark|mdast|hast|unified/i.test(c.key));
  console.log('\nLoaded on demand, not counted above (largest first, gzip KB):');
  for (const c of onDemand.slice(0, 12)) console.log(`  ${kb(c.gzip).padStart(7)}  ${c.key}`);
  if (onDemand.length > 12) console.log(`  … and ${onDemand.length - 12} smaller chunks`);
  if (heavy.length > 0) {
    const sum = heavy.reduce((s, c) => s + c.gzip, 0);
    console.log(
      `Charts and markdown: ${kb(sum)} KB gzipped in ${heavy.length} chunks, fetched only by the pages that show them.`,
    );
  }

  const over = rows.filter((r) => r.gzip > BUDGET_KB * KB);
  if (over.length > 0) {
    console.error(`\nOver the ${BUDGET_KB} KB budget: ${over.map((r) => r.page.name).join(', ')}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
