// The alignment map: the owner sees the organisation's objectives and the team objectives
// that support them, selects one to see its path, filters by unit, reads the list view.
import { expect, it } from 'vitest';
import { expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

const ORG_OBJECTIVE = 'Bli förstahandsvalet för energismart belysning i Norden';
const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

browserSuite('alignment map', (journey) => {
  it('shows who supports whom, highlights a path, filters by unit and offers a list', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Målkarta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målkarta' }).waitFor();

    const map = page.getByTestId('alignment-map');
    const node = (title: string) => map.getByRole('group', { name: new RegExp(`^${escape(title)},`) });
    await node(ORG_OBJECTIVE).waitFor();
    await node(TEAM_OBJECTIVE).waitFor();
    // The node shows owner, progress as text and status.
    const text = await node(TEAM_OBJECTIVE).textContent();
    expect(text).toMatch(/Team · Marknad/);
    expect(text).toMatch(/\d+\s?%/);
    expect(text).toMatch(/I fas|I riskzonen|Efter plan/);

    // Select the team objective with the keyboard: its path up (the organisation objective)
    // and down (Sara's objective) is highlighted, the rest dimmed.
    await node(TEAM_OBJECTIVE).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => node(TEAM_OBJECTIVE).getByTestId('map-node').getAttribute('data-selected')).toBe('true');
    await expect.poll(() => node(ORG_OBJECTIVE).getByTestId('map-node').getAttribute('data-state')).toBe('path');
    await expect.poll(() => node(SARA_OBJECTIVE).getByTestId('map-node').getAttribute('data-state')).toBe('path');
    await expect.poll(() => map.locator('[data-state="dim"]').count()).toBeGreaterThan(0);
    const selection = page.getByTestId('map-selection');
    await selection.getByText(`Valt: ${TEAM_OBJECTIVE}`).waitFor();
    await expect
      .poll(() => selection.getByRole('link', { name: 'Öppna målet' }).getAttribute('href'))
      .toMatch(/\/objectives\/[0-9a-f-]+/);

    // A click selects too.
    await node(ORG_OBJECTIVE).click();
    await selection.getByText(`Valt: ${ORG_OBJECTIVE}`).waitFor();

    await expectNoSeriousViolations(page, 'Alignment map');

    // Filter by a unit: only Marknad's objectives (and the people supporting them) remain.
    await pickOption(page, field(page, 'Enhet'), 'Marknad');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toMatch(/[0-9a-f-]{36}/);
    await node(TEAM_OBJECTIVE).waitFor();
    await expect.poll(() => node(ORG_OBJECTIVE).count()).toBe(0);

    // The list view of the same graph.
    await page.getByRole('button', { name: 'Visa som lista' }).click();
    const list = page.getByRole('table', { name: 'Målen och vad de stöder' });
    await list.waitFor();
    await list.getByRole('rowheader', { name: TEAM_OBJECTIVE }).waitFor();
    await list.getByRole('rowheader', { name: SARA_OBJECTIVE }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Dölj listan' }).getAttribute('aria-expanded'))
      .toBe('true');
  });
});
