// Strategy themes (docs/themes.md).
import { Type } from 'typebox';
import { THEME_LIMITS } from '../../core/limits.ts';
import { Timestamp, Uuid } from './common.ts';

const Name = Type.String({ minLength: 1, maxLength: THEME_LIMITS.name, description: 'Unique in the organisation' });
const Description = Type.String({
  maxLength: THEME_LIMITS.description,
  description: 'What the theme means; plain text',
});
const Position = Type.Integer({ minimum: 0, maximum: 1000, description: 'Order in the list; lowest first' });

export const CreateThemeBody = Type.Object(
  { name: Name, description: Type.Optional(Description), position: Type.Optional(Position) },
  { additionalProperties: false },
);

export const UpdateThemeBody = Type.Object(
  { name: Type.Optional(Name), description: Type.Optional(Description), position: Type.Optional(Position) },
  { additionalProperties: false, minProperties: 1 },
);

export const ThemeSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  position: Type.Integer(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
