// `npm run screenshots`: the README's pictures, taken from the real app over the demo
// organisation (built web app in dist/web: run `npm run build` first). Signs in as the
// demo owner in Swedish at 1280×800 and saves docs/screenshots/home.png (the organisation
// home), docs/screenshots/objective.png (Sara's objective, the method's worked example),
// docs/screenshots/dashboard.png (the organisation's dashboard) and, signed in as Sara,
// docs/screenshots/week.png (her "My week" with the key results due for a check-in).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserAvailable, CHROMIUM_PATH, newPage, signIn, startHarness } from '../src/web/e2e/harness.ts';

const OUT = path.resolve('docs/screenshots');
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

async function main(): Promise<void> {
  if (!browserAvailable()) throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium package.`);
  await mkdir(OUT, { recursive: true });
  const harness = await startHarness();
  try {
    const { context, page } = await newPage(harness, { locale: 'sv-SE', width: 1280, height: 800 });
    await signIn(page, 'demo@example.com');

    await page.goto(`/orgs/${harness.orgId}`);
    await page.getByTestId('objective-card').first().waitFor();
    await page.getByRole('heading', { name: 'Strategi' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(OUT, 'home.png') });

    await page.getByRole('navigation').getByRole('link', { name: 'Mina OKR' }).waitFor();
    const found = (await (
      await page.request.get(`/api/v1/orgs/${harness.orgId}/objectives?q=${encodeURIComponent(SARA_OBJECTIVE)}`)
    ).json()) as { items: { id: string; title: string }[] };
    const objective = found.items.find((o) => o.title === SARA_OBJECTIVE);
    if (!objective) throw new Error('The demo organisation lacks Sara’s objective.');
    await page.goto(`/orgs/${harness.orgId}/objectives/${objective.id}`);
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    await page.getByTestId('history-chart').locator('svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Let the charts finish drawing.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'objective.png') });

    await page.goto(`/orgs/${harness.orgId}/dashboard`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'dashboard.png') });
    await context.close();

    const sara = await newPage(harness, { locale: 'sv-SE', width: 1280, height: 800 });
    await signIn(sara.page, 'sara@example.com');
    await sara.page.goto(`/orgs/${harness.orgId}/week`);
    await sara.page.getByRole('heading', { level: 1 }).waitFor();
    await sara.page.waitForLoadState('networkidle');
    await sara.page.screenshot({ path: path.join(OUT, 'week.png') });
    await sara.context.close();
    console.log(`Saved home.png, objective.png, dashboard.png and week.png in ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
