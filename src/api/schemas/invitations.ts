import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.ts';
import { OrgRoleSchema } from './members.ts';

export const InvitationLinkSchema = Type.Object(
  {
    url: Type.String({
      description: 'A path of the web app (`/invite/<token>`), relative to the server’s address; shown only here',
    }),
    expiresAt: Timestamp,
  },
  { description: 'A link to hand to the person: with it they choose a password and sign in' },
);

export const InvitationParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

export const InvitationSchema = Type.Object({
  orgName: Type.String(),
  email: Type.String(),
  name: Type.Optional(Type.String({ description: 'The name to start from when choosing a password' })),
  expiresAt: Timestamp,
  acceptBy: Type.Union([Type.Literal('password'), Type.Literal('sign_in')], {
    description:
      '`password`: the person is new and chooses a password (POST …/accept); `sign_in`: they sign in as the invited account and join (POST …/join)',
  }),
});

export const PendingInvitationSchema = Type.Object(
  {
    email: Type.String(),
    role: OrgRoleSchema,
    expiresAt: Timestamp,
  },
  {
    description:
      'The invitation mailed to the address; the person becomes a member on accepting it. The same for every address, known or not',
  },
);

export const JoinedOrganisationSchema = Type.Object({ orgId: Uuid, role: OrgRoleSchema });

export const AcceptInvitationBody = Type.Object(
  {
    password: Type.String({ maxLength: 1024, description: '8–128 characters, not one of the most common passwords' }),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Corrects the name the admin gave' }),
    ),
  },
  { additionalProperties: false },
);
