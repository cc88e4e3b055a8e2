// Sara changes her password in My settings while signed in on another computer too: a
// password built on her organisation's name is refused under the field, a strong one is
// taken, the page says one other session ended, and that other session is signed out.
import { expect, it } from 'vitest';
import { expectNoSeriousViolations, signIn, signInDirectly } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const NEW_PASSWORD = 'ljus över fjärden i maj';

browserSuite('password change', (journey) => {
  it('a person changes her password; her other session ends and the new password signs in', async () => {
    const { page } = journey;
    // The weak password's refusal, which the browser logs.
    journey.errors.allow(/status of 422 \(Unprocessable Entity\) \(.*\/api\/v1\/me\/password\)/);
    const laptop = await journey.openPage();
    await signInDirectly(laptop, 'sara@example.com');
    // Through each context's own cookies, as its pages would ask.
    const meFrom = async (where: typeof page) => (await where.request.get('/api/v1/me')).status();
    expect(await meFrom(laptop)).toBe(200);

    await signIn(page, 'sara@example.com');
    await page.getByRole('button', { name: 'Kontomeny' }).click();
    await page.getByRole('menuitem', { name: 'Mina inställningar' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lösenord' }).waitFor();
    await expectNoSeriousViolations(page, 'settings with password');

    await field(page, 'Nuvarande lösenord').fill('riktning-demo');
    await field(page, 'Nytt lösenord').fill('Nordljus AB 2026');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText(/^Bygger på ditt namn, din e-postadress eller organisationen/).waitFor();
    expect(await meFrom(laptop)).toBe(200);

    await field(page, 'Nytt lösenord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Ditt lösenord är bytt. Du loggades ut från 1 annan session.' })
      .waitFor();
    expect(await meFrom(laptop)).toBe(401);
    expect(await meFrom(page)).toBe(200);

    const later = await journey.openPage();
    await signIn(later, 'sara@example.com', NEW_PASSWORD);
  });
});
