// A small fetch wrapper for the API: JSON in and out, the session cookie, the CSRF token on
// writes, If-Match for updates, and problem+json errors as ApiError.
import type { Problem } from './types.ts';
import { ReadBatcher } from './read-batch.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title);
  }

  /** The message for one field of the request body, e.g. "title". */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === `/body/${field}` || e.field.startsWith(`/body/${field}/`))
      ?.message;
  }
}

/** Over HTTPS the server names it with the __Host- prefix (server/plugins/auth.ts), over HTTP without. */
const CSRF_COOKIES = ['__Host-riktning_csrf', 'riktning_csrf'];

function csrfToken(): string | undefined {
  const parts = document.cookie.split('; ');
  for (const name of CSRF_COOKIES) {
    const match = parts.find((part) => part.startsWith(`${name}=`));
    if (match) return decodeURIComponent(match.slice(name.length + 1));
  }
  return undefined;
}

export interface RequestOptions {
  /** JSON, or a file sent as it is (with `contentType`). */
  body?: unknown;
  contentType?: string;
  /** The version read earlier; sent as If-Match so a concurrent edit is not overwritten. */
  version?: number;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => null)) as T;
}

/** Sends one request; a refusal or failure is thrown as an ApiError. */
async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined || options.body instanceof Blob ? options.body : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw failure(response.status, problem, path, response.statusText);
  }
  return response;
}

/** The version an answer's ETag names (`"7"`), for a later If-Match. */
function versionOf(response: Response): number {
  const version = Number(/^(?:W\/)?"(\d+)"$/.exec(response.headers.get('etag') ?? '')?.[1]);
  if (!Number.isSafeInteger(version)) throw new Error(`no version in the answer to ${response.url}`);
  return version;
}

/** The error for a failed read or write; an answer without a problem body gets a plain one. */
function failure(status: number, problem: Problem | null, path: string, title = ''): ApiError {
  return new ApiError(status, problem ?? { type: 'about:blank', title, status, instance: path, code: 'unknown' });
}

const reads = new ReadBatcher({
  alone: (path, signal) => request('GET', path, { signal }),
  batch: async (paths) =>
    (
      await request<{ responses: { status: number; body: unknown }[] }>('POST', '/batch', {
        body: { requests: paths.map((path) => ({ path })) },
      })
    ).responses,
  refused: (error) => error instanceof ApiError && error.status >= 400 && error.status < 500,
  failure: (status, problem, path) => failure(status, problem, path),
});

export const api = {
  /** A read; sent together with the others asked for at the same moment (read-batch.ts). */
  get: <T>(path: string, signal?: AbortSignal) => reads.read<T>(path, signal),
  /** A read on its own, for a large answer that nothing is gained by bundling (the map). */
  getAlone: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  /** A file as the request's body, as it is (e.g. a spreadsheet), of the type given. */
  upload: <T>(path: string, file: Blob, contentType: string) => request<T>('POST', path, { body: file, contentType }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, version: number, body: unknown) => request<T>('PATCH', path, { body, version }),
  delete: (path: string, version?: number) => request<undefined>('DELETE', path, { version }),
  /** Archives (DELETE) and answers the archived row's version, which its undo names. */
  archive: async (path: string) => versionOf(await send('DELETE', path, {})),
  /** Restores an archived row (`path` is the row's own, e.g. /objectives/…) seen at `version`. */
  restore: (path: string, version: number) => request<unknown>('POST', `${path}/restore`, { version }),
};

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
