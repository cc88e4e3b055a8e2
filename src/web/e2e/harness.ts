// The browser test harness: the real server in this process (in-memory PGlite, migrated,
// with the demo organisation, serving the built web app from dist/web) and Debian's
// Chromium driven by playwright-core. Used by the journeys (through journey.ts, which adds
// the vitest hooks) and by scripts/screenshots.ts. It never downloads a browser.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import { dumpImage, openPglite, openPgliteFromImage, type DatabaseHandle } from '../../db/connect.ts';
import { DEMO_PASSWORD, seedDemo } from '../../app/demo/seed-demo.ts';
import { buildServer, type Server } from '../../server/app.ts';
import { createAppCaches } from '../../app/caches.ts';
import { WriteMark } from '../../app/write-mark.ts';
import type { RelyingParty } from '../../app/sso/relying-party.ts';
import type { AppDeps } from '../../app/context.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// RIKTNING_E2E_WEB_ROOT lets parallel work build and test its own copy of the app.
export const WEB_ROOT = path.resolve(process.env.RIKTNING_E2E_WEB_ROOT ?? 'dist/web');
export const AXE_REPORT = path.resolve('dist/axe-report.jsonl');
export { DEMO_PASSWORD };

export const browserAvailable = (): boolean => existsSync(CHROMIUM_PATH);
export const browserRequired = (): boolean => process.env.RIKTNING_REQUIRE_BROWSER === '1';

export interface Harness {
  baseUrl: string;
  handle: DatabaseHandle;
  orgId: string;
  server: Server;
  browser: Browser;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Single sign-on, for the journeys that sign in through an identity provider. */
  sso?: RelyingParty;
}

/** A migrated database with the demo organisation, as an image (connect.ts) and the organisation's id. */
export interface DemoImage {
  image: Blob;
  orgId: string;
}

/** Makes the demo database once, so that each journey file can start from a copy of it. */
export async function makeDemoImage(): Promise<DemoImage> {
  const handle = await openPglite();
  try {
    await handle.migrate();
    const { orgId } = await seedDemo(handle.db, new Date());
    return { image: await dumpImage(handle), orgId };
  } finally {
    await handle.close();
  }
}

/**
 * Starts the server on a free port over a copy of the demo database (`demo`: the journeys'
 * global set-up makes one per run; made here when not given), and the browser.
 */
export async function startHarness(given?: DemoImage, options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_ROOT}/index.html is missing): run \`npm run build\` first.`);
  }
  const demo = given ?? (await makeDemoImage());
  const handle = await openPgliteFromImage(demo.image);
  let server: Server | undefined;
  try {
    const deps: AppDeps = {
      db: handle.db,
      now: () => new Date(),
      caches: createAppCaches(),
      writeMark: new WriteMark(handle.db),
      // Chat channels may be the journeys' loopback receivers, as RIKTNING_WEBHOOK_ALLOW_PRIVATE=1 allows.
      allowPrivateOutbound: true,
    };
    server = await buildServer({
      // With the server's caches, as `npm start` runs it.
      deps,
      webRoot: WEB_ROOT,
      // Every test signs in through the form; the real limit (10 a minute) would bite.
      loginRateLimit: 1000,
      ...(options.sso ? { sso: options.sso } : {}),
    });
    const baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
    // Links the server makes (e-mail, single sign-on callbacks) point at where it listens.
    deps.publicUrl = baseUrl;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const started = server;
    return {
      baseUrl,
      handle,
      orgId: demo.orgId,
      server: started,
      browser,
      async close() {
        await browser.close();
        await started.close();
        await handle.close();
      },
    };
  } catch (error) {
    await server?.close().catch(() => {});
    await handle.close().catch(() => {});
    throw error;
  }
}

export interface ContextOptions {
  /** The browser's language; the demo organisation is Swedish. */
  locale?: string;
  width?: number;
  height?: number;
  /** The system's colour scheme the page sees (prefers-color-scheme); light unless asked. */
  colorScheme?: 'light' | 'dark';
}

