// The parts of a batch (routes/batch.ts) are answered inside the batch's own answer: their
// status and body are kept, their headers dropped. Headers that only a browser reads from a
// whole answer (the security headers) are not worth setting on a part: they were most of a
// part's headers and a good share of its cost. A part is known by a header whose value is
// this process's own secret, so no request from outside can pass for one.
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const PART_HEADER = 'x-riktning-batch-part';
const PART_SECRET = randomBytes(16).toString('hex');

/** The header the batch gives each of its parts. */
export const BATCH_PART_HEADERS: Readonly<Record<string, string>> = { [PART_HEADER]: PART_SECRET };

/** Whether the request is a part of a batch being answered by this process. */
export const isBatchPart = (request: FastifyRequest): boolean => request.headers[PART_HEADER] === PART_SECRET;
