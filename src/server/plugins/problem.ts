// Errors become RFC 9457 problem+json bodies that name the field and the problem, in the
// caller's language. This is the one place where error codes meet HTTP statuses.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ERROR_STATUS, type FieldError } from '../../app/errors.ts';
import type { Locale } from '../../core/domain.ts';
import { ENTITY_NAMES, FIELD_MESSAGES, PROBLEM_TITLES, interpolate } from '../problem-messages.ts';
import { requestLocale } from '../locale.ts';
import { SQLSTATE, sqlState } from '../../db/errors.ts';
import { databaseBusyError } from '../../db/pglite-queue.ts';

interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  code: string;
  errors?: ProblemFieldError[];
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldMessage(locale: Locale, error: FieldError): string {
  const texts = FIELD_MESSAGES[error.key] ?? FIELD_MESSAGES.invalid;
  return interpolate(texts?.[locale] ?? error.key, error.params ?? {});
}

/** Ajv's errors as our field errors: a JSON pointer into the request and a message key. */
function fromAjv(context: string, errors: AjvError[]): FieldError[] {
  return errors.map((error) => {
    const params = error.params;
    let field = `/${context}${error.instancePath}`;
    const out: Record<string, string | number> = {};
    if (error.keyword === 'required') field += `/${String(params.missingProperty)}`;
    if (error.keyword === 'additionalProperties') field += `/${String(params.additionalProperty)}`;
    if ('limit' in params) out.limit = Number(params.limit);
    if ('type' in params) out.type = String(params.type);
    if ('format' in params) out.format = String(params.format);
    if ('allowedValues' in params) out.values = (params.allowedValues as unknown[]).join(', ');
    if ('allowedValue' in params) out.value = String(params.allowedValue);
    return { field, key: error.keyword, params: out };
  });
}

/**
 * A route may name its own problem for a body over its limit (route config `tooLarge`), e.g.
 * the sheet import's `sheet_too_large` with the limit in words.
 */
export interface TooLargeProblem {
  key: string;
  params: Record<string, string | number>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    tooLarge?: TooLargeProblem;
  }
}

function problemFor(
  error: FastifyError | AppError,
  tooLarge: TooLargeProblem | undefined,
): {
  status: number;
  key: string;
  params: Record<string, string | number>;
  fields: FieldError[];
  extensions: Record<string, unknown>;
} {
  if (error instanceof AppError) {
    return {
      status: ERROR_STATUS[error.code],
      key: error.key,
      params: error.params,
      fields: error.fieldErrors,
      extensions: error.extensions,
    };
  }
  if (databaseBusyError(error)) {
    return { status: 503, key: 'database_busy', params: {}, fields: [], extensions: {} };
  }
  const plain = problemForFastify(error);
  if (plain.status === 413 && tooLarge) return { ...plain, key: tooLarge.key, params: tooLarge.params };
  return plain;
}

function problemForFastify(error: FastifyError): {
  status: number;
  key: string;
  params: Record<string, string | number>;
  fields: FieldError[];
  extensions: Record<string, unknown>;
} {
  const extensions = {};
  if (error.validation) {
    return {
      status: 400,
      key: 'validation',
      params: {},
      fields: fromAjv(error.validationContext ?? 'body', error.validation as AjvError[]),
      extensions,
    };
  }
  // A constraint the use case did not check first is still the caller's mistake, not ours.
  const state = sqlState(error);
  if (state === SQLSTATE.uniqueViolation) return { status: 409, key: 'conflict', params: {}, fields: [], extensions };
  if (
    state === SQLSTATE.foreignKeyViolation ||
    state === SQLSTATE.checkViolation ||
    state === SQLSTATE.notNullViolation
  ) {
    return { status: 422, key: 'invalid', params: {}, fields: [], extensions };
  }
  if (state === SQLSTATE.invalidTextRepresentation)
    return { status: 400, key: 'bad_request', params: {}, fields: [], extensions };
  // Text validation refuses these first (plugins/validation.ts); text that reached the
  // database another way is still the caller's.
  if (state === SQLSTATE.characterNotInRepertoire || state === SQLSTATE.untranslatableCharacter)
    return { status: 400, key: 'unstorable_text', params: {}, fields: [], extensions };
  const status = error.statusCode ?? 500;
  const byCode: Record<string, string> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
    FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
    // Refused before routing (the server's frameworkErrors option).
    FST_ERR_BAD_URL: 'bad_url',
    FST_ERR_MAX_PARAM_LENGTH: 'param_too_long',
  };
  if (status === 429) return { status, key: 'rate_limited', params: {}, fields: [], extensions };
  if (status >= 400 && status < 500) {
    const key =
      byCode[error.code] ??
      (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'malformed_json'
        : 'bad_request');
    return { status, key, params: {}, fields: [], extensions };
  }
  return { status: 500, key: 'internal', params: {}, fields: [], extensions };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: FastifyError | AppError) {
  const locale = requestLocale(request);
  const { status, key, params, fields, extensions } = problemFor(error, request.routeOptions.config?.tooLarge);
  const busy = databaseBusyError(error);
  if (busy) {
    // Load, not a fault: a warning without a stack, and when to try again.
    request.log.warn({ reason: busy.reason }, 'database busy');
    void reply.header('retry-after', String(busy.retryAfterSeconds));
  } else if (status >= 500) request.log.error({ err: error }, 'request failed');
  const entity =
    typeof params.entity === 'string' ? (ENTITY_NAMES[params.entity]?.[locale] ?? params.entity) : undefined;
  const titleTexts = PROBLEM_TITLES[key] ?? PROBLEM_TITLES.bad_request;
  const problem: Problem = {
    ...extensions,
    type: `urn:riktning:problem:${key}`,
    title: interpolate(titleTexts?.[locale] ?? key, { ...params, ...(entity ? { entity } : {}) }),
    status,
    instance: request.url,
    code: key,
  };
  if (fields.length > 0) {
    problem.errors = fields.map((f) => ({ field: f.field, code: f.key, message: fieldMessage(locale, f) }));
    problem.detail = problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  return reply.status(status).type('application/problem+json').send(problem);
}

export const problemPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('not_found', 'route_not_found')));
});
