// A new organisation's first steps: Anna starts an organisation of her own, its home page
// guides her (vision and strategy, units, objectives, people), ticks the step she takes,
// reads in English too, and hides the guide for good. The demo organisation, which has
// all of it, shows no guide.
import { expect, it } from 'vitest';
import { csrfHeaders, expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

browserSuite('first-run guide', (journey) => {
  it('guides a new organisation’s admin through its first steps until she hides it', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');
    await page.getByTestId('objective-card').first().waitFor();
    expect(await page.getByTestId('first-run-guide').count()).toBe(0);

    const started = await page.request.post('/api/v1/orgs', {
      headers: await csrfHeaders(page),
      data: { name: 'Nystart AB', slug: `nystart-${Date.now()}` },
    });
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    await page.goto(`/orgs/${id}`);
    const guide = page.getByRole('region', { name: 'Kom igång med Riktning' });
    await guide.waitFor();
    expect(await guide.textContent()).toContain('0 av 4 klara');
    for (const step of ['vision', 'units', 'objectives', 'invite'])
      expect(await guide.getByTestId(`guide-step-${step}`).getAttribute('data-done')).toBe('false');
    // Without periods, the objectives step says to add them first.
    expect(await guide.getByTestId('guide-step-objectives').textContent()).toContain(
      'Lägg först till ett år med kvartal',
    );

    // The first step: vision and strategy, in the organisation's profile.
    await guide.getByRole('link', { name: 'Öppna organisationsprofilen' }).click();
    await page.getByRole('textbox', { name: /^Vision/ }).fill('Varje kund får svar samma dag.');
    await page.getByRole('textbox', { name: /^Strategi/ }).fill('- Först i Norden\n- Självbetjäning');
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    await page.getByText('Profilen sparades.').waitFor();
    await page.goto(`/orgs/${id}`);
    await guide.waitFor();
    await expect.poll(() => guide.textContent()).toContain('1 av 4 klara');
    expect(await guide.getByTestId('guide-step-vision').getAttribute('data-done')).toBe('true');
    await expectNoSeriousViolations(page, 'first-run guide');

    // In English, and hidden for good.
    await switchToEnglish(page);
    const english = page.getByRole('region', { name: 'Get started with Riktning' });
    await english.waitFor();
    expect(await english.textContent()).toContain('1 of 4 done');
    await english.getByRole('button', { name: 'Hide the guide' }).click();
    await english.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Nystart AB' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('first-run-guide').count()).toBe(0);
  });
});
