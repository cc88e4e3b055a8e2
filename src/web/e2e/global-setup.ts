// Before the browser journeys: each run writes its own accessibility report, and a missing
// browser fails the run at once when the journeys are required (CI).
import { rm } from 'node:fs/promises';
import { AXE_REPORT, CHROMIUM_PATH, browserAvailable, browserRequired } from './harness.ts';

export default async function setup(): Promise<void> {
  if (browserRequired() && !browserAvailable()) {
    throw new Error(
      `RIKTNING_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} does not exist: the browser journeys are required.`,
    );
  }
  await rm(AXE_REPORT, { force: true });
}
