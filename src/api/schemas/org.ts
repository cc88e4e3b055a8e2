import { Type } from 'typebox';
import { LOCALES, ORG_ROLES } from '../../core/domain.ts';
import { RULE_IDS } from '../../core/coach/rule-ids.ts';
import { SLUG_LENGTH, SLUG_PATTERN } from '../../core/slug.ts';
import { LongText, Timestamp, Uuid } from './common.ts';
import { ThemeSchema } from './themes.ts';

export const Abilities = Type.Record(Type.String(), Type.Boolean(), {
  description: 'What the caller may do here, from the permission policy; the web app shows controls by it.',
});

const FocusRange = Type.Object(
  {
    objectivesMin: Type.Integer({ minimum: 0, maximum: 20 }),
    objectivesMax: Type.Integer({ minimum: 1, maximum: 20 }),
    keyResultsMin: Type.Integer({ minimum: 0, maximum: 20 }),
    keyResultsMax: Type.Integer({ minimum: 1, maximum: 20 }),
  },
  { additionalProperties: false },
);

export const CoachRuleId = Type.Enum([...RULE_IDS], { description: 'A coach rule' });

const CoachSettings = Type.Object(
  {
    disabledRules: Type.Array(CoachRuleId, {
      uniqueItems: true,
      maxItems: RULE_IDS.length,
      description: 'Rules switched off for the whole organisation',
    }),
  },
  { additionalProperties: false },
);

export const OrgSettingsSchema = Type.Object(
  {
    focus: Type.Optional(FocusRange),
    checkInCadenceDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    fiscalYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    coach: Type.Optional(CoachSettings),
    ssoRequired: Type.Optional(
      Type.Boolean({
        description:
          'Members sign in through single sign-on only (the installation must have it); owners keep their password',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Slug = Type.String({ minLength: SLUG_LENGTH.min, maxLength: SLUG_LENGTH.max, pattern: SLUG_PATTERN });

export const OrgSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  vision: Type.String(),
  mission: Type.String(),
  strategy: Type.String({ description: 'Markdown' }),
  themes: Type.Array(ThemeSchema, { description: 'The strategy as a few named themes, in their order' }),
  defaultLocale: Type.Enum([...LOCALES]),
  settings: OrgSettingsSchema,
  version: Type.Integer(),
  role: Type.Enum([...ORG_ROLES]),
  abilities: Abilities,
  ledUnitIds: Type.Array(Uuid, {
    description: 'The units the caller leads, with every unit beneath them: those whose objectives they may write',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateOrgBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Slug,
    defaultLocale: Type.Optional(Type.Enum([...LOCALES])),
  },
  { additionalProperties: false },
);

export const UpdateOrgBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    slug: Type.Optional(Slug),
    vision: Type.Optional(LongText),
    mission: Type.Optional(LongText),
    strategy: Type.Optional(LongText),
    defaultLocale: Type.Optional(Type.Enum([...LOCALES])),
    settings: Type.Optional(OrgSettingsSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
