// The filters a provider asks before it creates anyone (RFC 7644 §3.4.2.2): one `eq`
// comparison of userName, externalId or emails.value with a string. Attribute names and
// the operator are case-insensitive; anything else is refused as invalidFilter, rather
// than answered as if the filter matched everyone.
import { badRequest } from './errors.ts';

export type FilterAttribute = 'userName' | 'externalId' | 'emails.value';

export interface UserFilter {
  attribute: FilterAttribute;
  value: string;
}

const ATTRIBUTES: Record<string, FilterAttribute> = {
  username: 'userName',
  externalid: 'externalId',
  'emails.value': 'emails.value',
};

const CORE_PREFIX = 'urn:ietf:params:scim:schemas:core:2.0:user:';
const MAX_FILTER_LENGTH = 1000;

/** `attribute SP "eq" SP "json string"`, with any spacing around the parts. */
const COMPARISON = /^\s*(\S+?)\s+(\w+)\s+("(?:[^"\\]|\\.)*")\s*$/;

export function parseFilter(filter: string): UserFilter {
  if (filter.length > MAX_FILTER_LENGTH) throw badRequest('invalidFilter', 'the filter is too long');
  const match = COMPARISON.exec(filter);
  if (!match) {
    throw badRequest(
      'invalidFilter',
      'only filters of the form userName eq "…", externalId eq "…" or emails.value eq "…" are supported',
    );
  }
  const [, path = '', operator = '', literal = ''] = match;
  let name = path.toLowerCase();
  if (name.startsWith(CORE_PREFIX)) name = name.slice(CORE_PREFIX.length);
  const attribute = ATTRIBUTES[name];
  if (!attribute) throw badRequest('invalidFilter', `filtering by ${path.slice(0, 100)} is not supported`);
  if (operator.toLowerCase() !== 'eq') {
    throw badRequest('invalidFilter', `the operator ${operator.slice(0, 20)} is not supported; use eq`);
  }
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    throw badRequest('invalidFilter', 'the compared value is not a valid string');
  }
  return { attribute, value: String(value) };
}
