// Logs never hold tokens, and some addresses carry one: an invitation's path
// (/invite/<token>, /api/v1/invitations/<token>) and a sign-in callback's query
// (?code=…&state=…). Rather than trusting every log call to leave the address out, the
// logger itself scrubs what can carry one: the request it is given, an error's message
// and stack (Fastify's own errors quote the address), and the message text.
import type { FastifyLoggerOptions, FastifyServerOptions, FastifyRequest } from 'fastify';
import pino from 'pino';
import { databaseErrorForLog } from '../db/errors.ts';

export const REDACTED = '[redacted]';

/** The path segment after these is a token, also where a path is itself a parameter (?next=%2Finvite%2F…). */
const TOKEN_PATH = /((?:\/|%2F)(?:invitations|invite)(?:\/|%2F))[^/?#&%\s"'`]+/gi;
/** Query parameters whose values are secrets: tokens, and a sign-in's code and state. */
const TOKEN_QUERY = /([?&](?:token|code|state|id_token|access_token|refresh_token)=)[^&#\s"'`]*/gi;

/** The text with tokens in any address it holds replaced by [redacted]. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_PATH, `$1${REDACTED}`).replace(TOKEN_QUERY, `$1${REDACTED}`);
}

/** Every string in a serialized value, redacted (errors may nest causes and details). */
function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, depth + 1)]));
}

const serializers = {
  /** The request as Fastify logs it, with the route's pattern and a scrubbed address. */
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactTokens(request.url),
    route: request.routeOptions?.url,
    host: request.host,
    remoteAddress: request.ip,
  }),
  err: (error: Error) => {
    // A database error without its query and parameters (db/errors.ts).
    const serialized = databaseErrorForLog(error) ?? pino.stdSerializers.err(error);
    // Same shape, strings scrubbed.
    return redactDeep(serialized) as typeof serialized;
  },
  msg: (message: unknown) => (typeof message === 'string' ? redactTokens(message) : message),
};

type LoggerOption = FastifyServerOptions['logger'];

/** The server's logger options with the scrubbing serializers in place. */
export function redactingLogger(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const options: FastifyLoggerOptions = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, ...serializers } };
}
