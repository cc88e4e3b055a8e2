// Archiving is no longer a one-way door: the notice after archiving offers to undo it, away
// from the controls it is about, and an admin finds what was archived under Administration →
// Archive and restores it — in Swedish and in English.
import { mkdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

const OBJECTIVE = 'Varje installation blir rätt från början';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const ACTIVITY = 'Segmentera kundregistret per region';

async function objectiveId(page: Page, orgId: string, title: string): Promise<string> {
  const found = (await (
    await page.request.get(`/api/v1/orgs/${orgId}/objectives?q=${encodeURIComponent(title.slice(0, 20))}`)
  ).json()) as { items: { id: string; title: string }[] };
  const id = found.items.find((o) => o.title === title)?.id;
  if (!id) throw new Error(`${title} is not in the list`);
  return id;
}

/** The notice saying `text`. */
const notice = (page: Page, text: string): Locator =>
  page.getByTestId('notifications').locator('.mantine-Notification-root', { hasText: text });

/** A notice must not cover what it is about: the two boxes on screen do not meet. */
async function expectUncovered(toast: Locator, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const [a, b] = [await toast.boundingBox(), await target.boundingBox()];
  if (!a || !b) throw new Error('the notice or its target is not on screen');
  const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  expect(apart, `notice ${JSON.stringify(a)} covers ${JSON.stringify(b)}`).toBe(true);
}

browserSuite('archive and restore', (journey) => {
  it('the owner archives an objective, undoes it from the notice, archives it again and restores it from the archive', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    const id = await objectiveId(page, harness.orgId, OBJECTIVE);
    await page.goto(`/orgs/${harness.orgId}/objectives/${id}`);
    await page.getByRole('heading', { level: 1, name: OBJECTIVE }).waitFor();

    const archive = async () => {
      await page.getByRole('main').getByRole('button', { name: 'Arkivera', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Arkivera målet?' });
      await dialog.getByText('Du kan ångra det direkt').waitFor();
      await dialog.getByRole('button', { name: 'Arkivera' }).click();
      // Back on the team's page, where the objective was listed.
      await page.getByRole('heading', { level: 1, name: 'Installation' }).waitFor();
    };
    const card = page.getByTestId('objective-card').filter({ hasText: OBJECTIVE });

    await archive();
    const archived = notice(page, 'Målet är arkiverat');
    await archived.waitFor();
    await expect.poll(() => card.count()).toBe(0);
    await archived.getByRole('button', { name: 'Ångra' }).click();
    const undone = notice(page, 'Återställt.');
    await undone.waitFor();
    await card.waitFor();
    await expectUncovered(undone, card);

    // Archived again, the undo let go: the owner restores it from the archive.
    await card.getByRole('link', { name: OBJECTIVE }).click();
    await page.getByRole('heading', { level: 1, name: OBJECTIVE }).waitFor();
    await archive();
    await page
      .getByRole('navigation', { name: 'Huvudnavigering' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('tab', { name: 'Arkiv' }).click();
    await page.getByRole('heading', { level: 2, name: 'Arkiv' }).waitFor();
    const row = page.getByTestId('archived-row').filter({ hasText: OBJECTIVE });
    await row.waitFor();
    await row.getByText('Enhet: Installation').waitFor();
    await row.getByText(/^av /).waitFor();
    expect(await page.getByTestId('archived-row').first().textContent()).toContain(OBJECTIVE);
    await mkdir('dist/screenshots', { recursive: true });
    await page.screenshot({ path: 'dist/screenshots/archive-tab.png', fullPage: true });
    await expectNoSeriousViolations(page, 'admin: archive');

    await row.getByRole('button', { name: `Återställ ”${OBJECTIVE}”` }).click();
    await notice(page, `”${OBJECTIVE}” återställdes.`).waitFor();
    await page.getByText('Inget är arkiverat. Det som arkiveras visas här och kan återställas.').waitFor();
    await page.goto(`/orgs/${harness.orgId}/objectives/${id}`);
    await page.getByRole('heading', { level: 1, name: OBJECTIVE }).waitFor();
  });

  it('in English: an activity archived and undone, then restored from the archive filtered to activities', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await switchToEnglish(page);

    await page.goto(`/orgs/${harness.orgId}/objectives/${await objectiveId(page, harness.orgId, SARA_OBJECTIVE)}`);
    const plan = page.getByTestId('activities').filter({ hasText: ACTIVITY });
    const archiveActivity = () => plan.getByRole('button', { name: `Archive ${ACTIVITY}` }).click();
    await archiveActivity();
    const archived = notice(page, 'The activity is archived');
    await archived.waitFor();
    await archived.getByRole('button', { name: 'Undo' }).click();
    const undone = notice(page, 'Restored.');
    await undone.waitFor();
    await expectUncovered(undone, plan.getByRole('button', { name: `Archive ${ACTIVITY}` }));

    await archiveActivity();
    await expect.poll(() => page.getByText(ACTIVITY).count()).toBe(0);
    await page.goto(`/orgs/${harness.orgId}/admin/archive`);
    await page.getByRole('heading', { level: 2, name: 'Archive' }).waitFor();
    await pickOption(page, field(page, 'Type'), 'Unit');
    await page.getByText('No archived units.').waitFor();
    await pickOption(page, field(page, 'Type'), 'Activity');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('activity');
    const row = page.getByTestId('archived-row').filter({ hasText: ACTIVITY });
    await row.getByText('Key result: E-post genererar 100 anmälningar').waitFor();
    await row.getByText(`Objective: ${SARA_OBJECTIVE}`).waitFor();
    await row.getByRole('button', { name: `Restore “${ACTIVITY}”` }).click();
    await notice(page, `“${ACTIVITY}” was restored.`).waitFor();
    await page.getByText('No archived activities.').waitFor();

    // The account keeps its language: back to Swedish for whoever signs in next.
    await page.getByRole('banner').getByText('SV', { exact: true }).click();
    await expect
      .poll(async () => ((await (await page.request.get('/api/v1/me')).json()) as { locale: string }).locale)
      .toBe('sv');
  });
});
