// The quarterly review: the marketing team runs its weekly meeting, then walks its
// quarterly review slide by slide with the keyboard (scores so far, as the quarter is still
// open), and the organisation's review is a click away on the dashboard. In English, once
// the quarter is closed, the review is printed to PDF by Chromium: a landscape page per
// slide, with the objectives in it.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, expectNoSeriousViolations, openUnitPage, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const LEARNED = 'Säljarnas egna inbjudningar når längst.';

interface CycleRow {
  id: string;
  name: string;
  status: string;
  version: number;
}

/** The demo's current quarter: the active cycle that holds the team's objectives. */
async function currentQuarter(page: Page, orgId: string): Promise<CycleRow> {
  const response = await page.request.get(`/api/v1/orgs/${orgId}/cycles?limit=200`);
  const quarter = ((await response.json()) as { items: CycleRow[] }).items.find(
    (c) => c.status === 'active' && /^Q\d/.test(c.name),
  );
  if (!quarter) throw new Error('the demo has no active quarter');
  return quarter;
}

async function marketingId(page: Page, orgId: string): Promise<string> {
  const response = await page.request.get(`/api/v1/orgs/${orgId}/units?limit=200`);
  const unit = ((await response.json()) as { items: { id: string; name: string }[] }).items.find(
    (u) => u.name === 'Marknad',
  );
  if (!unit) throw new Error('the demo has no Marknad');
  return unit.id;
}

/** A PDF's pages: its page objects (`/Type /Page`, not the `/Type /Pages` tree above them). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

/**
 * The titles of a PDF's outline (its bookmarks, made from the headings): a plain string
 * `(…)` when ASCII, else UTF-16 in hex `<FEFF…>`. The page text itself is compressed glyphs.
 */
function pdfOutline(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Title\s*(?:<FEFF([0-9A-Fa-f]*)>|\(([^)]*)\))/g)].map(
    ([, hex, plain]) => (hex === undefined ? (plain ?? '') : Buffer.from(hex, 'hex').swap16().toString('utf16le')),
  );
}

browserSuite('the quarterly review', (journey) => {
  it('the team runs its weekly meeting, then walks its quarterly review with the keyboard', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    await openUnitPage(page, harness.orgId, 'Marknad');

    // The weekly meeting first, from the unit's page.
    await page.getByRole('link', { name: 'Veckomöte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Veckomöte · Marknad' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('meeting-position').textContent()).toBe('2 av 3');
    await page.goBack();

    // Then the quarterly review, beside it.
    await page.getByRole('link', { name: 'Kvartalsgenomgång' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kvartalsgenomgång · Marknad' }).waitFor();
    const quarter = await currentQuarter(page, harness.orgId);
    const slide = page.getByRole('heading', { level: 2 });
    const position = page.getByTestId('review-position');
    await expect.poll(() => slide.textContent()).toBe(`${quarter.name} · Marknad`);
    expect(await page.getByTestId('review-scores').textContent()).toMatch(/^Betyg hittills/);
    await page.getByTestId('review-summary').getByText('2 mål').waitFor();
    await expectNoSeriousViolations(page, 'quarterly review');

    // → the team's objective, N Sara's: each with its score so far, band and key results.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slide.textContent()).toBe(TEAM_OBJECTIVE);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('review-slide-1');
    await page.keyboard.press('n');
    await expect.poll(() => slide.textContent()).toBe(SARA_OBJECTIVE);
    const current = page.locator('[data-testid="review-slide"][data-current="true"]');
    await current.getByText('Betyg hittills').first().waitFor();
    await expect.poll(() => current.getByTestId('score-badge').first().textContent()).toMatch(/^\d(,\d)? · /);
    await current.getByRole('cell', { name: 'E-post genererar 100 anmälningar' }).waitFor();

    // Then the team's reflection, what was carried over and alignment health: the last.
    for (const heading of ['Teamets reflektion', 'Överfört', 'Hur väl målen hänger ihop']) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slide.textContent()).toBe(heading);
    }
    await expect.poll(() => position.textContent()).toBe('6 av 6');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe('6 av 6');
    await current
      .getByTestId('review-alignment')
      .getByText(/1 av 1 teammål stöder organisationens/)
      .waitFor();

    // P goes back; a reload keeps the place.
    await page.keyboard.press('p');
    await expect.poll(() => slide.textContent()).toBe('Överfört');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('Överfört');

    // The organisation's review, from the dashboard: the units at the end.
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Översikt' }).click();
    await page.getByRole('link', { name: 'Kvartalsgenomgång' }).click();
    await page.getByRole('heading', { level: 1, name: /^Kvartalsgenomgång · / }).waitFor();
    await expect.poll(() => position.textContent()).toMatch(/^1 av \d+$/);
    const total = Number(/av (\d+)$/.exec((await position.textContent()) ?? '')?.[1]);
    for (let i = 1; i < total; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slide.textContent()).toBe('Enheterna');
    await page.getByTestId('review-units').getByRole('cell', { name: 'Marknad' }).waitFor();
    await expectNoSeriousViolations(page, 'quarterly review: the units');
  });

  it('in English, the closed quarter’s review prints a landscape page per slide', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    const quarter = await currentQuarter(page, harness.orgId);
    const unitId = await marketingId(page, harness.orgId);
    const headers = await csrfHeaders(page);
    const closed = await page.request.post(`/api/v1/cycles/${quarter.id}/close`, {
      headers: { ...headers, 'if-match': `"${quarter.version}"` },
    });
    expect(closed.status(), await closed.text()).toBe(200);
    // Sara's reflection, as she would write it on her objective's page (closing.test.ts).
    const found = await page.request.get(
      `/api/v1/orgs/${harness.orgId}/objectives?cycleId=${quarter.id}&q=${encodeURIComponent(SARA_OBJECTIVE)}`,
    );
    const [saras] = ((await found.json()) as { items: { id: string; version: number }[] }).items;
    const reflected = await page.request.put(`/api/v1/objectives/${saras?.id}/scoring`, {
      headers: { ...headers, 'if-match': `"${saras?.version}"` },
      data: { reflection: { wentWell: 'Mallen', learned: LEARNED, changeNext: 'Börja tidigare' } },
    });
    expect(reflected.status(), await reflected.text()).toBe(200);

    await page.goto(`/orgs/${harness.orgId}/units/${unitId}/review?cycle=${quarter.id}`);
    await page.getByRole('heading', { level: 1, name: 'Kvartalsgenomgång · Marknad' }).waitFor();
    await switchToEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'Quarterly review · Marknad' }).waitFor();
    expect(await page.getByTestId('review-scores').textContent()).toBe('Final scores: the cycle is closed.');
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('review-position').textContent()).toBe('2 of 6');
    await page.getByText('Final score').first().waitFor();
    await page.keyboard.press('ArrowRight');
    const current = page.locator('[data-testid="review-slide"][data-current="true"]');
    await current.getByRole('heading', { level: 2, name: SARA_OBJECTIVE }).waitFor();
    await current.getByText(LEARNED).waitFor();
    await current.getByText('What we learned').waitFor();

    const slides = await page.getByTestId('review-slide').count();
    expect(slides).toBe(6);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    expect(pdfPages(pdf)).toBe(slides);
    // Landscape: the first page's box is wider than it is tall (A4: 842 × 595 points).
    const [, width, height] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1')) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
    const outline = pdfOutline(pdf);
    expect(outline).toContain(TEAM_OBJECTIVE);
    expect(outline).toContain(SARA_OBJECTIVE);
    expect(outline).toContain('Alignment health');
  });
});
