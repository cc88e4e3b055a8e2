// A viewer reads everything and changes nothing: invited as a viewer through the admin
// page, they join with the link in the e-mail, see no edit controls anywhere, and the server refuses a
// write sent past the interface.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';
import { mailedInvitation } from '../../test/invitation-mail.ts';

const VIEWER = { name: 'Vera Läsare', email: 'vera.lasare@example.com', password: 'läser-allt-ändrar-inget-2026' };
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

/** Buttons and links that change something, in both languages. */
const EDIT_CONTROL =
  /^(Redigera|Edit|Stäm av|Check in|Nytt mål|New objective|Nytt individuellt mål|New individual objective|Arkivera|Archive|Lägg till nyckelresultat|Add key result|Redigera vision och uppdrag|Edit vision and mission|Mer för .*|More for .*)/;

async function editControls(page: Page): Promise<string[]> {
  const controls = page.getByRole('main').getByRole('button').or(page.getByRole('main').getByRole('link'));
  const names = await controls.evaluateAll((elements) =>
    elements.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()),
  );
  return names.filter((name) => EDIT_CONTROL.test(name));
}

browserSuite('viewer', (journey) => {
  it('a viewer invited by the owner sees no edit controls, and the server refuses a write', async () => {
    const { page: admin, harness } = journey;

    // The owner invites a viewer; the invitation is mailed to them.
    await signIn(admin, 'demo@example.com');
    await admin.goto(`/orgs/${harness.orgId}/admin/members`);
    await admin.getByRole('button', { name: 'Bjud in en person' }).click();
    const invite = admin.getByRole('dialog', { name: 'Bjud in en person' });
    await field(invite, 'Namn').fill(VIEWER.name);
    await field(invite, 'E-post').fill(VIEWER.email);
    await pickOption(admin, field(invite, 'Roll'), 'Läsare');
    await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await invite.getByRole('status').getByText(`Inbjudan skickad till ${VIEWER.email}.`).waitFor();
    const { path: link } = await mailedInvitation(harness.handle.db, harness.orgId, VIEWER.email);

    // The viewer, in a browser of their own, joins with the link in the e-mail.
    const page = await journey.openPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Gå med i Nordljus AB' }).waitFor();
    await expect.poll(() => field(page, 'Ditt namn').inputValue()).toBe(VIEWER.name);
    await field(page, 'Välj ett lösenord').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Gå med och logga in' }).click();
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}$`));

    // Home: the organisation's objectives, nothing to add; no Administration in the menu.
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
    await page.getByTestId('objective-card').first().waitFor();
    expect(await editControls(page)).toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Huvudnavigering' });
    await nav.getByRole('link', { name: 'Mina OKR' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);

    // A team's page.
    await nav.getByRole('link', { name: 'Team och enheter' }).click();
    await page.getByRole('link', { name: 'Marknad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Marknad' }).waitFor();
    await page.getByTestId('objective-card').first().waitFor();
    expect(await editControls(page)).toEqual([]);

    // An objective's page, with its key results and action plans.
    const objectives = (await (
      await page.request.get(`/api/v1/orgs/${harness.orgId}/objectives?q=${encodeURIComponent('Öka deltagandet')}`)
    ).json()) as { items: { id: string; title: string; version: number; keyResults: { id: string }[] }[] };
    const objective = objectives.items.find((o) => o.title === SARA_OBJECTIVE);
    if (!objective) throw new Error('Sara’s objective is not in the list');
    await page.goto(`/orgs/${harness.orgId}/objectives/${objective.id}`);
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    await page.getByTestId('key-result').first().waitFor();
    await page.getByTestId('history-chart').first().waitFor();
    await expect.poll(() => page.getByTestId('key-result').count()).toBe(3);
    expect(await editControls(page)).toEqual([]);
    // The same page shows the owner its controls, so the check above looks in the right place.
    await admin.goto(`/orgs/${harness.orgId}/objectives/${objective.id}`);
    await admin.getByTestId('key-result').first().waitFor();
    await expect.poll(() => editControls(admin)).toEqual(expect.arrayContaining(['Redigera', 'Stäm av', 'Arkivera']));

    // Administration is closed to viewers.
    await page.goto(`/orgs/${harness.orgId}/admin`);
    await page.getByText('Administrationen är till för organisationens ägare och administratörer.').waitFor();

    // Past the interface, the server says no: an edit and a check-in, both 403.
    const headers = await csrfHeaders(page);
    const patch = await page.request.patch(`/api/v1/objectives/${objective.id}`, {
      headers: { ...headers, 'if-match': `"${objective.version}"` },
      data: { title: 'Läsaren var här' },
    });
    expect(patch.status()).toBe(403);
    const checkIn = await page.request.post(`/api/v1/key-results/${objective.keyResults[0]?.id}/check-ins`, {
      headers,
      data: { value: 99, confidence: 9 },
    });
    expect(checkIn.status()).toBe(403);
    const after = (await (await page.request.get(`/api/v1/objectives/${objective.id}`)).json()) as { title: string };
    expect(after.title).toBe(SARA_OBJECTIVE);
  });
});
