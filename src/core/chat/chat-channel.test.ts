import { describe, expect, it } from 'vitest';
import { slackPayloadProblems, teamsPayloadProblems } from '../../test/chat-payloads.ts';
import { chatPostBody, chatUrlProblem, maskChatUrl } from './chat-channel.ts';
import { ALL_EXAMPLES } from './example-messages.ts';

const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXabcd';

describe('a channel’s incoming-webhook URL', () => {
  it.each([
    ['slack', SLACK_URL, null],
    ['slack', 'https://hooks.slack.com/triggers/T000/123/abc', null],
    ['slack', 'http://hooks.slack.com/services/T000/B000/x', 'chat_url'],
    ['slack', 'https://hooks.slack.com.evil.example/services/T/B/x', 'chat_url_slack'],
    ['slack', 'https://hooks.slack.com/', 'chat_url_slack'],
    ['slack', 'https://contoso.webhook.office.com/webhookb2/x', 'chat_url_slack'],
    ['teams', 'https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi', null],
    ['teams', 'https://default123.0a.environment.api.powerplatform.com:443/powerautomate/automations/x', null],
    ['teams', 'https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke', null],
    ['teams', 'https://webhook.office.com.evil.example/x', 'chat_url_teams'],
    ['teams', SLACK_URL, 'chat_url_teams'],
    ['teams', 'https://user:pw@contoso.webhook.office.com/x', 'chat_url'],
    ['teams', 'not a url', 'chat_url'],
  ] as const)('%s %s → %s', (kind, url, problem) => {
    expect(chatUrlProblem(kind, url, false)).toBe(problem);
  });

  it('takes any http(s) address when private addresses are allowed (tests, an intranet relay), never credentials', () => {
    expect(chatUrlProblem('slack', 'http://127.0.0.1:4000/hooks', true)).toBeNull();
    expect(chatUrlProblem('teams', 'http://127.0.0.1:4000/hooks', true)).toBeNull();
    expect(chatUrlProblem('slack', 'ftp://127.0.0.1/hooks', true)).toBe('chat_url');
    expect(chatUrlProblem('slack', 'http://a:b@127.0.0.1/hooks', true)).toBe('chat_url');
  });

  it('is shown as its host and last four characters, never whole', () => {
    expect(maskChatUrl(SLACK_URL)).toBe('hooks.slack.com/…abcd');
    expect(maskChatUrl(SLACK_URL)).not.toContain('XXXX');
  });
});

describe('the body posted to a channel', () => {
  it.each(ALL_EXAMPLES.map((message) => [message.kind, message.locale, message] as const))(
    '%s in %s is valid Block Kit for Slack and a valid Adaptive Card message for Teams',
    (_kind, _locale, message) => {
      expect(slackPayloadProblems(JSON.parse(chatPostBody('slack', message)))).toEqual([]);
      expect(teamsPayloadProblems(JSON.parse(chatPostBody('teams', message)))).toEqual([]);
    },
  );

  it('is refused by the other chat’s checks, so the checks can fail', () => {
    const [message] = ALL_EXAMPLES;
    if (!message) throw new Error('no examples');
    expect(slackPayloadProblems(JSON.parse(chatPostBody('teams', message)))).not.toEqual([]);
    expect(teamsPayloadProblems(JSON.parse(chatPostBody('slack', message)))).not.toEqual([]);
    expect(
      slackPayloadProblems({ text: 'x', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: '*' } }] }),
    ).toEqual(['blocks[0].text: type mrkdwn']);
  });
});
