// PATCH (RFC 7644 §3.5.2) of a User: add, replace and remove, with a path or without one
// (then the value is an object of attributes), as Entra ID and Okta send them — Entra ID
// capitalises the operation ("Replace") and sends booleans as the strings "True" and
// "False". Attributes of the User schema that Riktning does not keep (title, phone numbers,
// the enterprise extension…) are accepted and dropped; anything else is refused.
import { badRequest } from './errors.ts';
import {
  ENTERPRISE_USER_SCHEMA,
  SCIM_LIMITS,
  USER_SCHEMA,
  attribute,
  isObject,
  readBoolean,
  readLocale,
  readText,
  readUserName,
  type ScimUserState,
} from './user.ts';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAX_OPERATIONS = 100;

export type PatchVerb = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  op: PatchVerb;
  path: string | undefined;
  value: unknown;
}

/** Reads a PatchOp body: its schema and each operation's op, path and value. */
export function parsePatch(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw badRequest('invalidSyntax', 'the body must be a PatchOp message (a JSON object)');
  const schemas = attribute(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s === PATCH_OP_SCHEMA)) {
    throw badRequest('invalidSyntax', `schemas must be ["${PATCH_OP_SCHEMA}"]`);
  }
  const operations = attribute(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw badRequest('invalidSyntax', 'Operations must be a non-empty list');
  }
  if (operations.length > MAX_OPERATIONS) throw badRequest('tooMany', `at most ${MAX_OPERATIONS} Operations`);
  return operations.map((operation, index) => {
    if (!isObject(operation)) throw badRequest('invalidSyntax', `Operations[${index}] must be an object`);
    const op = attribute(operation, 'op');
    const verb = typeof op === 'string' ? op.toLowerCase() : '';
    if (verb !== 'add' && verb !== 'replace' && verb !== 'remove') {
      throw badRequest('invalidSyntax', `Operations[${index}].op must be add, replace or remove`);
    }
    const path = attribute(operation, 'path');
    if (path !== undefined && path !== null && (typeof path !== 'string' || path.trim() === '')) {
      throw badRequest('invalidPath', `Operations[${index}].path must be a non-empty string`);
    }
    return { op: verb, path: typeof path === 'string' ? path.trim() : undefined, value: attribute(operation, 'value') };
  });
}

/** Attributes of the User schema (lower case) that are accepted and not kept. */
const DROPPED = new Set([
  'emails',
  'nickname',
  'profileurl',
  'title',
  'usertype',
  'timezone',
  'password',
  'phonenumbers',
  'addresses',
  'ims',
  'photos',
  'entitlements',
  'roles',
  'x509certificates',
  'name.middlename',
  'name.honorificprefix',
  'name.honorificsuffix',
]);

/** Attributes the provider may not write. */
const READ_ONLY = new Set(['id', 'meta', 'groups', 'schemas']);

type Target =
  | 'userName'
  | 'displayName'
  | 'name'
  | 'name.formatted'
  | 'name.givenName'
  | 'name.familyName'
  | 'active'
  | 'externalId'
  | 'locale'
  | 'dropped';

const TARGETS: Record<string, Target> = {
  username: 'userName',
  displayname: 'displayName',
  name: 'name',
  'name.formatted': 'name.formatted',
  'name.givenname': 'name.givenName',
  'name.familyname': 'name.familyName',
  active: 'active',
  externalid: 'externalId',
  locale: 'locale',
  preferredlanguage: 'locale',
};

/**
 * The attribute a path names. `emails[type eq "work"].value` and the like (a value filter
 * on a multi-valued attribute) name the attribute before the bracket.
 */
