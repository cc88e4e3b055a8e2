// The organisation's archive (admins): what is archived, to restore.
import { Type } from 'typebox';
import { ARCHIVABLE_KINDS } from '../../core/domain.ts';
import { Nullable, PageQuery, Timestamp, Uuid } from './common.ts';

const Named = (description: string) => Nullable(Type.Object({ id: Uuid, name: Type.String() }, { description }));
const Titled = (description: string) => Nullable(Type.Object({ id: Uuid, title: Type.String() }, { description }));

export const ListArchivedQuery = Type.Object(
  { kind: Type.Optional(Type.Enum([...ARCHIVABLE_KINDS], { description: 'Only this kind' })), ...PageQuery },
  { additionalProperties: false },
);

export const ArchivedItemSchema = Type.Object({
  kind: Type.Enum([...ARCHIVABLE_KINDS]),
  id: Uuid,
  title: Type.String({ description: 'A unit’s name' }),
  version: Type.Integer({ description: 'For If-Match when restoring (POST …/restore)' }),
  archivedAt: Timestamp,
  archivedBy: Named('Who archived it (from the audit log)'),
  objective: Titled('The objective a key result or an activity belongs to'),
  keyResult: Titled('The key result an activity belongs to'),
  unit: Named('The unit that owns an objective, or the unit above a unit'),
  person: Named('The person who owns an individual objective'),
  unitsBeneath: Type.Integer({ description: 'Units archived with a unit (beneath it); they are restored with it' }),
  blockedBy: Nullable(
    Type.Object(
      { kind: Type.Enum(['objective', 'keyResult', 'unit']), id: Uuid, title: Type.String() },
      { description: 'What must be restored first: restoring this alone is refused with 409' },
    ),
  ),
});
