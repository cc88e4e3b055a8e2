// Slack and Teams in Administration: the owner adds a Slack channel in Swedish (a loopback
// receiver that refuses anything but valid Block Kit), sees its URL only masked, sends a
// test and sees it posted in the log with the chat's answer; the Swedish organisation's
// digest arrives in Swedish. Then changes what it is sent and removes it. The job runner's
// step sends the posts here, as the server's runner does every few seconds.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverChatPosts } from '../../app/chat/deliver-chat-posts.ts';
import { postOutbound } from '../../server/outbound-post.ts';
import { startChatReceiver, type ChatReceiver } from '../../test/chat-receiver.ts';
import { demoIds } from './a11y-pages.ts';
import { expectNoSeriousViolations, signIn, type Harness, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

let slack: ChatReceiver;
let teams: ChatReceiver;
beforeAll(async () => {
  slack = await startChatReceiver('slack');
  teams = await startChatReceiver('teams');
});
afterAll(async () => {
  await slack.close();
  await teams.close();
});

/** One step of the job runner: sends what is due (loopback allowed, as RIKTNING_WEBHOOK_ALLOW_PRIVATE=1 would). */
const runJobs = (harness: Harness) =>
  deliverChatPosts(
    { db: harness.handle.db, now: () => new Date() },
    (url, body, headers) => postOutbound(url, body, headers, { allowPrivate: true }),
    { orgId: harness.orgId },
  );

browserSuite('chat channels journey', (journey) => {
  it('the owner adds a Slack channel, tests it, sees it posted, changes it and removes it', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/admin/chat`);
    await page.getByRole('tab', { name: 'Slack och Teams', selected: true }).waitFor();
    await page.getByText('Inga kanaler ännu.').waitFor();

    await page.getByRole('button', { name: 'Lägg till en kanal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till en kanal' });
    const url = dialog.getByRole('textbox', { name: 'URL för inkommande webhook' });
    // The URL field has the focus as the dialog opens.
    await expect.poll(() => url.evaluate((element) => element === document.activeElement)).toBe(true);
    await url.fill('hooks.slack.com');
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await dialog.getByText('Ange en adress som börjar med https://').waitFor();
    await url.fill(slack.url);
    expect(await dialog.getByRole('checkbox', { name: 'Varje avstämning' }).isChecked()).toBe(false);
    expect(await dialog.getByRole('checkbox', { name: 'Veckosammanfattning (måndag)' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByTestId('chat-channel');
    await card.getByText('Organisationen').waitFor();
    // The URL is a secret: only its host and last characters are shown.
    expect(await card.getByTestId('chat-channel-url').textContent()).toBe(`127.0.0.1:${new URL(slack.url).port}/…ming`);
    expect(await page.content()).not.toContain(slack.url);

    await card.getByRole('button', { name: 'Skicka ett test' }).click();
    const log = page.getByRole('region', { name: /^Skickat till 127\.0\.0\.1/ });
    await log.getByTestId('chat-post').getByText('Väntar').waitFor();
    slack.received.length = 0;
    expect(await runJobs(harness)).toMatchObject({ delivered: 1 });
    const [message] = slack.messages<{ text: string; blocks: { type: string; text?: { text: string } }[] }>();
    if (!message) throw new Error('Slack got nothing');
    expect(message.blocks[0]?.text?.text).toMatch(/^Veckosammanfattning: /);
    const posted = log.getByTestId('chat-post').first();
    await posted.getByText('Skickat', { exact: true }).waitFor();
    expect(await posted.getByTestId('chat-response-status').textContent()).toBe('HTTP 200');
    expect(await posted.textContent()).toContain('Testmeddelande');
    await expectNoSeriousViolations(page, 'chat tab');

    // Every check-in too, from now on.
    await card.getByRole('button', { name: 'Ändra' }).click();
    const edit = page.getByRole('dialog', { name: 'Ändra kanalen' });
    await edit.getByRole('checkbox', { name: 'Varje avstämning' }).check();
    await edit.getByRole('button', { name: 'Spara' }).click();
    await edit.waitFor({ state: 'hidden' });
    await card.getByRole('listitem').filter({ hasText: 'Varje avstämning' }).waitFor();

    await card.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByRole('dialog', { name: 'Ta bort kanalen?' }).getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('Inga kanaler ännu.').waitFor();
  });

  it('in English, on a unit’s page: a Teams channel for the unit, whose card comes in the organisation’s language', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await switchToEnglish(page);
    const { unitId } = await demoIds(page, harness);
    await page.goto(`/orgs/${harness.orgId}/units/${unitId}`);
    const section = page.getByRole('region', { name: 'Chat channel' });
    await section.getByText('No channels yet.').waitFor();
    await section.getByRole('button', { name: 'Add a channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a channel' });
    await dialog.getByText('Microsoft Teams', { exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'Microsoft Teams' }).isChecked()).toBe(true);
    await dialog.getByText(/Post to a channel when a webhook request is received/).waitFor();
    await dialog.getByRole('textbox', { name: 'Incoming webhook URL' }).fill(teams.url);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = section.getByTestId('chat-channel');
    await card.getByText('Microsoft Teams').waitFor();
    await card.getByText('Marknad').waitFor();

    await card.getByRole('button', { name: 'Send a test' }).click();
    await section.getByTestId('chat-post').getByText('Waiting').waitFor();
    teams.received.length = 0;
    expect(await runJobs(harness)).toMatchObject({ delivered: 1 });
    const [message] = teams.messages<{ attachments: [{ content: { lang: string; body: { text: string }[] } }] }>();
    if (!message) throw new Error('Teams got nothing');
    // The demo organisation writes Swedish: the channel is posted in it, whatever this reader chose.
    expect(message.attachments[0].content.lang).toBe('sv');
    expect(message.attachments[0].content.body[0]?.text).toBe('Veckosammanfattning: Marknad');
    await section.getByTestId('chat-post').getByText('Posted', { exact: true }).waitFor();
    await expectNoSeriousViolations(page, 'unit chat channel');
  });
});
