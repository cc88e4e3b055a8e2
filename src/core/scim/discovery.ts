// What the service provider says about itself (RFC 7644 §4, RFC 7643 §5–7): what it
// supports, its one resource type, and the User schema as far as Riktning keeps it.
import { LIST_RESPONSE_SCHEMA, USER_SCHEMA } from './user.ts';

export const SCIM_PAGE = { defaultCount: 100, maxCount: 200, maxStartIndex: 1_000_000_000 } as const;

const CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_PAGE.maxCount },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A service account token (rks_…) with the scope "scim", made by an admin of the organisation',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function userResourceType(baseUrl: string) {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A member of the organisation',
    schema: USER_SCHEMA,
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  };
}

const text = (name: string, description: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export function userSchema(baseUrl: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: USER_SCHEMA,
    name: 'User',
    description: 'A member of the organisation',
    attributes: [
      text('userName', 'The e-mail address the person signs in with', { required: true, uniqueness: 'server' }),
      {
        name: 'name',
        type: 'complex',
        multiValued: false,
        description: 'The name; Riktning shows formatted (the displayName)',
        required: false,
        mutability: 'readWrite',
        returned: 'default',
        subAttributes: [
          text('formatted', 'The whole name'),
          text('givenName', 'The given name'),
          text('familyName', 'The family name'),
        ],
      },
      text('displayName', 'The name Riktning shows'),
      {
        name: 'emails',
        type: 'complex',
        multiValued: true,
        description: 'The userName, as the one work address (read-only: set userName)',
        required: false,
        mutability: 'readOnly',
        returned: 'default',
        subAttributes: [text('value', 'The address'), text('type', 'work')],
      },
      text('preferredLanguage', 'sv or en (from a tag such as sv-SE); other languages leave it as it is'),
      text('locale', 'As preferredLanguage'),
      {
        name: 'active',
        type: 'boolean',
        multiValued: false,
        description: 'False: the person can no longer reach the organisation; their OKRs stay',
        required: false,
        mutability: 'readWrite',
        returned: 'default',
      },
    ],
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
  };
}

/** A ListResponse of everything in `resources` (the discovery endpoints are never paged). */
export function listOf<T>(resources: T[]) {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  };
}

/** startIndex (1-based, at least 1) and count (0 to the maximum) from a query string's text. */
export function pageOf(query: { startIndex?: string; count?: string }): { startIndex: number; count: number } {
  const whole = (value: string | undefined, fallback: number) => {
    const number = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
    return Number.isFinite(number) ? Math.trunc(number) : fallback;
  };
  return {
    startIndex: Math.min(SCIM_PAGE.maxStartIndex, Math.max(1, whole(query.startIndex, 1))),
    count: Math.min(SCIM_PAGE.maxCount, Math.max(0, whole(query.count, SCIM_PAGE.defaultCount))),
  };
}
