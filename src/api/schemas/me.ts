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
});

/** The answer to every way of signing in: the account and the token to echo in X-CSRF-Token. */
export const SignedInSchema = Type.Object({ account: MeSchema, csrfToken: Type.String() });
