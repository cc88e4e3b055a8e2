// The vitest side of the harness: one server and browser per test file, a fresh browser
// context per test, and every test ends by requiring that no page logged an error.
// Without /usr/bin/chromium the suite is skipped with a message — unless
// RIKTNING_REQUIRE_BROWSER=1 (CI), where it fails.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  CHROMIUM_PATH,
  PageErrors,
  browserAvailable,
  browserRequired,
  newPage,
  startHarness,
  type ContextOptions,
  type Harness,
  type HarnessOptions,
} from './harness.ts';
import { readImage } from '../../test/database-images.ts';

export interface Journey {
  readonly harness: Harness;
  /** The test's page, in a fresh context (Swedish browser, 1280×800). */
  readonly page: Page;
  readonly errors: PageErrors;
  /** Another fresh context (e.g. a second person, or a phone), watched and closed like the first. */
  openPage(options?: ContextOptions): Promise<Page>;
}

const FAILURE_DIR = path.resolve('dist/e2e-failures');

export function browserSuite(name: string, body: (journey: Journey) => void, options: HarnessOptions = {}): void {
  const skip = !browserAvailable() && !browserRequired();
  if (skip) {
    console.warn(
      `[browser] ${CHROMIUM_PATH} not found: skipping "${name}". Install Debian's chromium package ` +
        '(CI does, and sets RIKTNING_REQUIRE_BROWSER=1 so these tests are required there).',
    );
  }

  describe.skipIf(skip)(name, () => {
    let harness: Harness | undefined;
    let contexts: BrowserContext[] = [];
    let errors = new PageErrors();
    let current: Page | undefined;

    const open = async (options?: ContextOptions) => {
      if (!harness) throw new Error('The harness did not start.');
      const { context, page } = await newPage(harness, options);
      contexts.push(context);
      errors.watch(page);
      return page;
    };

    beforeAll(async () => {
      if (!browserAvailable()) {
        throw new Error(
          `RIKTNING_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} does not exist: the browser journeys are required.`,
        );
      }
      // A copy of the run's demo database (global-setup.ts), or one of its own.
      const demo = inject('demoImage');
      harness = await startHarness(demo && { image: await readImage(demo.file), orgId: demo.orgId }, options);
    });

    afterAll(async () => {
      await harness?.close();
    });

    beforeEach(async () => {
      contexts = [];
      errors = new PageErrors();
      current = await open();
    });

    afterEach(async (context) => {
      if (context.task.result?.state === 'fail' && current) {
        // A picture of the moment it failed, for whoever reads the CI log.
        await mkdir(FAILURE_DIR, { recursive: true });
        const file = path.join(FAILURE_DIR, `${context.task.name.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`);
        await current.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.warn(`[browser] screenshot of the failure: ${file} (at ${current.url()})`);
      }
      const messages = errors.messages;
      await Promise.all(contexts.map((c) => c.close()));
      contexts = [];
      current = undefined;
      expect(messages, 'console errors or page errors during the test').toEqual([]);
    });

    body({
      get harness() {
        if (!harness) throw new Error('The harness did not start.');
        return harness;
      },
      get page() {
        if (!current) throw new Error('No page outside a test.');
        return current;
      },
      get errors() {
        return errors;
      },
      openPage: open,
    });
  });
}
