// Conversation: Sara comments on her objective and mentions Elin by picking her from the
// suggestions with the keyboard; what she wrote renders inert (no script, no javascript:
// link); the objective's feed tells of the comment; and an admin reads the mention in the
// outbox page, for Elin, in Swedish, with a link to the comment. An admin then finds the comment in the
// audit log, filtered by the URL.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { outboxMessages } from '../../db/schema.ts';
import { csrfHeaders, expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

browserSuite('conversation journey', (journey) => {
  it('Sara mentions Elin in a comment, the text renders safely, and the mail waits in the outbox for Elin', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('link', { name: 'Mina OKR' }).first().click();
    await page.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();

    const conversation = page.getByTestId('conversation');
    const composer = conversation.getByLabel('Skriv en kommentar');
    await composer.click();
    await page.keyboard.type('Tack för hjälpen med utskicket, @Eli');
    const suggestions = page.getByRole('listbox', { name: 'Personer att nämna' });
    await suggestions.getByRole('option', { name: /Elin Sandberg/ }).waitFor();
    await expect.poll(() => composer.getAttribute('aria-activedescendant')).toBeTruthy();
    await page.keyboard.press('Enter');
    await suggestions.waitFor({ state: 'hidden' });
    await expect.poll(() => composer.inputValue()).toBe('Tack för hjälpen med utskicket, @Elin Sandberg ');
    // The caret is after the picked name before the next key press (the app moves it).
    await expect
      .poll(() => composer.evaluate((el: HTMLTextAreaElement) => el === document.activeElement && el.selectionStart))
      .toBe('Tack för hjälpen med utskicket, @Elin Sandberg '.length);
    await page.keyboard.type('! <script>window.__pwned = 1</script> [klicka](javascript:window.__pwned=2)');
    await conversation.getByRole('button', { name: 'Kommentera' }).click();

    const comment = conversation.getByTestId('comment').last();
    // Text only the new comment has (the one before it is the last until the list reloads).
    await comment.getByText('Tack för hjälpen med utskicket', { exact: false }).waitFor();
    await comment.getByText('Elin Sandberg').waitFor();
    // The mention is a chip; the script tag was skipped, and the javascript: link lost its target.
    await expect.poll(() => comment.locator('[data-mention]').textContent()).toBe('@Elin Sandberg');
    expect(await comment.locator('script').count()).toBe(0);
    expect(await comment.locator('a[href^="javascript"]').count()).toBe(0);
    await comment.getByText('klicka').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect.poll(() => composer.inputValue()).toBe('');

    // The objective's feed tells of it.
    await page
      .getByTestId('activity-feed')
      .getByText(`Sara Lindqvist kommenterade ”${SARA_OBJECTIVE}”`)
      .first()
      .waitFor();

    await expectNoSeriousViolations(page, 'objective conversation');

    // An admin finds the message for Elin in the outbox (admin → Utkorg), in Swedish, with
    // a link to the comment; there is exactly one (no mail server in the journey: it waits).
    const admin = await journey.openPage();
    await signIn(admin, 'demo@example.com');
    await admin.goto(`/orgs/${harness.orgId}/admin/outbox?kind=mention`);
    await admin.getByRole('tab', { name: 'Utkorg', selected: true }).waitFor();
    const subject = `Sara Lindqvist nämnde dig på ”${SARA_OBJECTIVE}”`;
    const row = admin.getByTestId('outbox-table').getByRole('row').filter({ hasText: 'elin.sandberg@example.com' });
    await row.getByRole('button', { name: `Läs ”${subject}”` }).click();
    const message = admin.getByRole('dialog', { name: subject });
    await message.getByText('Tack för hjälpen med utskicket, @Elin Sandberg !', { exact: false }).waitFor();
    await expect
      .poll(() => message.textContent())
      .toMatch(/Svara i Riktning: http:\/\/\S+\/objectives\/[0-9a-f-]+#comment-[0-9a-f-]+/);
    const elin = await harness.handle.db.query.accounts.findFirst({
      where: (a, { eq: is }) => is(a.email, 'elin.sandberg@example.com'),
    });
    const stored = await harness.handle.db
      .select({ kind: outboxMessages.kind, locale: outboxMessages.locale })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientId, elin?.id ?? ''));
    expect(stored).toEqual([{ kind: 'mention', locale: 'sv' }]);
  });

  it('Sara discusses one key result from its card: the conversation filters to it and the comment is about it', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('link', { name: 'Mina OKR' }).first().click();
    await page.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    const card = page.getByTestId('key-result').filter({ hasText: 'E-post genererar 100 anmälningar' });
    await card.getByRole('button', { name: 'Kommentarer om nyckelresultatet' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('about')).toBeTruthy();
    const conversation = page.getByTestId('conversation');
    await conversation.getByText('Inga kommentarer om det här nyckelresultatet än.').waitFor();
    await conversation.getByLabel('Skriv en kommentar').fill('Mallen ligger nu i teamets mapp.');
    await conversation.getByRole('button', { name: 'Kommentera' }).click();
    const comment = conversation.getByTestId('comment').last();
    await comment.getByText('Om: E-post genererar 100 anmälningar').waitFor();
    await comment.getByText('Mallen ligger nu i teamets mapp.').waitFor();
  });

  it('Sara edits her comment with the keyboard, sees "(redigerad)", then removes it after confirming', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('link', { name: 'Mina OKR' }).first().click();
    await page.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    const conversation = page.getByTestId('conversation');
    await conversation.getByLabel('Skriv en kommentar').fill('Vi når 80 anmälningar i veckan.');
    await conversation.getByRole('button', { name: 'Kommentera' }).click();
    const comment = conversation.getByTestId('comment').filter({ hasText: 'Vi når 80 anmälningar' });
    await comment.waitFor();

    await comment.getByRole('button', { name: 'Redigera: kommentar av Sara Lindqvist' }).focus();
    await page.keyboard.press('Enter');
    const editor = comment.getByLabel('Redigera din kommentar');
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Vi når 90 anmälningar i veckan.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const edited = conversation.getByTestId('comment').filter({ hasText: 'Vi når 90 anmälningar' });
    await edited.getByText('(redigerad)').waitFor();
    await expectNoSeriousViolations(page, 'edited comment');

    await edited.getByRole('button', { name: 'Ta bort: kommentar av Sara Lindqvist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort kommentaren?' });
    await dialog.getByRole('button', { name: 'Ta bort kommentaren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await conversation.getByText('Kommentaren har tagits bort').waitFor();
    await expect.poll(() => conversation.getByText('Vi når 90 anmälningar').count()).toBe(0);
  });

  it('an admin finds the comment in the audit log, filters in the URL, with a CSV export of the same', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    // A comment of its own, so this test does not lean on the one before.
    const objective = await harness.handle.db.query.objectives.findFirst({
      where: (o, { eq: is }) => is(o.title, SARA_OBJECTIVE),
    });
    const posted = await page.request.post(`/api/v1/objectives/${objective?.id}/comments`, {
      headers: await csrfHeaders(page),
      data: { body: 'Granskas i loggen' },
    });
    expect(posted.status()).toBe(201);
    await page.goto(`/orgs/${harness.orgId}/admin/audit?action=comment.create`);
    await page.getByRole('tab', { name: 'Granskningslogg', selected: true }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.getByText('comment.create').first().waitFor();
    await expect.poll(() => page.getByLabel('Händelse').inputValue()).toBe('comment.create');
    await expectNoSeriousViolations(page, 'audit log');
    const exportLink = page.getByRole('link', { name: 'Exportera CSV' });
    await expect
      .poll(() => exportLink.getAttribute('href'))
      .toBe(`/api/v1/orgs/${harness.orgId}/audit-events.csv?action=comment.create`);
    const href = await exportLink.getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href ?? '');
    // (The browser's decoder drops the byte order mark.)
    expect(csv.split('\r\n')[0]).toBe(
      'Id,Tid,Aktörens id,Aktör,Händelse,Objekttyp,Objektets id,Målets id,Enhetens id,Före,Efter',
    );
  });
});
