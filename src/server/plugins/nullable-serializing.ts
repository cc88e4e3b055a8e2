// The API's schemas write "this or null" as `anyOf: [schema, { type: 'null' }]` (Nullable in
// api/schemas/common.ts), which is what the OpenAPI document and the request validators
// should see. fast-json-stringify, though, answers an `anyOf` by running Ajv on every value
// to learn which branch it is in: the format checks of a uuid or a timestamp, for every
// nullable field of every item. Told `nullable: true` instead, it writes `null` or the
// value with no check. Same output, a quarter less time on a page of objectives.

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNullType = (schema: unknown): boolean =>
  isObject(schema) && schema.type === 'null' && Object.keys(schema).length === 1;

/** The schema of a "this or null" union, if `schema` is one that fast-json-stringify can write as nullable. */
function nonNullBranch(schema: Schema): Schema | null {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return null;
  const nullAt = branches.findIndex(isNullType);
  if (nullAt < 0) return null;
  const other: unknown = branches[1 - nullAt];
  if (!isObject(other) || 'anyOf' in other || 'oneOf' in other || 'allOf' in other || '$ref' in other) return null;
  // Ajv (which fast-json-stringify compiles the schema with) takes `nullable` only beside one `type`.
  if (typeof other.type !== 'string' || other.nullable === true) return null;
  return other;
}

/** A copy of a response schema for serializing, its "this or null" unions written as `nullable`. */
export function nullableForSerializing(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableForSerializing);
  if (!isObject(schema)) return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = nullableForSerializing(value);
  const branch = nonNullBranch(schema);
  if (!branch) return copy;
  delete copy.anyOf;
  return { ...copy, ...(nullableForSerializing(branch) as Schema), nullable: true };
}
