// The weekly check-in meeting: Sara flags a blocker in a check-in, then the marketing team
// runs its meeting from the unit's page with the keyboard — the team's key results, Elin's,
// Sara's with her blocker first — and writes a decision down, which lands in the
// conversation on the key result. In English, the screen view and the buttons.
import { expect, it } from 'vitest';
import { expectNoSeriousViolations, openUnitPage, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const KEY_RESULT = 'E-post genererar 100 anmälningar';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const BLOCKER = 'Nyhetsbrevets verktyg är låst till i fredags';

browserSuite('the weekly meeting', (journey) => {
  it('Sara’s blocker leads her part of the meeting, run with the keyboard, and the decision is kept as a comment', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    const found = await page.request.get(
      `/api/v1/orgs/${harness.orgId}/objectives?q=${encodeURIComponent(SARA_OBJECTIVE)}`,
    );
    const [objective] = (await found.json()).items as { id: string }[];
    await page.goto(`/orgs/${harness.orgId}/objectives/${objective?.id}`);
    const keyResult = page.getByRole('article', { name: KEY_RESULT });
    await keyResult.getByRole('button', { name: 'Stäm av' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Kommentar (valfri)').fill(BLOCKER);
    await dialog.getByRole('checkbox', { name: 'Något hindrar oss' }).check();
    await dialog.getByRole('button', { name: 'Spara avstämning' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The unit's page → Veckomöte.
    await page.getByTestId('objective-owner').waitFor();
    await openUnitPage(page, harness.orgId, 'Marknad');
    await page.getByRole('link', { name: 'Veckomöte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Veckomöte · Marknad' }).waitFor();
    const agenda = page.getByRole('navigation', { name: 'Dagordning' });
    expect(await agenda.locator('.mantine-NavLink-label').allTextContents()).toEqual([
      'Teamets nyckelresultat',
      'Elin Sandberg (ansvarig)',
      'Sara Lindqvist',
    ]);
    const section = page.getByRole('heading', { level: 2 });
    await expect.poll(() => section.textContent()).toBe('Teamets nyckelresultat');
    await page.getByRole('article', { name: '300 deltagare på interna event' }).waitFor();
    await expectNoSeriousViolations(page, 'weekly meeting');

    // → twice: Elin, then Sara. The heading takes focus as the section changes.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => section.textContent()).toMatch(/^Elin Sandberg/);
    await page.keyboard.press('n');
    await expect.poll(() => section.textContent()).toBe('Sara Lindqvist');
    await expect.poll(() => page.getByTestId('meeting-position').textContent()).toBe('3 av 3');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('meeting-section');
    const saras = page.getByRole('article', { name: KEY_RESULT });
    await saras.getByTestId('meeting-blockers').getByText(BLOCKER).waitFor();
    expect(await saras.getByTestId('meeting-blockers').textContent()).toMatch(/^Hinder/);
    await expect.poll(() => saras.getByTestId('meeting-change').textContent()).toMatch(/anmälningar/);
    await agenda
      .getByRole('button', { name: /Sara Lindqvist/ })
      .getByText('1 hinder')
      .waitFor();

    // The decision, written down as a comment on the key result.
    await saras.getByRole('button', { name: 'Skriv ner ett beslut' }).click();
    const decision = saras.getByRole('textbox', { name: `Beslut om ”${KEY_RESULT}”` });
    // Keys typed into the decision are the decision's: "n" does not move the meeting on.
    await decision.pressSequentially('Elin ringer leverantören i dag');
    await saras.getByRole('button', { name: 'Spara beslutet' }).click();
    await saras.getByTestId('meeting-decision').getByText('Elin ringer leverantören i dag').waitFor();
    await expect.poll(() => page.getByTestId('meeting-position').textContent()).toBe('3 av 3');
    const comments = await page.request.get(`/api/v1/objectives/${objective?.id}/comments?limit=50`);
    const bodies = ((await comments.json()).items as { body: string }[]).map((c) => c.body);
    expect(bodies).toContain('**Beslut på veckomötet:** Elin ringer leverantören i dag');

    // ← goes back; a reload keeps the place.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => section.textContent()).toMatch(/^Elin Sandberg/);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Elin Sandberg/);
  });

  it('in English, with the buttons and the screen view', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    const units = await page.request.get(`/api/v1/orgs/${harness.orgId}/units?limit=200`);
    const marketing = ((await units.json()).items as { id: string; name: string }[]).find((u) => u.name === 'Marknad');
    await page.goto(`/orgs/${harness.orgId}/units/${marketing?.id}/meeting`);
    await page.getByRole('heading', { level: 1, name: 'Veckomöte · Marknad' }).waitFor();
    await switchToEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'Weekly check-in · Marknad' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('meeting-position').textContent()).toBe('2 of 3');
    await page.getByRole('button', { name: 'Show on screen' }).click();
    await page.getByRole('button', { name: 'Leave the screen view' }).waitFor();
    await page.keyboard.press('f');
    await page.getByRole('button', { name: 'Show on screen' }).waitFor();
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('The team’s key results');
    await page
      .getByText(/Since last week|Unchanged since last week|First check-in this week|No check-in yet/)
      .first()
      .waitFor();
  });
});
