// The answers to the reads asked for again and again between writes, kept as they were
// sent — serialized and compressed — until something is written anywhere: the objectives
// list (paging through a cycle, as the alignment map does for a script or an export; a
// unit's or a person's list as people come back to it), a person's key results and
// activities (My OKRs), and what every page asks for (the inbox, the count of check-ins
// due, the activity feed). Working out a page of 200 objectives took 40–50 ms (its
// statements, presenting, serializing and compressing some 650 KB). Only reads of the
// primary: a standby's answer could be older than the mark it would be kept under, so a
// read that may lag is kept only when there is no standby (sendKeptMayLag).
//
// Kept per reader (an answer holds what the reader may read and do), per address and per
// encoding. Every request is still authorised first; a kept answer is then sent when the
// installation's write mark has not moved since it was worked out (app/write-mark.ts:
// this process's writes drop it at once, caches.ts) and it is under KEPT_READ_SECONDS old
// by the app's clock, which moves what it shows (how far into the cycle an objective
// should be).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import negotiator from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KEPT_READ_SECONDS, type KeptAnswerBytes } from '../app/caches.ts';
import type { AppDeps, Caller } from '../app/context.ts';
import { actorInOrg } from '../app/scope.ts';
import type { Subject } from '../core/policy.ts';
import { readMayLag, type LagTolerantRead } from './lag-tolerant.ts';
import { callerOf } from './plugins/auth.ts';
import {
  API_ENCODINGS,
  BROTLI_OPTIONS,
  COMPRESSED_AT_ONCE_UP_TO,
  COMPRESSION_THRESHOLD,
} from './plugins/compression.ts';

/** As the compression plugin reads Accept-Encoding: `*` and `x-gzip` stand for gzip. */
const GZIP_ALIASES = /\*|x-gzip/gu;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Who reads, as far as the answer depends on it: the account, its role and led units, a service token's limits. */
export function readerKey(reader: Subject): string {
  const grant = JSON.stringify([reader.role, [...reader.ledUnitIds], reader.service ?? null]);
  return `${reader.accountId}:${createHash('sha1').update(grant).digest('base64url')}`;
}

/** The encoding the compression plugin would choose for this request's answers of COMPRESSION_THRESHOLD or more. */
function acceptedEncoding(request: FastifyRequest): string {
  const accepted = request.headers['accept-encoding'];
  if (accepted === undefined || request.headers['x-no-compression'] !== undefined) return 'identity';
  return negotiator.negotiate(accepted.toLowerCase().replace(GZIP_ALIASES, 'gzip'), API_ENCODINGS) ?? 'identity';
}

async function encode(body: Buffer, encoding: string): Promise<Buffer> {
  const atOnce = body.length <= COMPRESSED_AT_ONCE_UP_TO;
  if (encoding === 'br') return atOnce ? zlib.brotliCompressSync(body, BROTLI_OPTIONS) : brotli(body, BROTLI_OPTIONS);
  if (encoding === 'gzip') return atOnce ? zlib.gzipSync(body) : gzip(body);
  return body;
}

/**
 * Answers with `work`'s answer, a read of the organisation's OKRs for the caller, serialized
 * by the route's schema: kept when it may be, worked out and kept otherwise. The caller is
 * a member of the organisation or refused, kept or not. Without the server's caches and
 * write mark, worked out each time.
 */
export async function sendKeptRead(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  orgId: string,
  work: (caller: Caller) => Promise<unknown>,
): Promise<FastifyReply> {
  const caller = callerOf(request);
  const reader = await actorInOrg(deps.db, caller, orgId);
  const { caches, writeMark } = deps;
  if (!caches || !writeMark) return reply.send(await work(caller));
  // What the client accepts decides the encoding (unless the answer is too small to
  // compress, known once it is worked out), so that is what the key names.
  const accepts = acceptedEncoding(request);
  const mark = await writeMark.current();
  const key = `${mark}:${readerKey(reader)}:${accepts}:${request.url}`;
  const now = deps.now().getTime();
  const fresh = (kept: KeptAnswerBytes) => now >= kept.workedOutAt && now - kept.workedOutAt < KEPT_READ_SECONDS * 1000;
  const kept = await caches.reads.get(
    key,
    async () => {
      const serialized = reply.serialize(await work(caller));
      const json = typeof serialized === 'string' ? Buffer.from(serialized) : Buffer.from(serialized as ArrayBuffer);
      const encoding = json.length < COMPRESSION_THRESHOLD ? 'identity' : accepts;
      return { body: await encode(json, encoding), encoding, workedOutAt: now };
    },
    fresh,
  );
  if (!kept) throw new Error(`no answer was worked out for ${request.url}`);
  reply.type('application/json; charset=utf-8');
  if (kept.encoding !== 'identity') reply.header('content-encoding', kept.encoding).header('vary', 'accept-encoding');
  return reply.send(kept.body);
}

/**
 * A read that may lag a moment (server/lag-tolerant.ts): without a standby it runs on the
 * primary and is kept like the others; with one it goes where `readMayLag` sends it, and is
 * not kept.
 */
export async function sendKeptMayLag(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  orgId: string,
  read: LagTolerantRead<unknown>,
): Promise<FastifyReply> {
  if (deps.replica) return reply.send(await readMayLag(deps, request, read));
  return sendKeptRead(deps, request, reply, orgId, () => read(deps, callerOf(request)));
}
