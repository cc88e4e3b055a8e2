// Service accounts (docs/service-accounts.md).
import { Type } from 'typebox';
import { SERVICE_SCOPES } from '../../core/service-scopes.ts';
import { Nullable, Timestamp, Uuid } from './common.ts';
import { TokenLifetimeDays } from './me.ts';

const ScopeSchema = Type.Enum([...SERVICE_SCOPES]);

export const CreateServiceAccountBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Names it in lists and in the audit log' }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: SERVICE_SCOPES.length, uniqueItems: true }),
    unitId: Type.Optional(
      Nullable(
        Type.String({ description: 'Changes only this unit and those beneath it (reads stay organisation-wide)' }),
      ),
    ),
    /** Kept for every token it is given: at creation and at each rotation. */
    tokenLifetimeDays: Type.Optional(Nullable(TokenLifetimeDays)),
  },
  { additionalProperties: false },
);

export const ServiceAccountSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  scopes: Type.Array(ScopeSchema),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  createdAt: Timestamp,
  /** When a token of it was last used, to the minute. */
  lastUsedAt: Nullable(Timestamp),
  /** Days each of its tokens works (at creation and each rotation); null: until revoked. */
  tokenLifetimeDays: Nullable(Type.Integer()),
  /** When its current token stops working (401 token_expired after); null: never. */
  tokenExpiresAt: Nullable(Timestamp),
});

export const ServiceAccountWithTokenSchema = Type.Intersect([
  ServiceAccountSchema,
  Type.Object({
    token: Type.String({ description: 'rks_…: shown only in this answer; send it as Authorization: Bearer' }),
  }),
]);
