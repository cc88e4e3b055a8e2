// The API of a running server (RIKTNING_URL), with a personal token (RIKTNING_TOKEN).
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Locale } from '../core/domain.ts';
import { encodeBody, refusal, withQuery, type Api, type ApiRequest } from './api.ts';
import { CliError, EXIT } from './exit-codes.ts';
import type { CliMessages } from './messages.ts';

export function httpApi(baseUrl: string, token: string, locale: Locale, messages: CliMessages): Api {
  const root = baseUrl.replace(/\/+$/, '');

  const send = async (request: ApiRequest): Promise<Response> => {
    const body = encodeBody(request.body);
    try {
      return await fetch(`${root}/api/v1${withQuery(request.path, request.query)}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${token}`,
          'accept-language': locale,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
      });
    } catch (error) {
      const reason = error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message) : '';
      throw new CliError(EXIT.unavailable, messages.unreachable(root, reason));
    }
  };

  return {
    async json<T>(request: ApiRequest): Promise<T> {
      const answer = await send(request);
      const text = await answer.text();
      if (!answer.ok) throw refusal(answer.status, text, messages);
      return JSON.parse(text) as T;
    },
    async stream(request: ApiRequest, out: Writable): Promise<void> {
      const answer = await send(request);
      if (!answer.ok || !answer.body) throw refusal(answer.status, await answer.text(), messages);
      await pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), out, { end: false });
    },
    async close() {},
  };
}
