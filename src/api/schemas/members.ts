import { Type } from 'typebox';
import { ORG_ROLES, UNIT_ROLES } from '../../core/domain.ts';
import { Nullable, PageQuery, Timestamp, Uuid } from './common.ts';

export const OrgRoleSchema = Type.Enum([...ORG_ROLES]);

export const MemberSchema = Type.Object({
  accountId: Uuid,
  name: Type.String(),
  email: Type.String(),
  role: OrgRoleSchema,
  units: Type.Array(Type.Object({ unitId: Uuid, role: Type.Enum([...UNIT_ROLES]) }), {
    description: 'The units (not archived) the person belongs to',
  }),
  /** When provisioning (SCIM) switched the membership off: the person no longer gets in here. */
  deactivatedAt: Nullable(Timestamp),
});

export const MemberParams = Type.Object({ orgId: Uuid, accountId: Uuid });

export const ListMembersQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name or e-mail address' })),
});

export const AddMemberBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'Used only when the e-mail address is new to Riktning; the person may correct it on accepting',
    }),
    role: OrgRoleSchema,
  },
  { additionalProperties: false },
);

export const UpdateMemberBody = Type.Object({ role: OrgRoleSchema }, { additionalProperties: false });