/** A fresh browser context (no cookies, no storage) and one page in it. */
export async function newPage(
  harness: Harness,
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    locale: options.locale ?? 'sv-SE',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    reducedMotion: 'reduce',
    colorScheme: options.colorScheme ?? 'light',
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Console errors and uncaught page errors, collected so a test can require none. */
export class PageErrors {
  readonly messages: string[] = [];
  private readonly allowed: RegExp[] = [];

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error') this.record(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.record(`page error: ${error.message}`));
  }

  /** An error the test expects (e.g. the 401 of a wrong password); matched by text. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  private record(text: string): void {
    if (!this.allowed.some((pattern) => pattern.test(text))) this.messages.push(text);
  }
}

/** Signs in through the real sign-in form (either language) and waits for the app. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^(E-post|E-mail)/).fill(email);
  await page.getByLabel(/^(Lösenord|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
  await page.waitForURL(/\/orgs\/[0-9a-f-]+/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/**
 * Switches the app to English from the banner and waits until the account remembers it: the
 * switch saves the language after the page has changed, and a page loaded before that save
 * (page.goto) would come back in the account's old language.
 */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('banner').getByText('EN', { exact: true }).click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  for (const deadline = Date.now() + 15_000; ;) {
    const response = await page.request.get('/api/v1/me');
    // Not signed in: the browser alone holds the language.
    if (!response.ok()) return;
    if (((await response.json()) as { locale?: string }).locale === 'en') return;
    if (Date.now() > deadline) throw new Error('the account did not remember English');
    await page.waitForTimeout(100);
  }
}

/**
 * Signs in through the API (the context keeps the session's cookies), for journeys about
 * what comes after signing in; the form itself is walked by signIn and the sign-in journey.
 */
export async function signInDirectly(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  if (!response.ok()) throw new Error(`Signing in as ${email} failed: ${response.status()} ${await response.text()}`);
}

/** Opens a unit's page the way a reader finds it: *Team och enheter*, then its name (Swedish). */
export async function openUnitPage(page: Page, orgId: string, name: string): Promise<void> {
  await page.goto(`/orgs/${orgId}/units`);
  await page.getByRole('list', { name: 'Organisationens enheter' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * Scrolls to the end of the page, as a reader does: what a page shows below the fold (the
 * home page's panels) loads when it comes into sight.
 */
export async function scrollToEnd(page: Page): Promise<void> {
  await page.mouse.wheel(0, 100_000);
}

/** Calls the API as the page's signed-in account, with the CSRF token from its cookie. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'riktning_csrf');
  if (!csrf) throw new Error('Not signed in: no CSRF cookie in this context.');
  return { 'x-csrf-token': decodeURIComponent(csrf.value) };
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function hasHorizontalScroll(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; overflow: boolean }> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    const scrollWidth = g.document.documentElement.scrollWidth;
    return { scrollWidth, innerWidth: g.innerWidth, overflow: scrollWidth > g.innerWidth };
  });
}

// ---- Accessibility (axe-core, injected into the page) ----

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
let axeScript: string | undefined;

export interface AxePageReport {
  page: string;
  url: string;
  counts: Record<'critical' | 'serious' | 'moderate' | 'minor', number>;
  violations: { id: string; impact: ImpactValue | null; nodes: number; help: string }[];
}

/** Runs axe on the page as it is now (WCAG 2.x A/AA and best practices). */
export async function runAxe(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the browser's developer protocol, not added as a <script>: the page's
  // Content-Security-Policy refuses inline scripts, as it must.
  if (!loaded) await page.evaluate((axeScript ??= await readFile(AXE_SCRIPT, 'utf8')));
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
      document: unknown;
    };
    return g.axe.run(g.document, { resultTypes: ['violations'] });
  });
}

export function summariseAxe(name: string, url: string, results: AxeResults): AxePageReport {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of results.violations) if (violation.impact) counts[violation.impact]++;
  return {
    page: name,
    url,
    counts,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.length,
      help: v.help,
    })),
  };
}

/**
 * Adds one page's figures to dist/axe-report.jsonl, a line per scan: journey files run side
 * by side, and an appended line is written whole where a rewritten file would lose scans.
 */
export async function recordAxe(report: AxePageReport): Promise<void> {
  await mkdir(path.dirname(AXE_REPORT), { recursive: true });
  await appendFile(AXE_REPORT, `${JSON.stringify(report)}\n`);
}

/**
 * Scans the page, records its counts (every impact), and fails on serious or critical
 * violations, naming the rule and the first offending elements.
 */
export async function expectNoSeriousViolations(page: Page, name: string): Promise<AxePageReport> {
  const results = await runAxe(page);
  const report = summariseAxe(name, new URL(page.url()).pathname, results);
  await recordAxe(report);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 3)
          .map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ') ?? ''}`)
          .join('\n')}`,
    );
    throw new Error(`axe found serious or critical violations on "${name}":\n${lines.join('\n')}`);
  }
  return report;
}
