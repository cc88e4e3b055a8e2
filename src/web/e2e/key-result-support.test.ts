// Supporting a key result, as the method has it: Sara writes an objective of her own from
// the marketing team's key result "300 deltagare på interna event", picked under the team's
// objective in the form (the coach calls a title that only restates it waterfall, and her
// own title aligned); her objective's page names the key result, and the team's objective
// names her objective on that key result. In English, the owner sees the same
// link in the edit form and takes it away.
import { expect, it } from 'vitest';
import { signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const TEAM_KEY_RESULT = '300 deltagare på interna event';
const DEMO_SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const OBJECTIVE = 'Få fler kunder att anmäla sig till vårens kundkväll';

browserSuite('supporting a key result', (journey) => {
  it('Sara supports the team’s key result from her new objective, and each page names the other', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    await page.goto(`/orgs/${harness.orgId}/objectives/new?level=person`);
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    const form = page.getByRole('main');
    // First the key result's own words as the title, which the coach will question.
    await field(form, 'Mål').fill(TEAM_KEY_RESULT);

    // The team's key result is offered beneath its objective, and found by its words.
    const supports = field(form, 'Stöder');
    await supports.click();
    await supports.pressSequentially('deltagare');
    const options = page.getByRole('listbox').getByRole('option');
    await expect
      .poll(async () => (await options.allTextContents()).map((o) => o.trim()))
      .toContain(`↳ ${TEAM_KEY_RESULT}`);
    await page.getByRole('option', { name: `↳ ${TEAM_KEY_RESULT}` }).click();
    await page.keyboard.press('Escape');
    const keyResultRow = page.getByRole('group', { name: 'Nyckelresultat 1' });
    await field(keyResultRow, 'Nyckelresultat').fill('80 anmälda via inbjudan i nyhetsbrevet');
    await field(keyResultRow, 'Målvärde').fill('80');

    // The form tells the coach which key result the draft supports: a title that restates it
    // is waterfall, named as such; her own title is not, and supporting it is alignment.
    const coach = page.getByTestId('coach-live');
    const advice = (rule: string) => coach.locator(`[data-rule="${rule}"]`);
    await expect
      .poll(() => advice('alignment.waterfall').textContent(), { timeout: 10_000 })
      .toMatch(/upprepar bara nyckelresultatet det stöder, ”300 deltagare på interna event”/);
    expect(await advice('alignment.person-supports-nothing').count()).toBe(0);
    await field(form, 'Mål').fill(OBJECTIVE);
    await expect.poll(() => advice('alignment.waterfall').count(), { timeout: 10_000 }).toBe(0);
    await page.getByText('Coachen läser…').waitFor({ state: 'detached' });
    expect(await advice('alignment.person-supports-nothing').count()).toBe(0);
    await page.getByRole('button', { name: 'Skapa mål' }).click();

    // Her objective supports the team's objective through that key result.
    await page.getByRole('heading', { level: 1, name: OBJECTIVE }).waitFor();
    const supported = page.getByTestId('supports');
    await supported.getByRole('link', { name: TEAM_OBJECTIVE }).waitFor();
    const keyResultLink = supported.getByTestId('supported-key-result');
    expect(await keyResultLink.textContent()).toBe(`Nyckelresultat: ${TEAM_KEY_RESULT}`);

    // The link leads to the key result on the team's objective, which names its supporters.
    await keyResultLink.click();
    await page.getByRole('heading', { level: 1, name: TEAM_OBJECTIVE }).waitFor();
    const keyResult = page.getByRole('article', { name: TEAM_KEY_RESULT });
    const supportedBy = keyResult.getByTestId('key-result-supported-by');
    await supportedBy.getByRole('link', { name: OBJECTIVE }).waitFor();
    await supportedBy.getByRole('link', { name: DEMO_SARA_OBJECTIVE }).waitFor();
    expect(await supportedBy.textContent()).toMatch(/^Stöds av:/);
    await page.getByTestId('supported-by').getByText(`Genom nyckelresultatet ”${TEAM_KEY_RESULT}”`).first().waitFor();
    // Another key result of the team's objective has no supporters to name.
    const others = page.getByRole('article').filter({ hasNot: page.getByTestId('key-result-supported-by') });
    expect(await others.count()).toBeGreaterThan(0);
  });

  it('in English, the edit form shows the key result supported, and saving without it removes the link', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    const found = await page.request.get(
      `/api/v1/orgs/${harness.orgId}/objectives?q=${encodeURIComponent(DEMO_SARA_OBJECTIVE)}`,
    );
    const [objective] = (await found.json()).items as { id: string }[];
    expect(objective).toBeDefined();
    await page.goto(`/orgs/${harness.orgId}/objectives/${objective?.id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Redigera mål' }).waitFor();
    await switchToEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'Edit objective' }).waitFor();

    // The key result is the choice; its objective is supported through it, not named twice.
    const supports = field(page, 'Supports');
    const chosen = page.locator('.mantine-Pill-label');
    await expect.poll(() => chosen.allTextContents()).toEqual([`↳ ${TEAM_KEY_RESULT}`]);
    await supports.click();
    await supports.press('Backspace');
    await expect.poll(() => chosen.count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByRole('heading', { level: 1, name: DEMO_SARA_OBJECTIVE }).waitFor();
    await page.getByText('This objective does not support any other.').waitFor();
    expect(await page.getByTestId('supported-key-result').count()).toBe(0);
  });
});
