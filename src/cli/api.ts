// The one way commands reach Riktning: its HTTP API, over the network (RIKTNING_URL) or
// served in this process on the local database (local-api.ts). Answers that are refusals
// become CliErrors with the server's own words, in the asked language.
import type { Writable } from 'node:stream';
import { CliError, EXIT } from './exit-codes.ts';
import type { CliMessages } from './messages.ts';

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Under /api/v1, e.g. `/orgs/…/export`. */
  path: string;
  query?: Record<string, string>;
  /** JSON to send, or bytes already serialised (an import file, sent as it is). */
  body?: unknown;
}

export interface Api {
  /** Sends a request and answers its JSON, or throws the refusal as a CliError. */
  json<T>(request: ApiRequest): Promise<T>;
  /** Sends a request and writes a successful answer's body into `out` as it arrives. */
  stream(request: ApiRequest, out: Writable): Promise<void>;
  close(): Promise<void>;
}

export interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

/** The CliError for an answer that is not a success: its exit code and the problem's words. */
export function refusal(status: number, body: string, messages: CliMessages): CliError {
  let problem: Problem = {};
  try {
    problem = JSON.parse(body) as Problem;
  } catch {
    // Not problem+json (a proxy's page): the status says enough.
  }
  const title = problem.title ?? `HTTP ${status}`;
  if (status === 401) {
    return new CliError(
      EXIT.unauthenticated,
      problem.code === 'token_expired' ? messages.tokenExpired : messages.notSignedIn,
    );
  }
  if (status >= 500) return new CliError(EXIT.unavailable, messages.serverFailed(status, title));
  const details = (problem.errors ?? []).map((error) => `${error.field}: ${error.message}`);
  return new CliError(EXIT.refused, problem.detail ? `${title}: ${problem.detail}` : title, details);
}

/** The request's body as the wire carries it. */
export function encodeBody(body: unknown): Buffer | string | undefined {
  if (body === undefined) return undefined;
  return Buffer.isBuffer(body) ? body : JSON.stringify(body);
}

export function withQuery(path: string, query: Record<string, string> | undefined): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
