// Request validation with two Ajv instances: query strings and path parameters arrive as
// text and are coerced to the declared types; JSON bodies are taken exactly as sent, so
// `null` never silently becomes 0 and unknown fields are rejected rather than dropped.
import type { FastifyInstance } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { validateLazily } from './lazy-compile.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, ...options });
  addFormats(ajv);
  // TypeBox and OpenAPI annotations that Ajv should ignore.
  ajv.addKeyword('example');
  return ajv;
}

export function installValidators(app: FastifyInstance) {
  const strict = makeAjv({ coerceTypes: false });
  const coercing = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    validateLazily(() => (httpPart === 'body' ? strict : coercing).compile(schema)),
  );
}
