// A Slack or Teams incoming webhook on loopback for tests: every body it is sent is checked
// against its chat's format (chat-payloads.ts) and refused with 400 and the problems when it
// does not pass, as the chat would refuse it; `messages()` answers what it took, parsed.
import type { ChatKind } from '../core/chat/chat-channel.ts';
import { slackPayloadProblems, teamsPayloadProblems } from './chat-payloads.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

export interface ChatReceiver extends WebhookReceiver {
  kind: ChatKind;
  /** The bodies received, parsed; throws if any was refused, naming its problems. */
  messages<T = Record<string, unknown>>(): T[];
}

function problemsOf(kind: ChatKind, body: string): string[] {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return ['not JSON'];
  }
  return kind === 'slack' ? slackPayloadProblems(payload) : teamsPayloadProblems(payload);
}

export async function startChatReceiver(kind: ChatKind): Promise<ChatReceiver> {
  const receiver = await startWebhookReceiver(`/${kind}/incoming`, (body) => problemsOf(kind, body));
  return Object.assign(receiver, {
    kind,
    messages<T>(): T[] {
      const refused = receiver.received.filter((received) => received.problems.length > 0);
      if (refused.length > 0) throw new Error(`refused: ${JSON.stringify(refused.map((r) => r.problems))}`);
      return receiver.received.map((received) => JSON.parse(received.body) as T);
    },
  });
}
