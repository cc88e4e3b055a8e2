import { Type } from 'typebox';
import { Timestamp } from './common.ts';

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
  name: Type.String(),
  expiresAt: Timestamp,
});

export const AcceptInvitationBody = Type.Object(
  {
    password: Type.String({ maxLength: 1024, description: '8–128 characters, not one of the most common passwords' }),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Corrects the name the admin gave' }),
    ),
  },
  { additionalProperties: false },
);
