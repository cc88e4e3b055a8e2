// Requests Node's HTTP parser refuses (not HTTP, headers too large, too slow to arrive)
// never reach Fastify's routes or error handler: the answer is written to the socket here,
// a problem like every other error answer. The language comes from the raw bytes, the only
// headers there are.
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import { PROBLEM_TITLES } from '../problem-messages.ts';

const BY_CODE: Record<string, { status: number; key: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, key: 'request_timeout' },
  HPE_HEADER_OVERFLOW: { status: 431, key: 'headers_too_large' },
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

export function answerClientError(error: ConnectionError, socket: Socket): void {
  // A connection reset leaves nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, key } = BY_CODE[error.code] ?? { status: 400, key: 'malformed_request' };
  const raw: unknown = error.rawPacket;
  const swedish = Buffer.isBuffer(raw) && /\r\naccept-language:[ \t]*sv/i.test(raw.toString('latin1'));
  const body = JSON.stringify({
    type: `urn:riktning:problem:${key}`,
    title: PROBLEM_TITLES[key]?.[swedish ? 'sv' : 'en'],
    status,
    code: key,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
