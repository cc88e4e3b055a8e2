import { Type } from 'typebox';
import { Locale } from './me.ts';
import { Slug } from './org.ts';

export const SetupStatusSchema = Type.Object({
  needed: Type.Boolean({ description: 'True while the installation has no account: the first-run set-up is open' }),
});

export const SetupBody = Type.Object(
  {
    organizationName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'The first person’s name' }),
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Type.String({ maxLength: 1024, description: '8–128 characters, not one of the most common passwords' }),
    locale: Locale,
  },
  { additionalProperties: false },
);
