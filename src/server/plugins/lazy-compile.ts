// Fastify compiles every route's request validators (Ajv) and response serializers
// (fast-json-stringify) while the server starts: about half a second for all our routes,
// most of which a process may not serve for a while. These compile each one on its first
// use instead, so a route's first request pays its few milliseconds, and a start does not
// pay for all of them. (A broken schema then fails on its route's first request; the
// OpenAPI, permission-walk and fuzz tests call every route.)
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import type { ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { nullableForSerializing } from './nullable-serializing.ts';

type ValidationResult = ReturnType<FastifySchemaCompiler<unknown>>;

/** An Ajv validate function that compiles itself on its first call. */
export function validateLazily(compile: () => ValidateFunction): ValidationResult {
  let compiled: ValidateFunction | undefined;
  const validate: ValidationResult & { schemaEnv?: true } = (
    data: unknown,
    context?: Parameters<ValidateFunction>[1],
  ) => {
    compiled ??= compile();
    const valid = compiled(data, context);
    // Fastify reads a failure's reasons from the function it called.
    validate.errors = compiled.errors;
    return valid;
  };
  // Fastify hands Ajv functions (which it knows by `schemaEnv`) the request as the parent
  // of the value, so coercion and defaults may replace a whole query string or params object.
  validate.schemaEnv = true;
  return validate;
}

/**
 * Fastify's own serializer factory, with each route's serializer compiled on its first
 * answer, from the schema as nullable-serializing.ts rewrites it.
 */
export const lazySerializers: SerializerFactory = (externalSchemas, options) => {
  const compile = SerializerSelector()(externalSchemas, options);
  return (route) => {
    let serialize: ((doc: unknown) => string) | undefined;
    return (doc) => (serialize ??= compile({ ...route, schema: nullableForSerializing(route.schema) }))(doc);
  };
};
