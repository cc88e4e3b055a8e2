import { Type } from 'typebox';
import { LOCALES, ORG_ROLES } from '../../core/domain.ts';
import { Nullable, Timestamp, Uuid } from './common.ts';

export const Locale = Type.Enum([...LOCALES]);

export const MeSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  locale: Locale,
  version: Type.Integer(),
  memberships: Type.Array(
    Type.Object({ orgId: Uuid, orgName: Type.String(), orgSlug: Type.String(), role: Type.Enum([...ORG_ROLES]) }),
  ),
});

export const ApiTokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  /** When it stops working (401 token_expired after); null: until revoked. */
  expiresAt: Nullable(Timestamp),
});

/** Days a new token works, up to ten years; absent or null: until revoked. */
export const TokenLifetimeDays = Type.Integer({
  minimum: 1,
  maximum: 3650,
  description: 'Days the token works from when it is made; absent or null: until revoked',
});

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Nullable(TokenLifetimeDays)),
  },
  { additionalProperties: false },
);

/** The answer to every way of signing in: the account and the token to echo in X-CSRF-Token. */
export const SignedInSchema = Type.Object({ account: MeSchema, csrfToken: Type.String() });
