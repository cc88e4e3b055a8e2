// How the benchmark calls the API: in-process with Fastify's inject (the default: no
// sockets, so the figures are the server's own work without network noise), or over HTTP
// on 127.0.0.1 with fetch (BENCH_TRANSPORT=http: adds the loopback socket and HTTP parsing).
import type { Server } from '../src/server/app.ts';

export interface ApiResponse {
  status: number;
  body: string;
}

export interface ApiTransport {
  name: string;
  request(method: 'GET' | 'POST', url: string, body?: unknown): Promise<ApiResponse>;
  close(): Promise<void>;
}

export function injectTransport(app: Server, token: string): ApiTransport {
  return {
    name: 'in-process (fastify inject)',
    async request(method, url, body) {
      const response = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      return { status: response.statusCode, body: response.body };
    },
    close: () => app.close(),
  };
}

export async function httpTransport(app: Server, token: string): Promise<ApiTransport> {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    name: `HTTP over loopback (${address})`,
    async request(method, url, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(address + url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.text() };
    },
    close: () => app.close(),
  };
}
