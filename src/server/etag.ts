// ETag / If-Match for optimistic concurrency: the ETag is the row's version number.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.ts';

export const etagOf = (version: number): string => `"${version}"`;

export function sendWithEtag<T extends { version: number }>(reply: FastifyReply, body: T, status = 200): FastifyReply {
  return reply.status(status).header('etag', etagOf(body.version)).send(body);
}

/** The version the caller last read, from If-Match; required for updates. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined) throw new AppError('precondition_required', 'precondition_required');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match?.[1]) throw new AppError('precondition_failed', 'precondition_failed');
  return Number(match[1]);
}

/** 204 for an archived row, with its new version as the ETag: an undo names it in If-Match. */
export function sendArchived(reply: FastifyReply, version: number): FastifyReply {
  return reply.status(204).header('etag', etagOf(version)).send(null);
}
