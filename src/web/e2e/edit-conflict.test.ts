// Editing in two tabs: the second save is refused because the first came in meanwhile, but
// nothing typed is lost. The form keeps it, shows where the newer version differs, and
// the next save (now on top of the newer version) goes through.
import { expect, it } from 'vitest';
import { signIn } from './harness.ts';
import { browserSuite } from './journey.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

browserSuite('editing in two tabs', (journey) => {
  it('keeps what Sara typed in the second tab beside the version the first tab saved', async () => {
    const first = journey.page;
    // The refused save is the point of the test.
    journey.errors.allow(/status of 412 \(Precondition Failed\)/);
    await signIn(first, 'sara@example.com');
    await first.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await first.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    await first.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    await first.getByRole('link', { name: 'Redigera', exact: true }).click();
    await first.getByRole('heading', { level: 1, name: 'Redigera mål' }).waitFor();

    const second = await journey.openPage();
    await signIn(second, 'sara@example.com');
    await second.goto(first.url());
    await second.getByRole('heading', { level: 1, name: 'Redigera mål' }).waitFor();

    // The first tab saves a new title.
    await first.getByRole('textbox', { name: /^Mål/ }).fill('Fler på våra interna event');
    await first.getByRole('button', { name: 'Spara ändringar' }).click();
    await first.getByRole('heading', { level: 1, name: 'Fler på våra interna event' }).waitFor();

    // The second tab, still on the old version, changes the title and the description.
    const title = second.getByRole('textbox', { name: /^Mål/ });
    const description = second.getByRole('textbox', { name: /^Beskrivning/ });
    await title.fill('Dubbelt så många på interna event');
    await description.fill('Min egen motivering, skriven länge.');
    await second.getByRole('button', { name: 'Spara ändringar' }).click();
    const notice = second.getByTestId('conflict-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Någon annan sparade en nyare version medan du redigerade');
    expect(await notice.textContent()).toContain('Deras version: Mål');
    expect(await notice.textContent()).toContain('Fler på våra interna event');
    // Nothing typed is lost.
    expect(await title.inputValue()).toBe('Dubbelt så många på interna event');
    expect(await description.inputValue()).toBe('Min egen motivering, skriven länge.');

    // Saving again keeps Sara's merge.
    await second.getByRole('button', { name: 'Spara ändringar' }).click();
    await second.getByRole('heading', { level: 1, name: 'Dubbelt så många på interna event' }).waitFor();
    await expect.poll(() => second.getByText('Min egen motivering, skriven länge.').count()).toBeGreaterThan(0);
  });
});
