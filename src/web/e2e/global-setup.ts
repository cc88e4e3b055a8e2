// Before the browser journeys: each run writes its own accessibility report, and a missing
// browser fails the run at once when the journeys are required (CI); the demo database is
// made once, for every journey file to copy.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { AXE_REPORT, CHROMIUM_PATH, browserAvailable, browserRequired, makeDemoImage } from './harness.ts';
import { keepImage } from '../../test/database-images.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (browserRequired() && !browserAvailable()) {
    throw new Error(
      `RIKTNING_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} does not exist: the browser journeys are required.`,
    );
  }
  await rm(AXE_REPORT, { force: true });
  if (!browserAvailable()) return undefined;
  // The demo database once; each journey file starts its server on a copy of it.
  const demo = await makeDemoImage();
  const { file, remove } = await keepImage('demo', demo.image);
  project.provide('demoImage', { file, orgId: demo.orgId });
  return remove;
}
