// The first pages as a browser loads them: the built server (dist/web, or
// RIKTNING_E2E_WEB_ROOT) over a fresh in-memory demo database, and Debian's Chromium
// (playwright-core; it never downloads a browser). A Swedish browser at 1280×800 opens
// /login, signs in as the demo owner, lands on the organisation home and waits until the
// network has been quiet for half a second. Every JavaScript and CSS response body is
// gzipped at level 9, the way a server or CDN would send it, and summed per phase (the
// sign-in page, then what the home page adds). The budget holds the JavaScript of both
// together. Run by `npm run bench:bundle` after the manifest figures (bench/bundle-size.ts);
// alone: `npx tsx bench/bundle-browser.ts [--files]`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request, Response } from 'playwright-core';
import {
  browserAvailable,
  browserRequired,
  CHROMIUM_PATH,
  DEMO_PASSWORD,
  newPage,
  startHarness,
  WEB_ROOT,
} from '../src/web/e2e/harness.ts';

/** The sign-in page and the organisation home together, JavaScript gzipped (bundle-size.ts). */
const BUDGET_KB = 150;
const KB = 1024;
const QUIET_MS = 500;

type Kind = 'js' | 'css';
interface Loaded {
  url: string;
  kind: Kind;
  raw: number;
  gzip: number;
  phase: string;
}

function kindOf(response: Response): Kind | undefined {
  const type = response.headers()['content-type'] ?? '';
  if (/javascript/.test(type)) return 'js';
  if (/text\/css/.test(type)) return 'css';
  return undefined;
}

/** Records the JavaScript and CSS a page downloads, and tells when its network is quiet. */
class Recorder {
  readonly loaded: Loaded[] = [];
  phase = '';
  private readonly pending = new Set<Request>();
  private readonly reads: Promise<void>[] = [];
  private lastChange = Date.now();

  constructor(page: Page) {
    page.on('request', (request) => this.change(() => this.pending.add(request)));
    page.on('requestfinished', (request) => this.change(() => this.pending.delete(request)));
    page.on('requestfailed', (request) => this.change(() => this.pending.delete(request)));
    page.on('response', (response) => {
      const kind = kindOf(response);
      if (!kind || response.status() !== 200) return;
      const phase = this.phase;
      this.reads.push(
        response.body().then((body) => {
          const url = new URL(response.url()).pathname;
          if (this.loaded.some((l) => l.url === url)) return;
          this.loaded.push({ url, kind, phase, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
        }),
      );
    });
  }

  private change(update: () => void): void {
    update();
    this.lastChange = Date.now();
  }

  /** No request in flight for QUIET_MS: a single-page app's own "network idle". */
  async quiet(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 || Date.now() - this.lastChange < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`The network did not go quiet within ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(this.reads);
  }
}

/** Signs in and opens the home page in Chromium; returns the responses by phase. */
async function load(): Promise<Loaded[]> {
  const harness = await startHarness();
  try {
    const { context, page } = await newPage(harness, { locale: 'sv-SE', width: 1280, height: 800 });
    const recorder = new Recorder(page);
    const submit = page.getByRole('button', { name: /^(Logga in|Sign in)$/ });

    recorder.phase = 'Sign-in';
    await page.goto('/login');
    await submit.waitFor();
    await recorder.quiet();

    recorder.phase = 'Organisation home';
    await page.getByLabel(/^(E-post|E-mail)/).fill('demo@example.com');
    await page.getByLabel(/^(Lösenord|Password)/).fill(DEMO_PASSWORD);
    await submit.click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByTestId('objective-card').first().waitFor();
    await recorder.quiet();
    await context.close();
    return recorder.loaded;
  } finally {
    await harness.close();
  }
}

/** `assets/xyz.js` → what it is (the manifest's key or chunk name), for the file list. */
function namesFromManifest(webRoot: string): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(path.join(webRoot, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; name?: string; css?: string[] }
    >;
    for (const [key, chunk] of Object.entries(manifest)) {
      const name = key.startsWith('_') ? (chunk.name ?? key) : key;
      names.set(`/${chunk.file}`, name);
      for (const css of chunk.css ?? []) if (!names.has(`/${css}`)) names.set(`/${css}`, `${name} (styles)`);
    }
  } catch {
    // Without a manifest the list shows file names only.
  }
  return names;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);
const sum = (items: Loaded[], key: 'raw' | 'gzip') => items.reduce((s, l) => s + l[key], 0);

export async function measureInBrowser(options: {
  files: boolean;
  webRoot?: string;
  budgetKb?: number;
}): Promise<number> {
  const budgetKb = options.budgetKb ?? BUDGET_KB;
  if (!browserAvailable()) {
    const message = `${CHROMIUM_PATH} not found: the browser figure (the one the budget holds) is not measured.`;
    if (browserRequired()) {
      console.error(`\n${message}`);
      return 1;
    }
    console.warn(`\n${message} Install Debian's chromium package.`);
    return 0;
  }
  const loaded = await load();
  const phases = [...new Set(loaded.map((l) => l.phase))];
  console.log(
    `\nAs Chromium loads it (${WEB_ROOT}): /login, sign in as the demo owner, the organisation home, until the` +
      ` network is quiet.\nResponse bodies gzipped at level 9; 1 KB = ${KB} bytes; budget ${budgetKb} KB of JavaScript in all.\n`,
  );
  const row = (name: string, items: Loaded[]) => {
    const js = items.filter((l) => l.kind === 'js');
    const css = items.filter((l) => l.kind === 'css');
    return [name, String(js.length), kb(sum(js, 'raw')), kb(sum(js, 'gzip')), String(css.length), kb(sum(css, 'gzip'))];
  };
  const rows = [
    ...phases.map((phase) =>
      row(
        phase,
        loaded.filter((l) => l.phase === phase),
      ),
    ),
    row('Both', loaded),
  ];
  const header = ['Phase', 'JS files', 'JS raw KB', 'JS gzip KB', 'CSS files', 'CSS gzip KB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  if (options.files) {
    const names = namesFromManifest(options.webRoot ?? WEB_ROOT);
    for (const phase of phases) {
      console.log(`\n${phase} (gzip KB):`);
      for (const item of loaded.filter((l) => l.phase === phase).sort((a, b) => b.gzip - a.gzip)) {
        const name = names.get(item.url);
        console.log(`  ${kb(item.gzip).padStart(7)}  ${item.kind.padEnd(3)}  ${item.url}${name ? `  (${name})` : ''}`);
      }
    }
  }

  const js = sum(
    loaded.filter((l) => l.kind === 'js'),
    'gzip',
  );
  const verdict = `${kb(js)} KB of JavaScript gzipped (${((js / (budgetKb * KB)) * 100).toFixed(1)} % of ${budgetKb} KB)`;
  if (js > budgetKb * KB) {
    console.error(`\nOver budget in the browser: ${verdict}.`);
    return 1;
  }
  console.log(`\nIn the browser: ${verdict}.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureInBrowser({ files: process.argv.includes('--files') }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
