// Quick search (the Ctrl+K dialog): hits of each kind, grouped, each group limited.
import { Type } from 'typebox';
import { OBJECTIVE_LEVELS } from '../../core/domain.ts';
import { SEARCH_LIMITS } from '../../core/limits.ts';
import { Uuid } from './common.ts';

export const SearchQuery = Type.Object(
  {
    // The length is checked after trimming (422 naming /query/q), which a schema cannot do.
    q: Type.String({
      description: `Text to find in titles, names and e-mail addresses: ${SEARCH_LIMITS.minQuery}–${SEARCH_LIMITS.maxQuery} characters once trimmed, matched literally (% and _ too), case-insensitively. Two characters match the start of a word, more anywhere.`,
    }),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: SEARCH_LIMITS.maxPerGroup,
        description: `Hits per group (default ${SEARCH_LIMITS.defaultPerGroup})`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const SearchHitsSchema = Type.Object(
  {
    objectives: Type.Array(
      Type.Object({
        id: Uuid,
        title: Type.String(),
        level: Type.Enum([...OBJECTIVE_LEVELS]),
        ownerName: Type.String({ description: 'The unit’s, the person’s or the organisation’s name' }),
        cycleId: Uuid,
        cycleName: Type.String(),
      }),
      { description: 'Objectives the caller may read (private ones and drafts only their owners’), not archived' },
    ),
    keyResults: Type.Array(
      Type.Object({ id: Uuid, title: Type.String(), objectiveId: Uuid, objectiveTitle: Type.String() }),
      { description: 'Key results of objectives the caller may read, neither archived' },
    ),
    units: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() }), {
      description: 'Units that are not archived',
    }),
    people: Type.Array(Type.Object({ accountId: Uuid, name: Type.String(), email: Type.String() }), {
      description: 'Members, found by name or e-mail address (every member sees both, as in the member list)',
    }),
  },
  {
    description:
      'Each group ranked: exact matches, then those starting with the query, then the rest; objectives and key results of a current cycle first at each rank',
  },
);
