// Compresses the API's answers for clients that accept it: brotli, else gzip (by
// Accept-Encoding), for answers of 1 KB or more and for streams (the CSV export stays a
// stream, compressed as it goes). Registered in the API's context (app.ts): the web app's
// files are compressed once at build time instead (scripts/compress-web.mjs) and sent as
// they are by plugins/web.ts.
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const COMPRESSION_THRESHOLD = 1024;

export const compressionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD,
    // Brotli runs at the plugin's quality 4, cheap enough for every answer (zlib's default
    // of 11 is meant for compressing once, as the web build does).
    // Request bodies are small JSON; accepting compressed ones only invites zip bombs.
    globalDecompression: false,
  });
});
