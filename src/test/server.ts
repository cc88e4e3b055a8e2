// An HTTP server over the test database, and a client that signs in like a browser.
import type { LightMyRequestResponse } from 'fastify';
import { buildServer, type Server } from '../server/app.ts';
import type { AppDeps } from '../app/context.ts';
import { createAppCaches } from '../app/caches.ts';
import { WriteMark } from '../app/write-mark.ts';
import { testDatabase } from './test-db.ts';
import { TestClock } from './clock.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestServer {
  app: Server;
  deps: AppDeps;
  clock: TestClock;
}

let server: Promise<TestServer> | undefined;

export function testServer(): Promise<TestServer> {
  if (!server) {
    server = (async () => {
      const { db } = await testDatabase();
      const clock = new TestClock();
      // With the server's caches, so every API test also proves they are cleared in time.
      const deps: AppDeps = { db, now: clock.now, caches: createAppCaches(), writeMark: new WriteMark(db) };
      const app = await buildServer({ deps, loginRateLimit: 1000 });
      await app.ready();
      return { app, deps, clock };
    })();
  }
  return server;
}

/**
 * Closes the file's server, if it made one, and forgets it: a worker runs file after file
 * (isolate: false), and each file gets a server of its own. After each file (per-file-setup.ts).
 */
export async function closeTestServer(): Promise<void> {
  const closing = server;
  server = undefined;
  await (await closing)?.app.close();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  constructor(
    private readonly app: Server,
    private cookie = '',
    private csrf = '',
  ) {}

  static async signIn(app: Server, email: string, password = TEST_PASSWORD): Promise<ApiClient> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    const session = response.cookies.find((c) => c.name === 'riktning_session');
    return new ApiClient(app, `riktning_session=${session?.value}`, response.json<{ csrfToken: string }>().csrfToken);
  }

  /** The Cookie header this client sends, for tests that forge requests around it. */
  get cookieHeader(): string {
    return this.cookie;
  }

  static anonymous(app: Server): ApiClient {
    return new ApiClient(app);
  }

  request(method: Method, url: string, options: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return this.app.inject({
      method,
      url,
      headers,
      ...(options.body === undefined ? {} : { payload: options.body as string }),
    });
  }

  get = (url: string, options?: RequestOptions) => this.request('GET', url, options);
  post = (url: string, body?: unknown, options?: RequestOptions) => this.request('POST', url, { ...options, body });
  patch = (url: string, body: unknown, options?: RequestOptions) => this.request('PATCH', url, { ...options, body });
  put = (url: string, body?: unknown, options?: RequestOptions) => this.request('PUT', url, { ...options, body });
  delete = (url: string, options?: RequestOptions) => this.request('DELETE', url, options);
}
