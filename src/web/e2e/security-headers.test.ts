// The app works under its Content-Security-Policy (src/server/plugins/security-headers.ts):
// the sign-in page, every main page a signed-in owner sees and the API's docs load without
// one violation — no inline script or style without the page's nonce, nothing from another
// host. And an image written into a description or the strategy is not fetched from its
// host (a tracking pixel): it is a link, and the host hears nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, signInDirectly } from './harness.ts';
import { browserSuite } from './journey.ts';
import { OWNER_PAGES, SARA_OBJECTIVE, demoIds } from './a11y-pages.ts';

/**
 * Violations of the policy in every document the page opens, from the browser's
 * `securitypolicyviolation` events and from its console (where Chromium names the policy).
 */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportPolicyViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      document: { addEventListener(type: string, listener: (event: Record<string, unknown>) => void): void };
      reportPolicyViolation(text: string): void;
      location: { pathname: string };
    };
    g.document.addEventListener('securitypolicyviolation', (event) => {
      const { violatedDirective, blockedURI, sourceFile, lineNumber, sample } = event;
      g.reportPolicyViolation(
        `${g.location.pathname}: ${String(violatedDirective)} blocked ${String(blockedURI)} ` +
          `(${String(sourceFile)}:${String(lineNumber)}) ${String(sample)}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

/**
 * Until the page has run what it had queued (a violation is reported in a task of its own)
 * and its report has come back over the same connection.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Opens a page, waits until it shows what it loads, and lets its requests settle. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await settle(page);
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).waitFor();
};

browserSuite('the content security policy', (journey) => {
  /** A host of images that counts what is asked of it: a tracking pixel's, as its owner sees it. */
  let pixelHost: Server;
  const pixelRequests: string[] = [];
  let pixelUrl = '';

  beforeAll(async () => {
    pixelHost = createServer((request, response) => {
      pixelRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/gif' }).end();
    });
    await new Promise<void>((resolve) => pixelHost.listen(0, '127.0.0.1', resolve));
    pixelUrl = `http://127.0.0.1:${(pixelHost.address() as AddressInfo).port}/pixel.gif`;
  });

  afterAll(async () => {
    await new Promise((resolve) => pixelHost.close(resolve));
  });

  it('notices a violation: a style without the page’s nonce is refused and reported', async () => {
    const { page, errors } = journey;
    const violations = await watchPolicy(page);
    errors.allow(/Content Security Policy/);
    await visit(page, '/login', heading('Logga in i Riktning'));
    expect(violations).toEqual([]);
    await page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { createElement(tag: string): { textContent: string }; head: { append(node: unknown): void } };
      };
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await expect.poll(() => violations.some((text) => /style-src/.test(text))).toBe(true);
  });

  it('the sign-in page and the API’s docs', async () => {
    const { page } = journey;
    const violations = await watchPolicy(page);
    await visit(page, '/login', heading('Logga in i Riktning'));
    await visit(page, '/api/docs', async (p) => {
      await p.getByRole('heading', { name: /Riktning API/ }).waitFor();
      await p.locator('.opblock').first().waitFor();
    });
    expect(violations).toEqual([]);
  });

  it('every main page of the owner', async () => {
    const { page, harness } = journey;
    const violations = await watchPolicy(page);
    await signInDirectly(page, 'demo@example.com');
    const ids = await demoIds(page, harness);
    for (const target of OWNER_PAGES) {
      await visit(page, target.path(ids), target.ready);
      expect(violations, target.name).toEqual([]);
    }
    // A dialog: Mantine's modal locks the page's scrolling with a <style> of its own.
    const invite = page.getByRole('button', { name: 'Bjud in en person' });
    await visit(page, `/orgs/${ids.orgId}/admin/members`, () => invite.waitFor());
    await invite.click();
    await page.getByRole('dialog', { name: 'Bjud in en person' }).waitFor();
    await settle(page);
    expect(violations, 'a dialog').toEqual([]);
  });

  it('the pages of one’s own week, the map, the meetings and the settings', async () => {
    const { page, harness } = journey;
    const violations = await watchPolicy(page);
    await signInDirectly(page, 'demo@example.com');
    const ids = await demoIds(page, harness);
    const org = `/orgs/${ids.orgId}`;
    const pages: [string, (page: Page) => Promise<void>][] = [
      [`${org}/me`, heading('Mina OKR')],
      [`${org}/week`, heading('Min vecka')],
      [
        `${org}/map`,
        async (p) => {
          await heading('Målkarta')(p);
          await p.getByTestId('alignment-map').getByRole('group').first().waitFor();
        },
      ],
      [`${org}/units/${ids.unitId}/meeting`, heading('Veckomöte · Marknad')],
      [`${org}/review`, heading(/^Kvartalsgenomgång · /)],
      [`${org}/units/${ids.unitId}/review`, heading('Kvartalsgenomgång · Marknad')],
      [`${org}/settings`, heading('Mina inställningar')],
    ];
    for (const [path, ready] of pages) {
      await visit(page, path, ready);
      expect(violations, path).toEqual([]);
    }
  });

  it('an image from another host in a description or the strategy is a link, and its host hears nothing', async () => {
    const { page, harness } = journey;
    const violations = await watchPolicy(page);
    await signInDirectly(page, 'demo@example.com');
    const ids = await demoIds(page, harness);
    const headers = await csrfHeaders(page);
    const written = `Så här ser det ut:\n\n![Spårpixel](${pixelUrl})`;
    const change = async (path: string, body: object) => {
      const current = await page.request.get(`/api/v1${path}`);
      const changed = await page.request.patch(`/api/v1${path}`, {
        headers: { ...headers, 'if-match': current.headers().etag ?? '' },
        data: body,
      });
      expect(changed.status(), await changed.text()).toBe(200);
    };
    await change(`/objectives/${ids.objectiveId}`, { description: written });
    await change(`/orgs/${ids.orgId}`, { strategy: written });

    await visit(page, `/orgs/${ids.orgId}/objectives/${ids.objectiveId}`, heading(SARA_OBJECTIVE));
    const inDescription = page.getByRole('link', { name: 'Spårpixel' });
    expect(await inDescription.getAttribute('href')).toBe(pixelUrl);
    await visit(page, `/orgs/${ids.orgId}`, async (p) => {
      await p.getByRole('heading', { name: 'Strategi', exact: true }).waitFor();
      await p.getByRole('link', { name: 'Spårpixel' }).waitFor();
    });
    expect(await page.locator('img').evaluateAll((images) => images.map((image) => image.outerHTML))).toEqual([]);
    expect(pixelRequests).toEqual([]);
    expect(violations).toEqual([]);
  });
});
