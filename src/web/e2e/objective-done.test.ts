// Marking an objective done before the cycle closes: Sara reached hers early; its key
// results leave "My week", the objective shows as done, and in English she opens it again.
import { expect, it } from 'vitest';
import { signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

browserSuite('an objective marked done', (journey) => {
  it('Sara marks her objective done, its check-ins are no longer owed, and she opens it again in English', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    const navigation = page.getByRole('navigation', { name: 'Huvudnavigering' });
    const weekLink = navigation.getByRole('link', { name: /Min vecka/ });
    await expect.poll(() => weekLink.textContent()).toMatch(/\d/);
    const owedBefore = Number((await weekLink.textContent())?.replace(/\D/g, ''));

    const found = await page.request.get(
      `/api/v1/orgs/${harness.orgId}/objectives?q=${encodeURIComponent(SARA_OBJECTIVE)}`,
    );
    const [objective] = (await found.json()).items as { id: string }[];
    await page.goto(`/orgs/${harness.orgId}/objectives/${objective?.id}`);
    await page.getByRole('button', { name: 'Markera som klart' }).click();
    await page.getByText(`”${SARA_OBJECTIVE}” är klart: nyckelresultaten behöver inga fler avstämningar`).waitFor();
    await expect.poll(() => page.getByTestId('objective-done').textContent()).toMatch(/^Klart /);

    // Its key results are no longer owed: fewer on My week, and none of them listed as due.
    await weekLink.click();
    await page.getByRole('heading', { level: 1, name: 'Min vecka' }).waitFor();
    await expect
      .poll(async () => Number((await weekLink.textContent())?.replace(/\D/g, '') || 0))
      .toBeLessThan(owedBefore);

    await page.goto(`/orgs/${harness.orgId}/objectives/${objective?.id}`);
    await switchToEnglish(page);
    await page.getByRole('button', { name: 'Open again' }).click();
    await page.getByText(`“${SARA_OBJECTIVE}” is open again`).waitFor();
    await page.getByRole('button', { name: 'Mark as done' }).waitFor();
    expect(await page.getByTestId('objective-done').count()).toBe(0);
  });
});