export function targetOf(path: string): Target {
  let lower = path.toLowerCase();
  const enterprise = ENTERPRISE_USER_SCHEMA.toLowerCase();
  if (lower === enterprise || lower.startsWith(`${enterprise}:`)) return 'dropped';
  const core = `${USER_SCHEMA.toLowerCase()}:`;
  if (lower.startsWith(core)) lower = lower.slice(core.length);
  const filtered = /^([a-z0-9]+)\[[^\]]*\](?:\.([a-z0-9]+))?$/.exec(lower);
  if (filtered) {
    if (DROPPED.has(filtered[1] ?? '')) return 'dropped';
    throw badRequest('invalidPath', `the path ${path.slice(0, 100)} names no attribute Riktning accepts`);
  }
  if (!/^[a-z0-9]+(?:\.[a-z0-9]+)?$/.test(lower)) {
    throw badRequest('invalidPath', `the path ${path.slice(0, 100)} is not a valid attribute path`);
  }
  const target = TARGETS[lower];
  if (target) return target;
  const [head = ''] = lower.split('.');
  if (DROPPED.has(lower) || DROPPED.has(head)) return 'dropped';
  if (READ_ONLY.has(head)) throw badRequest('mutability', `${path.slice(0, 100)} is read-only`);
  throw badRequest('invalidPath', `the path ${path.slice(0, 100)} names no attribute of the User schema`);
}

/** A user while operations apply: the name's parts as sent (undefined: not sent), and whether given or family name changed. */
interface Draft {
  state: ScimUserState;
  displayName: string | null | undefined;
  formatted: string | null | undefined;
  nameParts: boolean;
}

function write(draft: Draft, target: Target, value: unknown, path: string): void {
  const { state } = draft;
  switch (target) {
    case 'userName':
      state.userName = readUserName(value, path);
      return;
    case 'displayName':
      draft.displayName = readText(value, path, SCIM_LIMITS.name);
      return;
    case 'name.formatted':
      draft.formatted = readText(value, path, SCIM_LIMITS.name);
      return;
    case 'name.givenName':
      state.givenName = readText(value, path, SCIM_LIMITS.name);
      draft.nameParts = true;
      return;
    case 'name.familyName':
      state.familyName = readText(value, path, SCIM_LIMITS.name);
      draft.nameParts = true;
      return;
    case 'name':
      if (!isObject(value)) throw badRequest('invalidValue', `${path} must be an object`);
      for (const [key, sub] of Object.entries(value)) write(draft, targetOf(`name.${key}`), sub, `${path}.${key}`);
      return;
    case 'active':
      state.active = readBoolean(value, path);
      return;
    case 'externalId':
      state.externalId = readText(value, path, SCIM_LIMITS.externalId);
      return;
    case 'locale':
      state.locale = readLocale(value, path) ?? state.locale;
      return;
    case 'dropped':
      return;
  }
}

function remove(draft: Draft, target: Target, path: string): void {
  switch (target) {
    case 'userName':
    case 'active':
      throw badRequest('mutability', `${path} is required and cannot be removed`);
    case 'name':
      draft.formatted = null;
      draft.state.givenName = null;
      draft.state.familyName = null;
      draft.nameParts = true;
      return;
    case 'locale':
      return;
    default:
      write(draft, target, null, path);
  }
}

/** The user after the operations, all or nothing: the first bad one refuses the whole PATCH. */
export function applyPatch(current: ScimUserState, operations: readonly PatchOperation[]): ScimUserState {
  const draft: Draft = { state: { ...current }, displayName: undefined, formatted: undefined, nameParts: false };
  for (const { op, path, value } of operations) {
    if (path === undefined) {
      if (op === 'remove') throw badRequest('noTarget', 'a remove operation needs a path');
      if (!isObject(value)) throw badRequest('invalidValue', `an ${op} without a path needs an object value`);
      for (const [key, sub] of Object.entries(value)) {
        // A key may be a schema's URN with that schema's attributes beneath it.
        if (key.toLowerCase() === USER_SCHEMA.toLowerCase() && isObject(sub)) {
          for (const [inner, innerValue] of Object.entries(sub)) write(draft, targetOf(inner), innerValue, inner);
        } else {
          write(draft, targetOf(key), sub, key);
        }
      }
    } else if (op === 'remove') {
      remove(draft, targetOf(path), path);
    } else {
      write(draft, targetOf(path), value, path);
    }
  }
  const { state } = draft;
  // The one name: as sent, else (when given or family name changed, or the name was removed) made of them.
  const explicit = draft.displayName ?? draft.formatted ?? null;
  if (explicit !== null) {
    state.name = explicit;
  } else if (draft.nameParts || draft.displayName === null || draft.formatted === null) {
    state.name = [state.givenName, state.familyName].filter((part) => part !== null).join(' ') || current.name;
  }
  return state;
}
