// Example OKRs in the browser. In Swedish the owner starts a sales team's objective from
// an example: the form is filled with its title and key results, and saved as it is the
// objective has them. In English Sara writes a key result that is an activity, and the
// coach's advice links to a good example for her draft; the dialog passes an axe scan.
import { expect, it } from 'vitest';
import { expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const EXAMPLE = 'Få våra kunder att stanna och växa med oss';
const EXAMPLE_KEY_RESULTS = [
  'Öka andelen kunder som förnyar sitt avtal från 78 % till 90 %',
  'Öka andelen kunder som köper mer än en tjänst från 30 % till 45 %',
  'Minska antalet uppsagda avtal från 24 till 12 per kvartal',
];

browserSuite('example OKRs', (journey) => {
  it('starts a team objective from an example, fills the form with it and saves it', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    const units = await page.request.get(`/api/v1/orgs/${harness.orgId}/units?limit=200`);
    const sales = ((await units.json()).items as { id: string; name: string }[]).find((u) => u.name === 'Försäljning');
    await page.goto(`/orgs/${harness.orgId}/objectives/new?level=unit&unitId=${sales?.id}`);
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    await expect.poll(() => field(page.getByRole('main'), 'Team eller enhet').inputValue()).toBe('Försäljning');

    await page.getByRole('button', { name: 'Utgå från ett exempel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exempel på mål och nyckelresultat' });
    await dialog.waitFor();
    // Sales comes first; another function is a choice away, and back.
    const area = dialog.getByLabel('Område');
    expect(await area.inputValue()).toBe('sales');
    await area.selectOption({ label: 'Offentlig sektor' });
    await dialog.getByRole('heading', { name: /bygglov/ }).waitFor();
    await area.selectOption({ label: 'Försäljning' });
    const card = dialog.getByRole('article', { name: EXAMPLE });
    await card.getByRole('button', { name: 'Använd exemplet' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Formuläret har fyllts med exemplet').waitFor();

    const form = page.getByRole('main');
    expect(await field(form, 'Mål').inputValue()).toBe(EXAMPLE);
    const rows = page.getByTestId('key-result-row');
    expect(await rows.count()).toBe(3);
    for (const [i, title] of EXAMPLE_KEY_RESULTS.entries()) {
      const row = page.getByRole('group', { name: `Nyckelresultat ${i + 1}` });
      expect(await field(row, 'Nyckelresultat').inputValue()).toBe(title);
    }
    const first = page.getByRole('group', { name: 'Nyckelresultat 1' });
    expect(await field(first, 'Startvärde').inputValue()).toBe('78');
    expect(await field(first, 'Målvärde').inputValue()).toBe('90');

    // The person makes it their own before saving: here, a sharper target.
    await field(first, 'Målvärde').fill('92');
    await page.getByRole('button', { name: 'Skapa mål' }).click();
    await page.getByRole('heading', { level: 1, name: EXAMPLE }).waitFor();

    const id = /\/objectives\/([^/?]+)/.exec(page.url())?.[1];
    const saved = await page.request.get(`/api/v1/objectives/${id}`);
    const objective = (await saved.json()) as {
      title: string;
      level: string;
      keyResults: { title: string; start: number; target: number; unit: string }[];
    };
    expect(objective.title).toBe(EXAMPLE);
    expect(objective.level).toBe('unit');
    expect(objective.keyResults.map((kr) => kr.title)).toEqual(EXAMPLE_KEY_RESULTS);
    expect(objective.keyResults[0]).toMatchObject({ start: 78, target: 92, unit: '%' });
    expect(objective.keyResults[2]).toMatchObject({ start: 24, target: 12, unit: 'avtal' });
  });

  it('links the coach’s advice on an activity to a good example, in English', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    await page.goto(`/orgs/${harness.orgId}/objectives/new?level=person`);
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    await switchToEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'New objective' }).waitFor();

    const form = page.getByRole('main');
    const row = page.getByRole('group', { name: 'Key result 1' });
    await field(row, 'Key result').fill('Arrange 4 customer events with 100 attendees');
    await field(row, 'Target').fill('4');
    await field(row, 'Unit').fill('events');
    // Typed, not pasted: the coach waits for a pause (debounced) before it reads.
    await field(form, 'Objective').pressSequentially('Better customer events');

    const advice = page.getByTestId('coach-live').locator('[data-rule="key-result.is-activity"]');
    await advice.waitFor({ timeout: 10_000 });
    await advice.getByRole('button', { name: 'See a good example' }).click();

    const dialog = page.getByRole('dialog', { name: 'Examples of objectives and key results' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Function').inputValue()).toBe('marketing');
    const [shownFirst] = await dialog.getByTestId('example').all();
    expect(await shownFirst?.getByRole('heading').textContent()).toBe(
      'Make our customer events the ones people clear their diaries for',
    );
    expect(await dialog.getByTestId('example-match').textContent()).toBe(
      'A good example for your draft, which mentions “customer”, “events” and “attendees”.',
    );
    await page.mouse.move(5, 5);
    await expectNoSeriousViolations(page, 'examples dialog');

    // Closing it leaves the draft as it was.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await field(form, 'Objective').inputValue()).toBe('Better customer events');
  });
});
