// A wrong check-in put right: Sara types 610 for 61, corrects it from the key result, and
// then removes the check-in altogether, in English: the figures follow each time.
import { expect, it } from 'vitest';
import { signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const KEY_RESULT = 'Sociala medier genererar 100 anmälningar';

browserSuite('correcting a check-in', (journey) => {
  it('Sara corrects a mistyped check-in, then removes it in English', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    const keyResult = page.getByRole('article', { name: KEY_RESULT });
    const figures = () => keyResult.getByTestId('key-result-figures').textContent();
    await expect.poll(figures).toContain('34 av 100 anmälningar');
    // The demo's check-ins are older than a day: nothing to correct yet.
    expect(await keyResult.getByTestId('check-in-correction').count()).toBe(0);

    // Each key result's chart stands as a placeholder until its check-ins come, and may still
    // grow by a line of caption once drawn: once all three are in, nothing above the button
    // moves any more, so the click lands where it was aimed (under load the button once moved
    // between Playwright finding it still and clicking it, and no dialog opened).
    await expect.poll(() => page.getByTestId('history-chart').count()).toBe(3);
    await keyResult.getByRole('button', { name: 'Stäm av' }).click();
    const checkIn = page.getByRole('dialog', { name: 'Stäm av' });
    await checkIn.getByLabel(/^Nytt värde/).fill('610');
    await checkIn.getByRole('button', { name: 'Spara avstämning' }).click();
    await checkIn.waitFor({ state: 'hidden' });
    await expect.poll(figures).toContain('610 av 100 anmälningar');

    // Correct it: the dialog opens with what was saved.
    const correction = keyResult.getByTestId('check-in-correction');
    await expect.poll(() => correction.textContent()).toContain('Din senaste avstämning (610 anmälningar)');
    await correction.getByRole('button', { name: `Rätta din avstämning av ${KEY_RESULT}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Rätta avstämningen' });
    const value = dialog.getByLabel(/^Nytt värde/);
    await expect.poll(() => value.inputValue()).toBe('610');
    await value.fill('61');
    await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Avstämningen är rättad: ${KEY_RESULT}`).waitFor();
    await expect.poll(figures).toContain('61 av 100 anmälningar');
    await expect.poll(() => correction.textContent()).toContain('(61 anmälningar)');

    // In English, remove it: the key result goes back to where it stood before.
    await switchToEnglish(page);
    await page.getByRole('heading', { level: 2, name: 'Key results' }).waitFor();
    await correction.getByRole('button', { name: `Remove your check-in of ${KEY_RESULT}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the check-in?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText(`Check-in removed: ${KEY_RESULT}`).waitFor();
    await expect.poll(figures).toContain('34 of 100');
    await expect.poll(() => correction.count()).toBe(0);
  });
});
