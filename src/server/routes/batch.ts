// POST /batch: several reads in one request. A page asks for the data of its parts at
// once (the organisation, its cycles, the page's objectives…); sent one by one those are as
// many round trips, each paying the HTTP work and a socket write, which under load cost
// more than the small answers themselves. Each read runs through the server as if asked on
// its own (authentication, permissions, validation, problem answers), with the caller's
// own credentials, so a batch can read nothing its parts could not. The batch itself is
// open to signed-out callers, like the session read a page starts with: each part then
// answers as it would them (the session with no account, the rest 401).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../app/errors.ts';
import { BATCH_PART_HEADERS } from '../batch-part.ts';
import { csrfHonoured } from '../plugins/auth.ts';
import { checkedReadProblemResponses } from '../../api/schemas/common.ts';
import { BATCH_PREFIX, BatchBody, BatchResponse } from '../../api/schemas/batch.ts';

/** The request headers a part carries on: who is asking, and in which language. */
const CARRIED = ['cookie', 'authorization', 'accept-language'] as const;

function carriedHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...BATCH_PART_HEADERS };
  for (const name of CARRIED) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** At most this many parts run at once: a batch should not take the whole connection pool. */
const PARTS_AT_ONCE = 5;

/**
 * The part's address as the server will route it: `..` and its encodings are resolved the
 * way the URL parser resolves them, so a part cannot step out of the API.
 */
function partUrl(path: string, index: number): string {
  const url = new URL(`${BATCH_PREFIX}${path}`, 'http://batch.invalid');
  if (!url.pathname.startsWith(`${BATCH_PREFIX}/`)) throw invalid(`/body/requests/${index}/path`, 'batch_outside_api');
  return `${url.pathname}${url.search}`;
}

/** `work` for each item, at most `limit` at a time, results in order. */
async function inTurns<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const isJson = (contentType: unknown) =>
  typeof contentType === 'string' && /^application\/(?:problem\+)?json\b/.test(contentType);

export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/batch',
    {
      config: { readOnly: true, public: true },
      schema: {
        tags: ['batch'],
        operationId: 'batch',
        summary: 'Several reads (GET requests of this API) in one request, answered in order',
        description:
          'Each part is answered as the same GET on its own would be, with its own status and body; ' +
          'the batch answers 200 once all its parts are answered.',
        security: [],
        body: BatchBody,
        response: { 200: BatchResponse, ...checkedReadProblemResponses },
      },
    },
    async (request, reply) => {
      // Signed in by cookie, it still needs the CSRF token, like any POST.
      if (!csrfHonoured(request)) throw new AppError('forbidden', 'csrf_failed');
      const urls = request.body.requests.map((part, i) => partUrl(part.path, i));
      const headers = carriedHeaders(request);
      // The parts run side by side, as the browser would have sent them, a few at a time.
      const answers = await inTurns(urls, PARTS_AT_ONCE, (url) => app.inject({ method: 'GET', url, headers }));
      const parts = answers.map((answer, i) => {
        if (answer.statusCode === 204 || answer.body === '') return `{"status":${answer.statusCode},"body":null}`;
        if (!isJson(answer.headers['content-type'])) throw invalid(`/body/requests/${i}/path`, 'batch_not_json');
        // JSON already: spliced in as it is, not parsed and written again.
        return `{"status":${answer.statusCode},"body":${answer.body}}`;
      });
      return reply.type('application/json; charset=utf-8').send(`{"responses":[${parts.join(',')}]}`);
    },
  );
};
