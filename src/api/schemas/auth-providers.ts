// The single sign-on providers the sign-in page offers (docs/sso.md).
import { Type } from 'typebox';
import { SSO_MAPPED_ROLES } from '../../core/sso.ts';
import { Timestamp } from './common.ts';

export const AuthProviderSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'What the sign-in button names: "Sign in with {name}"' }),
  startUrl: Type.String({ description: 'Where the browser goes to sign in with it' }),
});

const RoleMap = Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.Enum([...SSO_MAPPED_ROLES]), {
  description: 'Group (as the groups claim names it) → role in the organisation, applied at every sign-in',
  maxProperties: 100,
});

/** An organisation's own provider, as its admins set it (docs/sso.md). */
export const OrgSsoProviderBody = Type.Object(
  {
    issuer: Type.String({ minLength: 1, maxLength: 500, description: 'https URL of the provider (its issuer)' }),
    clientId: Type.String({ minLength: 1, maxLength: 500 }),
    clientSecret: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'Required the first time; left out, it stays' }),
    ),
    name: Type.String({ minLength: 1, maxLength: 100, description: 'The sign-in button says "Sign in with {name}"' }),
    allowedDomains: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { maxItems: 50 }),
    groupsClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    roleMap: RoleMap,
  },
  { additionalProperties: false },
);

export const OrgSsoProviderSchema = Type.Object({
  issuer: Type.String(),
  clientId: Type.String(),
  name: Type.String(),
  allowedDomains: Type.Array(Type.String()),
  groupsClaim: Type.String(),
  roleMap: RoleMap,
  redirectUri: Type.String({ description: 'Register this with the provider as the redirect URI' }),
  signInUrl: Type.String({ description: 'The sign-in page that offers this provider' }),
  version: Type.Integer(),
  updatedAt: Timestamp,
});
