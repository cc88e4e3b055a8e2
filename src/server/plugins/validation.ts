// Request validation with two Ajv instances: query strings and path parameters arrive as
// text and are coerced to the declared types; JSON bodies are taken exactly as sent, so
// `null` never silently becomes 0 and unknown fields are rejected rather than dropped.
// Before either, every request's text is checked for what the database cannot store.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { validateLazily } from './lazy-compile.ts';
import { AppError } from '../../app/errors.ts';
import { firstUnstorable } from '../../core/storable-text.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, ...options });
  addFormats(ajv);
  // TypeBox and OpenAPI annotations that Ajv should ignore.
  ajv.addKeyword('example');
  return ajv;
}

/**
 * The first parameter of the query string whose %-escapes do not decode (a cut-off escape,
 * or bytes that are not UTF-8): the query parser keeps those as sent, and they would be
 * read as text nobody wrote.
 */
function malformedQueryParameter(url: string): string | null {
  const start = url.indexOf('?');
  if (start < 0 || !url.includes('%', start)) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    try {
      decodeURIComponent(pair);
    } catch {
      return pair.split('=')[0] ?? '';
    }
  }
  return null;
}

/**
 * Every route's path parameters, query and JSON body, whatever its schema says (the SCIM
 * routes have none): a string or key holding U+0000 or a lone surrogate is refused here,
 * by where it is, rather than failing in the database (a 500) or being stored altered.
 */
async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const parameter = malformedQueryParameter(request.url);
  if (parameter !== null)
    throw new AppError('bad_request', 'bad_url', {}, [{ field: `/query/${parameter}`, key: 'malformed_escape' }]);
  const field =
    firstUnstorable(request.params, '/params') ??
    firstUnstorable(request.query, '/query') ??
    firstUnstorable(request.body, '/body');
  if (field !== null)
    throw new AppError('bad_request', 'unstorable_text', {}, [{ field, key: 'unstorable_character' }]);
}

export function installValidators(app: FastifyInstance) {
  const strict = makeAjv({ coerceTypes: false });
  const coercing = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    validateLazily(() => (httpPart === 'body' ? strict : coercing).compile(schema)),
  );
  app.addHook('preValidation', refuseUnstorableText);
}
