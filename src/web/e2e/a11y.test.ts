// Accessibility: an axe scan of every main page an owner sees (no serious or critical
// violations; the counts of every impact go to dist/axe-report.jsonl). The dialogs, the
// pages of people and the phone-width pass are in a11y-dialogs.test.ts, so the two files
// can run side by side.
import { it } from 'vitest';
import { expectNoSeriousViolations, signInDirectly } from './harness.ts';
import { browserSuite } from './journey.ts';
import { OWNER_PAGES, demoIds, scan } from './a11y-pages.ts';

browserSuite('accessibility', (journey) => {
  it('sign-in page', async () => {
    const { page } = journey;
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Logga in i Riktning' }).waitFor();
    await expectNoSeriousViolations(page, 'sign-in');
  });

  for (const target of OWNER_PAGES) {
    it(`${target.name} (as the owner)`, async () => {
      const { page, harness } = journey;
      await signInDirectly(page, 'demo@example.com');
      const ids = await demoIds(page, harness);
      await scan(page, target.name, target.path(ids), target.ready);
    });
  }
});
