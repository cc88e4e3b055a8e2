// The SCIM User resource (RFC 7643 §4.1) as Riktning keeps it: an account (its e-mail is
// the userName, its one name the displayName) and what the provider said besides
// (externalId, given and family name). Reading a provider's body and presenting a member.
import { LOCALES, type Locale } from '../domain.ts';
import { badRequest } from './errors.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Schemas a User body may name: the core one, and Entra ID's and Okta's enterprise extension (whose attributes are not kept). */
const KNOWN_SCHEMAS = new Set([USER_SCHEMA, ENTERPRISE_USER_SCHEMA].map((s) => s.toLowerCase()));

export const SCIM_LIMITS = {
  userName: 320,
  name: 200,
  externalId: 255,
} as const;

/** A member as the use cases read them. */
export interface ScimUserRecord {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  active: boolean;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  created: Date;
  lastModified: Date;
  /** Opaque: changes with every change of the resource (the account's and the SCIM row's versions). */
  version: string;
}

/** What a provider may set. `locale` null leaves the account's language as it is. */
export interface ScimUserState {
  userName: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  active: boolean;
  locale: Locale | null;
  externalId: string | null;
}

export interface ScimUser {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  name: { formatted: string; givenName?: string; familyName?: string };
  displayName: string;
  emails: { value: string; type: 'work'; primary: true }[];
  active: boolean;
  locale: Locale;
  preferredLanguage: Locale;
  meta: { resourceType: 'User'; created: string; lastModified: string; location: string; version: string };
}

export const resourceVersion = (accountVersion: number, scimVersion: number): string =>
  `${accountVersion}-${scimVersion}`;

/** The weak ETag of a version, as meta.version and the ETag header carry it. */
export const etagOf = (version: string): string => `W/"${version}"`;

/** Whether an If-Match header names the version (weak or strong, or `*`); RFC 7232 lists are honoured. */
export function ifMatchHolds(header: string, version: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === `"${version}"`);
}

export function presentUser(record: ScimUserRecord, baseUrl: string): ScimUser {
  return {
    schemas: [USER_SCHEMA],
    id: record.id,
    ...(record.externalId === null ? {} : { externalId: record.externalId }),
    userName: record.email,
    name: {
      formatted: record.name,
      ...(record.givenName === null ? {} : { givenName: record.givenName }),
      ...(record.familyName === null ? {} : { familyName: record.familyName }),
    },
    displayName: record.name,
    emails: [{ value: record.email, type: 'work', primary: true }],
    active: record.active,
    locale: record.locale,
    preferredLanguage: record.locale,
    meta: {
      resourceType: 'User',
      created: record.created.toISOString(),
      lastModified: record.lastModified.toISOString(),
      location: `${baseUrl}/Users/${record.id}`,
      version: etagOf(record.version),
    },
  };
}

export function stateOf(record: ScimUserRecord): ScimUserState {
  return {
    userName: record.email,
    name: record.name,
    givenName: record.givenName,
    familyName: record.familyName,
    active: record.active,
    locale: record.locale,
    externalId: record.externalId,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The account's e-mail address from a userName: trimmed, lower case, an address. */
export function readUserName(value: unknown, attribute = 'userName'): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('invalidValue', `${attribute} is required`);
  const email = value.trim().toLowerCase();
  if (email.length > SCIM_LIMITS.userName || !EMAIL.test(email)) {
    throw badRequest('invalidValue', `${attribute} must be an e-mail address (Riktning signs people in by it)`);
  }
  return email;
}

/** A text attribute: null when absent or empty, refused when not text or too long. */
export function readText(value: unknown, attribute: string, limit: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badRequest('invalidValue', `${attribute} must be a string`);
  const text = value.trim();
  if (text.length > limit) throw badRequest('invalidValue', `${attribute} is longer than ${limit} characters`);
  return text === '' ? null : text;
}

/** A boolean, also as Entra ID sends it in a PATCH: the strings "True" and "False". */
export function readBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw badRequest('invalidValue', `${attribute} must be a boolean`);
}

/** sv or en from a language tag (`sv-SE`, `en_US`, `en`); null for any other language. */
export function readLocale(value: unknown, attribute: string): Locale | null {
  const tag = readText(value, attribute, 35);
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return LOCALES.find((locale) => locale === primary) ?? null;
}

/** The account's one name: the displayName, else the formatted name, else given and family names, else the address's local part. */
export function accountName(parts: {
  displayName: string | null;
  formatted: string | null;
  givenName: string | null;
  familyName: string | null;
  userName: string;
}): string {
  const joined = [parts.givenName, parts.familyName].filter((p) => p !== null).join(' ');
  return parts.displayName ?? parts.formatted ?? (joined || parts.userName.split('@')[0] || parts.userName);
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An attribute of an object by its name in any case (SCIM attribute names are case-insensitive). */
export function attribute(object: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

/** Checks `schemas`: it must name the core User schema, and nothing Riktning does not know. */
export function checkSchemas(body: Record<string, unknown>): void {
  const schemas = attribute(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string')) {
    throw badRequest('invalidSyntax', `schemas must be a list naming ${USER_SCHEMA}`);
  }
  const unknown = schemas.find((s) => !KNOWN_SCHEMAS.has(s.toLowerCase()));
  if (unknown !== undefined) throw badRequest('invalidSyntax', `schemas: unknown schema ${unknown.slice(0, 200)}`);
  if (!schemas.some((s) => s.toLowerCase() === USER_SCHEMA.toLowerCase())) {
    throw badRequest('invalidSyntax', `schemas must name ${USER_SCHEMA}`);
  }
}

/** A User body of a POST or PUT. `active` is undefined when not sent (a PUT then leaves it as it is). */
export function parseUser(body: unknown): Omit<ScimUserState, 'active'> & { active: boolean | undefined } {
  if (!isObject(body)) throw badRequest('invalidSyntax', 'the body must be a User resource (a JSON object)');
  checkSchemas(body);
  const userName = readUserName(attribute(body, 'userName'));
  const nameValue = attribute(body, 'name');
  if (nameValue !== undefined && nameValue !== null && !isObject(nameValue)) {
    throw badRequest('invalidValue', 'name must be an object');
  }
  const name = isObject(nameValue) ? nameValue : {};
  const givenName = readText(attribute(name, 'givenName'), 'name.givenName', SCIM_LIMITS.name);
  const familyName = readText(attribute(name, 'familyName'), 'name.familyName', SCIM_LIMITS.name);
  const formatted = readText(attribute(name, 'formatted'), 'name.formatted', SCIM_LIMITS.name);
  const displayName = readText(attribute(body, 'displayName'), 'displayName', SCIM_LIMITS.name);
  const activeValue = attribute(body, 'active');
  const locale =
    readLocale(attribute(body, 'preferredLanguage'), 'preferredLanguage') ??
    readLocale(attribute(body, 'locale'), 'locale');
  return {
    userName,
    name: accountName({ displayName, formatted, givenName, familyName, userName }),
    givenName,
    familyName,
    active: activeValue === undefined || activeValue === null ? undefined : readBoolean(activeValue, 'active'),
    locale,
    externalId: readText(attribute(body, 'externalId'), 'externalId', SCIM_LIMITS.externalId),
  };
}
