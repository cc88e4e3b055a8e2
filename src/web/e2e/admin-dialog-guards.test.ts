// The administration's dialogs keep what was typed: closing asks first, the browser's back
// button asks first, and a save refused because someone else saved meanwhile keeps the
// typed text beside theirs — in Swedish (a team's vision) and in English (a period's name).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

/** Answers the page's questions (confirm) as told, and keeps what they said. */
function answerQuestions(page: Page): { asked: string[]; answer: (accept: boolean) => void } {
  const asked: string[] = [];
  let accept = false;
  page.on('dialog', (question) => {
    asked.push(question.message());
    void (accept ? question.accept() : question.dismiss());
  });
  return { asked, answer: (value) => (accept = value) };
}

/** Someone else saves a change first, through the API, on top of the version now stored. */
async function saveMeanwhile(page: Page, path: string, body: object): Promise<void> {
  const current = await page.request.get(`/api/v1${path}`);
  const changed = await page.request.patch(`/api/v1${path}`, {
    headers: { ...(await csrfHeaders(page)), 'if-match': current.headers().etag ?? '' },
    data: body,
  });
  expect(changed.status()).toBe(200);
}

browserSuite('dialogs that keep what was typed', (journey) => {
  it('the team statement dialog asks before closing and keeps the typed vision through a conflict', async () => {
    const { page, harness } = journey;
    journey.errors.allow(/status of 412 \(Precondition Failed\)/);
    await signIn(page, 'demo@example.com');
    const units = (await (await page.request.get(`/api/v1/orgs/${harness.orgId}/units?limit=200`)).json()) as {
      items: { id: string; name: string }[];
    };
    const unit = units.items[0];
    if (!unit) throw new Error('The demo has no units.');
    await page.goto(`/orgs/${harness.orgId}/units/${unit.id}`);
    await page.getByRole('heading', { level: 1, name: unit.name }).waitFor();
    await page.getByRole('button', { name: 'Redigera vision och uppdrag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redigera vision och uppdrag' });
    const vision = field(dialog, 'Vision');
    await vision.fill('Vår nya vision, skriven med omsorg.');

    const questions = answerQuestions(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => questions.asked.length).toBe(1);
    expect(questions.asked[0]).toBe('Stäng utan att spara det du skrev?');
    expect(await vision.inputValue()).toBe('Vår nya vision, skriven med omsorg.');

    await saveMeanwhile(page, `/units/${unit.id}`, { vision: 'Deras vision, sparad först.' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const notice = dialog.getByTestId('conflict-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Deras version: Vision');
    expect(await notice.textContent()).toContain('Deras vision, sparad först.');
    expect(await vision.inputValue()).toBe('Vår nya vision, skriven med omsorg.');

    // The next save is on top of theirs, and goes through without a question.
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Vår nya vision, skriven med omsorg.').waitFor();
    expect(questions.asked).toHaveLength(1);
  });

  it('the period dialog asks before the back button leaves and keeps the typed name through a conflict', async () => {
    const { page, harness } = journey;
    journey.errors.allow(/status of 412 \(Precondition Failed\)/);
    await signIn(page, 'demo@example.com');
    const created = await page.request.post(`/api/v1/orgs/${harness.orgId}/cycles`, {
      headers: await csrfHeaders(page),
      data: { name: 'Sprint 2033', startsOn: '2033-01-01', endsOn: '2033-02-28', status: 'planning' },
    });
    expect(created.status()).toBe(201);
    const cycleId = ((await created.json()) as { id: string }).id;
    await page.reload();

    await switchToEnglish(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('tab', { name: 'Cycles' }).click();
    await page.getByRole('button', { name: 'Edit Sprint 2033' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Sprint 2033' });
    const name = field(dialog, 'Name');
    await name.fill('Sprint one, 2033');

    // The back button asks; staying keeps the page, the dialog and the typed name.
    const questions = answerQuestions(page);
    const admin = page.url();
    await page.evaluate(() => window.history.back());
    await expect.poll(() => questions.asked.length).toBe(1);
    expect(questions.asked[0]).toBe('Leave the page without saving your changes?');
    await expect.poll(() => page.url()).toBe(admin);
    expect(await name.inputValue()).toBe('Sprint one, 2033');

    await saveMeanwhile(page, `/cycles/${cycleId}`, { name: 'Sprint A 2033' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    const notice = dialog.getByTestId('conflict-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Their version: Name');
    expect(await notice.textContent()).toContain('Sprint A 2033');
    expect(await name.inputValue()).toBe('Sprint one, 2033');

    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('cycle-row').filter({ hasText: 'Sprint one, 2033' }).waitFor();
    expect(questions.asked).toHaveLength(1);

    // Back to Swedish: the language is saved on the account.
    await page.getByRole('banner').getByText('SV', { exact: true }).click();
    await expect
      .poll(async () => ((await (await page.request.get('/api/v1/me')).json()) as { locale: string }).locale)
      .toBe('sv');
  });
});
