// The end of a cycle: the owner of the organisation closes the current quarter, Sara
// scores her objective and writes what she learned, carries it over to the next quarter,
// and the team's reflection is written — all checked on the pages people read afterwards.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const FIRST_KEY_RESULT = 'E-post genererar 100 anmälningar';

interface CycleRow {
  id: string;
  name: string;
  status: string;
  startsOn: string;
  parentId: string | null;
}

/** The demo's current quarter and the quarter after it (next year's first in the last quarter). */
function quarterNames(now = new Date()) {
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  return { current: `Q${q + 1} ${year}`, next: q === 3 ? `Q1 ${year + 1}` : `Q${q + 2} ${year}` };
}

async function cyclesOf(page: Page, orgId: string): Promise<CycleRow[]> {
  const response = await page.request.get(`/api/v1/orgs/${orgId}/cycles?limit=200`);
  return ((await response.json()) as { items: CycleRow[] }).items;
}

async function objectiveId(page: Page, orgId: string, cycleId: string, title: string): Promise<string> {
  const response = await page.request.get(
    `/api/v1/orgs/${orgId}/objectives?cycleId=${cycleId}&q=${encodeURIComponent(title)}`,
  );
  const [objective] = ((await response.json()) as { items: { id: string }[] }).items;
  if (!objective) throw new Error(`no objective "${title}"`);
  return objective.id;
}

