// Every request has an id, in each of its log lines (`reqId`) and in the answer's
// X-Request-Id header, so a person's report or a proxy's log leads to the server's lines.
// A proxy's or client's own id is kept when it is a short plain token; anything else (long,
// or with characters that could forge log fields or headers) is replaced by a fresh one.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's `genReqId`: the caller's X-Request-Id when it is sane, otherwise a UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/** An onRequest hook: the id goes back in the answer, whatever the answer is. */
export function echoRequestId(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  done();
}
