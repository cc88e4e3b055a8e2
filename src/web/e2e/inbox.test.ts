// The bell: someone mentions a person in a comment; the person sees the bell's unread
// badge, opens the list, follows the notification to the comment, and the badge is gone.
// In Swedish with the mouse, and in English with the keyboard only.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, expectNoSeriousViolations, signIn, signInDirectly, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

/** `author` comments on Sara's objective mentioning `mentioned` (signed in on `page`); the comment's id. */
async function mention(author: Page, orgId: string, mentioned: { id: string; name: string }, text: string) {
  const found = (await (
    await author.request.get(`/api/v1/orgs/${orgId}/objectives?q=${encodeURIComponent(SARA_OBJECTIVE.slice(0, 20))}`)
  ).json()) as { items: { id: string; title: string }[] };
  const objectiveId = found.items.find((o) => o.title === SARA_OBJECTIVE)?.id;
  if (!objectiveId) throw new Error(`${SARA_OBJECTIVE} is not in the list`);
  const response = await author.request.post(`/api/v1/objectives/${objectiveId}/comments`, {
    headers: await csrfHeaders(author),
    data: { body: `${text} @[${mentioned.name}](mention:${mentioned.id})` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { objectiveId, commentId: ((await response.json()) as { id: string }).id };
}

/** The signed-in account of `page`. */
async function accountOf(page: Page): Promise<{ id: string; name: string }> {
  return ((await (await page.request.get('/api/v1/auth/session')).json()) as { account: { id: string; name: string } })
    .account;
}

const focused = (page: Page, testId: string) =>
  page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null, testId);

browserSuite('the bell', (journey) => {
  it('Sara is mentioned by the demo owner, sees the badge, and follows the notification to the comment', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    const sara = await accountOf(page);
    const author = await journey.openPage();
    await signInDirectly(author, 'demo@example.com');
    const { objectiveId, commentId } = await mention(author, harness.orgId, sara, 'Kan du titta på siffrorna,');

    // Asked again when the window has the focus back (and every minute): a reload is quicker here.
    await page.reload();
    const bell = page.getByRole('banner').getByRole('button', { name: 'Aviseringar, 1 oläst' });
    await bell.waitFor();
    expect(await page.getByTestId('inbox-unread').textContent()).toBe('1');
    await bell.click();
    const list = page.getByRole('dialog', { name: 'Aviseringar, 1 oläst' });
    const item = list.getByRole('link', { name: /Demo Ägare nämnde dig på ”Öka deltagandet/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('Kan du titta på siffrorna, @Sara Lindqvist');
    expect(await item.getAttribute('data-unread')).not.toBeNull();
    await expectNoSeriousViolations(page, 'inbox list');

    await item.click();
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}/objectives/${objectiveId}#comment-${commentId}$`));
    await list.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page, 'comment')).toBe(true);
    await page.getByRole('banner').getByRole('button', { name: 'Aviseringar', exact: true }).waitFor();
    expect(await page.getByTestId('inbox-unread').count()).toBe(0);
  });

  it('in English with the keyboard: the demo owner is mentioned by Sara, marks all read, then opens it', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await switchToEnglish(page);
    const demo = await accountOf(page);
    const author = await journey.openPage();
    await signInDirectly(author, 'sara@example.com');
    const { commentId } = await mention(author, harness.orgId, demo, 'Have a look,');

    await page.reload();
    const bell = page.getByRole('banner').getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('dialog', { name: 'Notifications, 1 unread' });
    await list.getByRole('link', { name: /Sara Lindqvist mentioned you on “Öka deltagandet/ }).waitFor();
    // The focus is in the list; Escape closes it and gives the focus back to the bell.
    await expect.poll(() => list.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page, 'inbox-bell')).toBe(true);

    await page.keyboard.press('Enter');
    const markAll = page.getByRole('button', { name: 'Mark all as read' });
    await expect.poll(() => markAll.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('banner').getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    // The button is disabled now: the focus went on to the first notification.
    await expect.poll(() => focused(page, 'inbox-item')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#comment-${commentId}$`));
    await expect.poll(() => focused(page, 'comment')).toBe(true);
  });
});