browserSuite('closing journey', (journey) => {
  it('an admin closes the quarter, Sara scores and reflects, carries her objective over, and the team reflects', async () => {
    const { page, harness } = journey;
    const names = quarterNames();
    await signIn(page, 'demo@example.com');

    // Administration → Perioder: close the current quarter, after reading what closing does.
    await page.goto(`/orgs/${harness.orgId}/admin/cycles`);
    await page.getByRole('heading', { level: 2, name: 'Perioder' }).waitFor();
    await page.getByRole('button', { name: `Avsluta perioden ${names.current}` }).click();
    const confirm = page.getByRole('dialog', { name: `Avsluta ${names.current}?` });
    await expect.poll(() => confirm.textContent()).toContain('föreslagna, framsteget avrundat till tiondelar');
    await confirm.getByRole('button', { name: 'Avsluta perioden' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const row = page.getByTestId('cycle-row').filter({ hasText: names.current });
    await row.getByText('Avslutad', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Öppna igen: ${names.current}` }).waitFor();
    await page.getByText(/nyckelresultat fick ett föreslaget betyg/).waitFor();

    const cycles = await cyclesOf(page, harness.orgId);
    const closed = cycles.find((c) => c.name === names.current);
    const next = cycles.find((c) => c.name === names.next);
    if (!closed || !next) throw new Error('the demo lacks the current or the next quarter');
    expect(closed.status).toBe('closed');

    // Sara opens her objective in the closed quarter: she may no longer edit it, but she
    // may score it and reflect, starting from the suggested scores.
    const sara = await journey.openPage();
    await signIn(sara, 'sara@example.com');
    const oldId = await objectiveId(sara, harness.orgId, closed.id, SARA_OBJECTIVE);
    await sara.goto(`/orgs/${harness.orgId}/objectives/${oldId}?cycle=${closed.id}`);
    await sara.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    const panel = sara.getByTestId('score-panel');
    await panel.getByRole('heading', { name: 'Sätt betyg och reflektera' }).waitFor();
    // The verdict is the suggested score now, not a status on the way (nor an expected pace).
    await expect
      .poll(() => sara.getByRole('main').getByTestId('score-badge').first().textContent())
      .toMatch(/^\d(,\d)? · /);
    expect(await sara.getByTestId('expected-progress').count()).toBe(0);
    expect(await sara.getByRole('link', { name: 'Redigera', exact: true }).count()).toBe(0);
    const krScore = field(panel, `Slutbetyg: ${FIRST_KEY_RESULT}`);
    await expect.poll(() => panel.textContent()).toMatch(/Förslag \d(,\d)? \(från framsteget\)/);
    await expectNoSeriousViolations(sara, 'objective: score and reflect');
    await krScore.fill('0,3');
    // A score out of range is not quietly changed: it stays as typed and is refused, saying why.
    const objectiveScore = field(panel, 'Målets slutbetyg');
    await objectiveScore.fill('1,5');
    await objectiveScore.press('Tab');
    await panel.getByText('Betyget ska vara mellan 0 och 1').waitFor();
    expect(await objectiveScore.inputValue()).toBe('1,5');
    await panel.getByRole('button', { name: 'Spara betyg och reflektion' }).click();
    expect(await objectiveScore.inputValue()).toBe('1,5');
    expect(await sara.getByTestId('score-record').count()).toBe(0);
    await objectiveScore.fill('0,6');
    await field(panel, 'Det här gick bra').fill('Första utskicket gav många anmälningar.');
    await field(panel, 'Det här lärde vi oss').fill('Säljarnas egna inbjudningar når längst.');
    await field(panel, 'Det här gör vi annorlunda nästa gång').fill('Börja bjuda in sex veckor före.');
    await panel.getByRole('button', { name: 'Spara betyg och reflektion' }).click();

    // The record: scores with their band in words, and the reflection.
    const record = sara.getByTestId('score-record');
    await record.waitFor();
    await panel.getByRole('heading', { name: 'Slutbetyg och reflektion' }).waitFor();
    const badges = () => record.getByTestId('score-badge').allTextContents();
    await expect.poll(async () => (await badges())[0]).toBe('0,6 · Gult: delvis nått');
    await expect.poll(badges).toContain('0,3 · Rött: missat');
    await expect
      .poll(() => record.getByTestId('reflection-learned').textContent())
      .toBe('Säljarnas egna inbjudningar når längst.');

    // My OKRs in the closed quarter: the key result shows its final score, not a status on the way.
    await sara.goto(`/orgs/${harness.orgId}/me?cycle=${closed.id}`);
    const mine = sara.getByTestId('my-key-result').filter({ hasText: FIRST_KEY_RESULT });
    await expect.poll(() => mine.getByTestId('score-badge').textContent()).toBe('0,3 · Rött: missat');
    await sara.goto(`/orgs/${harness.orgId}/objectives/${oldId}?cycle=${closed.id}`);
    await record.waitFor();

    // Carry it over to the next quarter: a new objective whose key results start where
    // the old ones stand, linked both ways.
    await sara.getByRole('button', { name: 'För över' }).click();
    const dialog = sara.getByRole('dialog', { name: 'För över till en annan period' });
    await expect.poll(() => field(dialog, 'Period').inputValue()).toContain(names.next);
    await dialog.getByRole('button', { name: 'För över' }).click();
    await sara.waitForURL((url) => !url.pathname.endsWith(oldId));
    // The new objective has the old one's title, so wait for what only the new page says
    // (the old page may still be drawn for a moment after the address changed).
    await sara.getByTestId('objective-owner').getByText(names.next, { exact: false }).waitFor();
    const from = sara.getByTestId('carry-links').getByRole('link');
    await expect.poll(() => from.textContent()).toBe(`Fortsätter ”${SARA_OBJECTIVE}” från ${names.current}`);
    const newKr = sara.getByRole('article', { name: FIRST_KEY_RESULT });
    await expect.poll(() => newKr.getByTestId('progress-value').textContent()).toMatch(/^0\s%$/);
    const newFigures = await newKr.getByTestId('key-result-figures').textContent();
    // Still Sara's to change: the next quarter is open.
    await sara.getByRole('link', { name: 'Redigera', exact: true }).waitFor();

    await from.click();
    await sara.waitForURL((url) => url.pathname.endsWith(oldId));
    await sara
      .getByTestId('carry-links')
      .getByRole('link', { name: `Överfört till ${names.next}: ”${SARA_OBJECTIVE}”` })
      .waitFor();
    // The old key result stood where the new one starts (same "N av 100 anmälningar").
    const oldKr = sara.getByRole('article', { name: FIRST_KEY_RESULT });
    await expect.poll(() => oldKr.getByTestId('key-result-figures').textContent()).toBe(newFigures);

    // And in English.
    await switchToEnglish(sara);
    await panel.getByRole('heading', { name: 'Final score and reflection' }).waitFor();
    await expect.poll(async () => (await badges())[0]).toBe('0.6 · Yellow: partly reached');

    // The coach is quiet about the closed quarter, and says why.
    await page.goto(`/orgs/${harness.orgId}/coach?cycle=${closed.id}`);
    await expect
      .poll(() => page.getByTestId('coach-empty').textContent())
      .toBe('Perioden är avslutad, så coachen har inga fler råd om den. Det som återstår är betyg och reflektion.');

    // The admin writes the marketing team's reflection on the closed quarter.
    const units = (await (await page.request.get(`/api/v1/orgs/${harness.orgId}/units?limit=200`)).json()) as {
      items: { id: string; name: string }[];
    };
    const marketing = units.items.find((u) => u.name === 'Marknad');
    if (!marketing) throw new Error('no team Marknad in the demo');
    await page.goto(`/orgs/${harness.orgId}/units/${marketing.id}?cycle=${closed.id}`);
    const reflection = page.getByTestId('unit-reflection');
    await reflection.getByRole('heading', { name: `Reflektion över ${names.current}` }).waitFor();
    await reflection.getByText('Teamet har inte skrivit sin reflektion över perioden än.').waitFor();
    await reflection.getByRole('button', { name: 'Skriv reflektion' }).click();
    await field(reflection, 'Det här gick bra').fill('Eventen blev fullsatta.');
    await field(reflection, 'Det här lärde vi oss').fill('Webben ger fler leads än vi trodde.');
    await field(reflection, 'Det här gör vi annorlunda nästa gång').fill('Fler små event.');
    await reflection.getByRole('button', { name: 'Spara reflektion' }).click();
    await reflection.getByText('Webben ger fler leads än vi trodde.').waitFor();
    await reflection.getByText(/^Skriven av /).waitFor();
    await expectNoSeriousViolations(page, 'unit page: reflection on a closed cycle');
  });
});
