// The alignment map: the owner sees the organisation's objectives and the team objectives
// that support them, Sara's link ending at the team's key result it supports, selects one to
// see its path, filters by unit, reads the list view; with strategy themes, the map groups
// the organisation's objectives by theme.
import { mkdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

const ORG_OBJECTIVE = 'Bli förstahandsvalet för energismart belysning i Norden';
const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const TEAM_KEY_RESULT = '300 deltagare på interna event';
const EASY_OBJECTIVE = 'Göra det enkelt att vara kund hos oss';
const ENERGY_OBJECTIVE = 'Visa att våra kunder sparar energi på riktigt';
const PILOT_OBJECTIVE = 'Testa månadsabonnemang på belysning med tio kunder';
const DELIVERY_OBJECTIVE = 'Leverera varje installation inom två veckor';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A large map's answer: 12 organisation objectives, 300 team objectives and people's beneath. */
function largeMap(cycleId: string, total: number) {
  const id = (kind: number, n: number) =>
    `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
  const units = Array.from({ length: 100 }, (_, u) => ({ id: id(1, u), parentId: null, name: `Team ${u}` }));
  const statuses = ['on_track', 'at_risk', 'off_track'] as const;
  const objectives = Array.from({ length: total }, (_, n) => {
    const level = n < 12 ? 'organization' : n < 312 ? 'unit' : 'person';
    const unitId = level === 'unit' ? id(1, n % 100) : null;
    const supports = level === 'unit' ? [id(2, n % 12)] : level === 'person' ? [id(2, 12 + (n % 300))] : [];
    return {
      id: id(2, n),
      title: `Objective ${n}`,
      level,
      unitId,
      personId: level === 'person' ? id(3, n) : null,
      ownerName: unitId ? `Team ${n % 100}` : level === 'person' ? `Person ${n}` : 'Nordljus AB',
      status: statuses[n % 3],
      progress: (n % 10) / 10,
      supports,
    };
  });
  return { cycleId, parentCycleId: null, objectives, units };
}

/** Calls the API as the signed-in owner: the answer's JSON, or the test fails with its status. */
async function api<T>(page: Page, method: 'get' | 'post' | 'patch', path: string, data?: object, etag?: string) {
  const response = await page.request[method](`/api/v1${path}`, {
    headers: { ...(await csrfHeaders(page)), ...(etag ? { 'if-match': etag } : {}) },
    ...(data ? { data } : {}),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return { body: (await response.json()) as T, etag: response.headers().etag };
}

interface Listed {
  id: string;
  title: string;
  cycleId: string;
  unitId: string | null;
}

/**
 * Strategy themes of the test's own in place of the demo's four: "Växa med tjänster" served
 * by the growth objective (which serves "Nära kunden" too), "Nära kunden" by the customer
 * objective and by a new team objective of Marknad that supports no organisation objective;
 * the others serve none.
 */
async function addThemes(page: Page, orgId: string) {
  const { body: demoThemes } = await api<{ id: string; version: number }[]>(page, 'get', `/orgs/${orgId}/themes`);
  for (const demoTheme of demoThemes) {
    const removed = await page.request.delete(`/api/v1/themes/${demoTheme.id}`, {
      headers: { ...(await csrfHeaders(page)), 'if-match': `"${demoTheme.version}"` },
    });
    expect(removed.status()).toBe(204);
  }
  const theme = async (name: string) =>
    (await api<{ id: string }>(page, 'post', `/orgs/${orgId}/themes`, { name, description: '' })).body;
  const growth = await theme('Växa med tjänster');
  const customers = await theme('Nära kunden');
  const find = async (title: string) => {
    const { body } = await api<{ items: Listed[] }>(
      page,
      'get',
      `/orgs/${orgId}/objectives?q=${encodeURIComponent(title)}&limit=10`,
    );
    const found = body.items.find((o) => o.title === title);
    if (!found) throw new Error(`The demo has no objective “${title}”.`);
    return found;
  };
  const serve = async (title: string, themeIds: string[]) => {
    const { id } = await find(title);
    const { etag } = await api(page, 'get', `/objectives/${id}`);
    await api(page, 'patch', `/objectives/${id}`, { themeIds }, etag);
  };
  await serve(ORG_OBJECTIVE, [growth.id, customers.id]);
  await serve(EASY_OBJECTIVE, [customers.id]);
  const team = await find(TEAM_OBJECTIVE);
  await api(page, 'post', `/orgs/${orgId}/objectives`, {
    cycleId: team.cycleId,
    level: 'unit',
    unitId: team.unitId,
    title: PILOT_OBJECTIVE,
    themeIds: [customers.id],
  });
}

browserSuite('alignment map', (journey) => {
  it('shows who supports whom, highlights a path, filters by unit and offers a list', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');
    // The map comes in one request (GET /orgs/{orgId}/map), not by paging through lists.
    const mapRequests: string[] = [];
    const listRequests: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (/\/api\/v1\/orgs\/[^/]+\/map\?/.test(url)) mapRequests.push(url);
      if (/\/api\/v1\/orgs\/[^/]+\/(objectives|units)(\?|$)/.test(url)) listRequests.push(url);
    });
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Målkarta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målkarta' }).waitFor();

    const map = page.getByTestId('alignment-map');
    const node = (title: string) => map.getByRole('group', { name: new RegExp(`^${escape(title)},`) });
    await node(ORG_OBJECTIVE).waitFor();
    await node(TEAM_OBJECTIVE).waitFor();
    expect(mapRequests).toHaveLength(1);
    expect(listRequests).toEqual([]);
    // The node shows owner, progress as text and status.
    const text = await node(TEAM_OBJECTIVE).textContent();
    expect(text).toMatch(/Team · Marknad/);
    expect(text).toMatch(/\d+\s?%/);
    expect(text).toMatch(/I fas|I riskzonen|Efter plan/);

    // Sara's objective supports the team's key result "300 deltagare på interna event": the key
    // result is a row inside the team's node, and her link ends at that row, not at the node.
    const teamNode = node(TEAM_OBJECTIVE);
    expect(await teamNode.getAttribute('aria-label')).toContain(`nyckelresultat som stöds: ${TEAM_KEY_RESULT}`);
    const row = teamNode.getByTestId('map-key-result').filter({ hasText: TEAM_KEY_RESULT });
    await row.waitFor();
    await teamNode.getByText('Nyckelresultat som stöds').waitFor();
    const link = map.getByRole('img', {
      name: `${SARA_OBJECTIVE} stöder nyckelresultatet ”${TEAM_KEY_RESULT}” i ${TEAM_OBJECTIVE}`,
    });
    await link.waitFor();
    expect(await map.getByRole('img', { name: `${SARA_OBJECTIVE} stöder ${TEAM_OBJECTIVE}` }).count()).toBe(0);
    // The link is drawn from the row's side (its arrow points into the row) down to Sara's node.
    const end = await link.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
      const start = path.getPointAtLength(0);
      const m = path.getScreenCTM();
      return m ? { x: start.x * m.a + start.y * m.c + m.e, y: start.x * m.b + start.y * m.d + m.f } : null;
    });
    const rowBox = await row.boundingBox();
    const nodeBox = await teamNode.boundingBox();
    if (!end || !rowBox || !nodeBox) throw new Error('The link or the row is not drawn.');
    expect(end.y).toBeGreaterThan(rowBox.y);
    expect(end.y).toBeLessThan(rowBox.y + rowBox.height);
    const fromSide = Math.min(Math.abs(end.x - nodeBox.x), Math.abs(end.x - (nodeBox.x + nodeBox.width)));
    expect(fromSide).toBeLessThan(8);
    await page
      .getByTestId('map-counts')
      .getByText(/slutar vid ett nyckelresultat/)
      .waitFor();

    // Select the team objective with the keyboard: its path up (the organisation objective)
    // and down (Sara's objective) is highlighted, the rest dimmed.
    await node(TEAM_OBJECTIVE).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => node(TEAM_OBJECTIVE).getByTestId('map-node').getAttribute('data-selected')).toBe('true');
    await expect.poll(() => node(ORG_OBJECTIVE).getByTestId('map-node').getAttribute('data-state')).toBe('path');
    await expect.poll(() => node(SARA_OBJECTIVE).getByTestId('map-node').getAttribute('data-state')).toBe('path');
    await expect.poll(() => map.locator('[data-state="dim"]').count()).toBeGreaterThan(0);
    // Sara's link is on the path, and so the row it ends at.
    await expect.poll(() => row.getAttribute('data-on-path')).toBe('true');
    await mkdir('dist/screenshots', { recursive: true });
    await page.getByTestId('alignment-map').screenshot({ path: 'dist/screenshots/map-key-result.png' });
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
    expect(await list.getByRole('row', { name: new RegExp(`^${escape(SARA_OBJECTIVE)}`) }).textContent()).toContain(
      `${TEAM_OBJECTIVE}: nyckelresultatet ”${TEAM_KEY_RESULT}”`,
    );
    await expect
      .poll(() => page.getByRole('button', { name: 'Dölj listan' }).getAttribute('aria-expanded'))
      .toBe('true');
    // Filters, selection and the list work on the one answer.
    expect(mapRequests).toHaveLength(1);
  });

  it('paints a large map, turns boxes into nodes when zoomed in, and selects with a click', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');
    await page.route(/\/api\/v1\/orgs\/[^/]+\/map\?/, async (route) => {
      const cycleId = new URL(route.request().url()).searchParams.get('cycleId') ?? '';
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(largeMap(cycleId, 3000)) });
    });
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Målkarta' }).click();
    const map = page.locator('[data-testid="alignment-map"][data-painted="true"][data-drawn="true"]');
    await map.waitFor();
    await page
      .getByTestId('map-counts')
      .getByText(/^3\u00a0000 mål/) // as Swedish writes numbers (Intl)
      .waitFor();
    // Painted: no node elements, a legend of the colours.
    expect(await map.getByTestId('map-node').count()).toBe(0);
    await map.getByText('I fas').waitFor();

    // A click on a box selects its objective.
    const box = await map.boundingBox();
    if (!box) throw new Error('The map has no box.');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.6);
    await page
      .getByTestId('map-selection')
      .getByText(/^Valt: Objective \d+$/)
      .waitFor();

    // Zoomed in, the objectives in view are nodes again.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -400);
    await expect.poll(() => map.getByTestId('map-node').count()).toBeGreaterThan(0);
    expect(await map.getByTestId('map-node').count()).toBeLessThanOrEqual(300);

    // The list shows the graph 500 rows at a time.
    await page.getByRole('button', { name: 'Visa som lista' }).click();
    const list = page.getByRole('table', { name: 'Målen och vad de stöder' });
    await list.waitFor();
    await expect.poll(() => list.getByRole('row').count()).toBe(501);
    await page.getByRole('button', { name: /^Visa fler/ }).click();
    await expect.poll(() => list.getByRole('row').count()).toBe(1001);
  });

  it('groups the organisation’s objectives by strategy theme, and not when turned off', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await addThemes(page, harness.orgId);
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Målkarta' }).click();
    const map = page.locator('[data-testid="alignment-map"][data-drawn="true"]');
    await map.waitFor();
    const node = (title: string) => map.getByRole('group', { name: new RegExp(`^${escape(title)},`) });
    await node(PILOT_OBJECTIVE).waitFor();

    // A band per theme in the themes' order, then the objectives of no theme, each labelled.
    const labels = map.getByTestId('map-theme-label');
    await expect.poll(() => labels.allTextContents()).toEqual(['Växa med tjänster', 'Nära kunden', 'Utan tema']);
    const left = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())?.x ?? NaN;
    const [growthBand, customersBand, noThemeBand] = await Promise.all([0, 1, 2].map((i) => left(labels.nth(i))));
    const bandOf = async (title: string) => {
      const x = await left(node(title));
      return x < (customersBand ?? NaN) ? 'growth' : x < (noThemeBand ?? NaN) ? 'customers' : 'none';
    };
    expect(growthBand).toBeLessThan(customersBand ?? NaN);
    // The growth objective serves both themes: under its first, once, "Nära kunden" beside its status.
    expect(await bandOf(ORG_OBJECTIVE)).toBe('growth');
    await expect.poll(() => node(ORG_OBJECTIVE).count()).toBe(1);
    expect(await node(ORG_OBJECTIVE).getByTestId('map-node-theme').allTextContents()).toEqual(['Nära kunden']);
    expect(await node(ORG_OBJECTIVE).getAttribute('aria-label')).toContain('teman: Växa med tjänster, Nära kunden');
    // Its team objective follows it; the team objective that supports no organisation objective
    // sits in its theme's band, on the row of the team objectives that support the organisation's.
    expect(await bandOf(TEAM_OBJECTIVE)).toBe('growth');
    expect(await bandOf(EASY_OBJECTIVE)).toBe('customers');
    expect(await bandOf(DELIVERY_OBJECTIVE)).toBe('customers');
    expect(await bandOf(PILOT_OBJECTIVE)).toBe('customers');
    const top = async (title: string) => (await node(title).boundingBox())?.y ?? NaN;
    expect(await top(PILOT_OBJECTIVE)).toBeGreaterThan(await top(EASY_OBJECTIVE));
    expect(await top(PILOT_OBJECTIVE)).toBeCloseTo(await top(DELIVERY_OBJECTIVE), 0);
    expect(await bandOf(ENERGY_OBJECTIVE)).toBe('none');
    await mkdir('dist/screenshots', { recursive: true });
    await page.getByTestId('alignment-map').screenshot({ path: 'dist/screenshots/map-themes.png' });
    await expectNoSeriousViolations(page, 'Alignment map by theme');
    // The list names the themes each objective serves.
    await page.getByRole('button', { name: 'Visa som lista' }).click();
    const list = page.getByRole('table', { name: 'Målen och vad de stöder' });
    expect(await list.getByRole('columnheader').allTextContents()).toContain('Teman');
    expect(await list.getByRole('row', { name: new RegExp(`^${escape(ORG_OBJECTIVE)}`) }).textContent()).toContain(
      'Växa med tjänster, Nära kunden',
    );

    // Turned off, the map is as before: no bands, every theme an objective serves beside its status.
    const toggle = page.getByRole('switch', { name: 'Gruppera efter tema' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('themes')).toBe('off');
    await expect.poll(() => labels.count()).toBe(0);
    await expect
      .poll(() => node(ORG_OBJECTIVE).getByTestId('map-node-theme').allTextContents())
      .toEqual(['Växa med tjänster', 'Nära kunden']);
    // Kept in the address, as the other settings.
    await page.reload();
    await node(ORG_OBJECTIVE).waitFor();
    expect(await page.getByRole('switch', { name: 'Gruppera efter tema' }).isChecked()).toBe(false);
    expect(await labels.count()).toBe(0);
  });
});
