// Posting to an address someone typed in (webhooks, Slack and Teams channels), without
// letting that address reach inside the network Riktning runs in (SSRF): the host is
// resolved once, every address it resolves to must be public unless private ones are
// allowed (RIKTNING_WEBHOOK_ALLOW_PRIVATE=1), and the connection goes to the address that
// was checked, so a second lookup cannot point elsewhere. Redirects are not followed, the
// whole exchange has a deadline, and at most MAX_ANSWER_BYTES of the answer are read.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export const OUTBOUND_TIMEOUT_MS = 5_000;
/** Of an answer, enough to show in a delivery log. */
export const MAX_ANSWER_BYTES = 16 * 1024;

/** Addresses no outbound post may reach unless private ones are allowed. */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is inside: private, loopback, link-local and the like (IPv4 inside IPv6 too). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return INTERNAL.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a post was not made, or failed: for the delivery log, in words an admin can act on. */
export class OutboundRefused extends Error {
  constructor(readonly reason: 'not_http' | 'internal_address' | 'unresolvable') {
    super(reason);
  }
}

export interface OutboundAnswer {
  status: number;
  /** The answer's first MAX_ANSWER_BYTES, as text. */
  body: string;
  ms: number;
}

export interface OutboundOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
}

/** Resolves the host and checks every address; answers the one to connect to. */
async function checkedAddress(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const bare = host.replace(/^\[|\]$/g, '');
  const found = isIP(bare)
    ? [{ address: bare, family: isIP(bare) }]
    : await lookup(bare, { all: true, verbatim: true }).catch(() => {
        throw new OutboundRefused('unresolvable');
      });
  const [first] = found;
  if (!first) throw new OutboundRefused('unresolvable');
  if (!allowPrivate && found.some((entry) => isInternalAddress(entry.address))) {
    throw new OutboundRefused('internal_address');
  }
  return first;
}

/** POSTs `body` (JSON text) to `url` with `headers`, within the guards above. */
export async function postOutbound(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: OutboundOptions,
): Promise<OutboundAnswer> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundRefused('not_http');
  const { address, family } = await checkedAddress(target.hostname, options.allowPrivate);
  // The connection goes to the checked address whatever the host name resolves to next.
  const pinned: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const started = performance.now();
  const client = target.protocol === 'https:' ? https : http;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? OUTBOUND_TIMEOUT_MS);
  return new Promise<OutboundAnswer>((resolve, reject) => {
    // 'timeout' is what the delivery log shows (and translates) for a receiver too slow to answer.
    const fail = (error: Error) => reject(deadline.aborted ? new Error('timeout') : error);
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup: pinned,
        headers: { 'content-type': 'application/json', 'user-agent': 'Riktning-Webhooks', ...headers },
        timeout: options.timeoutMs ?? OUTBOUND_TIMEOUT_MS,
        signal: deadline,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          if (read >= MAX_ANSWER_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - read));
          read += chunk.length;
          // Enough for the log: the rest of a large answer is not waited for.
          if (read >= MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Math.round(performance.now() - started),
          });
        response.on('end', done);
        response.on('close', done);
        response.on('error', fail);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', fail);
    request.end(body);
  });
}
