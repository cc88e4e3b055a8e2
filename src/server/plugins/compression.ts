// Compresses the API's answers for clients that accept it: brotli, else gzip (by
// Accept-Encoding), for answers of 1 KB or more and for streams (the CSV export stays a
// stream, compressed as it goes). Registered in the API's context (app.ts): the web app's
// files are compressed once at build time instead (scripts/compress-web.mjs) and sent as
// they are by plugins/web.ts.
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const COMPRESSION_THRESHOLD = 1024;
/**
 * Answers up to this size are compressed in one call as they are sent; larger ones (a page
 * of 200 objectives is some 650 KB) through a stream, off the main thread. The plugin's
 * default (8 KB on two cores, 4 KB on four) sent a page's batch or a list of a few objectives
 * (10–30 KB) through a stream of its own: its set-up, the thread pool's hand-overs and the
 * garbage cost more than the compressing. Here an objective list of 10 KB went from 280–360
 * to 440–550 answers a second with brotli, its p99 from 117–369 ms to 64–109 ms; at 128 KB
 * a call holds the event loop about a millisecond.
 */
export const COMPRESSED_AT_ONCE_UP_TO = 128 * 1024;

/** The encodings answers go out in, the preferred first (server/kept-reads.ts keeps answers so). */
export const API_ENCODINGS: ('br' | 'gzip')[] = ['br', 'gzip'];
/**
 * Brotli at quality 4 (the plugin's own default), for text: cheap enough for every answer
 * (zlib's default of 11 is meant for compressing once, as the web build does).
 */
export const BROTLI_OPTIONS = {
  params: {
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
  },
};

export const compressionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    encodings: API_ENCODINGS,
    threshold: COMPRESSION_THRESHOLD,
    syncThreshold: COMPRESSED_AT_ONCE_UP_TO,
    brotliOptions: BROTLI_OPTIONS,
    // Request bodies are small JSON; accepting compressed ones only invites zip bombs.
    globalDecompression: false,
  });
});
