import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInternalAddress, MAX_ANSWER_BYTES, OutboundRefused, postOutbound } from './outbound-post.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A real receiver on loopback: what it is sent, and answers chosen by path.
let server: Server;
let base = '';
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/redirect') {
        response.writeHead(302, { location: `${base}/elsewhere` }).end();
      } else if (request.url === '/silent') {
        // Never answers.
      } else if (request.url === '/large') {
        response.writeHead(200).end('x'.repeat(1024 * 1024));
      } else {
        response.writeHead(202, { 'content-type': 'text/plain' }).end('taken');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowed = { allowPrivate: true };
const guarded = { allowPrivate: false };

describe('posting to an address someone typed in', () => {
  it('posts the body and headers and answers the status and the answer', async () => {
    const answer = await postOutbound(`${base}/hook`, '{"a":1}', { 'webhook-id': 'msg_1' }, allowed);
    expect(answer).toMatchObject({ status: 202, body: 'taken' });
    expect(received.at(-1)).toMatchObject({
      path: '/hook',
      body: '{"a":1}',
      headers: expect.objectContaining({ 'webhook-id': 'msg_1', 'content-type': 'application/json' }),
    });
  });

  it('refuses loopback, private and link-local addresses unless they are allowed', async () => {
    const before = received.length;
    for (const url of [
      `${base}/hook`,
      `http://localhost:${new URL(base).port}/hook`,
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://[fd00::1]/hook',
    ]) {
      await expect(postOutbound(url, '{}', {}, guarded), url).rejects.toEqual(new OutboundRefused('internal_address'));
    }
    expect(received.length).toBe(before);
  });

  it('refuses what is not http(s) and a host that does not resolve', async () => {
    await expect(postOutbound('ftp://example.com/x', '{}', {}, allowed)).rejects.toEqual(
      new OutboundRefused('not_http'),
    );
    await expect(postOutbound('file:///etc/passwd', '{}', {}, allowed)).rejects.toEqual(
      new OutboundRefused('not_http'),
    );
    await expect(postOutbound('http://no-such-host.invalid/x', '{}', {}, allowed)).rejects.toEqual(
      new OutboundRefused('unresolvable'),
    );
  });

  it('does not follow a redirect', async () => {
    const before = received.length;
    const answer = await postOutbound(`${base}/redirect`, '{}', {}, allowed);
    expect(answer.status).toBe(302);
    expect(received.slice(before).map((r) => r.path)).toEqual(['/redirect']);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const started = Date.now();
    await expect(postOutbound(`${base}/silent`, '{}', {}, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(
      /^timeout$/,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reads at most the first 16 KB of an answer', async () => {
    const answer = await postOutbound(`${base}/large`, '{}', {}, allowed);
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(MAX_ANSWER_BYTES);
  });

  it('tells inside addresses from public ones', () => {
    for (const inside of [
      '127.0.0.1',
      '10.0.0.1',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd12::1',
      '::ffff:10.0.0.1',
      'not an address',
    ]) {
      expect(isInternalAddress(inside), inside).toBe(true);
    }
    for (const outside of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isInternalAddress(outside), outside).toBe(false);
    }
  });
});
