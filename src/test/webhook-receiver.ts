// A webhook receiver on loopback for tests: it keeps every request it is sent and answers
// each with the next status queued in `answers` (200 when none is), with "thanks". Given a
// `check`, it first reads the body as the receiving service would and answers 400 with the
// problems found, as Slack answers `invalid_blocks` (chat-receiver.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: Record<string, string>;
  body: string;
  /** What `check` found wrong with the body (none without a check). */
  problems: string[];
}

export interface WebhookReceiver {
  url: string;
  /** What it was sent, oldest first (tests may empty it). */
  received: ReceivedDelivery[];
  /** Statuses to answer the next requests with, in order. */
  answers: number[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  path = '/hooks',
  check: (body: string) => string[] = () => [],
): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = { received: [], answers: [] };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const problems = check(body);
      receiver.received.push({ headers: request.headers as Record<string, string>, body, problems });
      if (problems.length > 0) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(problems.join('\n'));
        return;
      }
      response.writeHead(receiver.answers.shift() ?? 200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
