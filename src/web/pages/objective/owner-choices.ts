// Whom a person may write a new objective for, from the organisation's answer (its
// abilities and the units they lead): the form offers only these owners, so nobody fills
// in an objective the server would refuse.
import { OBJECTIVE_LEVELS, type ObjectiveLevel } from '../../../core/domain.ts';
import type { Org } from '../../api/types.ts';

export interface OwnerChoices {
  levels: ObjectiveLevel[];
  /** The units on offer; null for every unit. */
  unitIds: ReadonlySet<string> | null;
  /** Whether any person may be the owner, or only the person themselves. */
  anyone: boolean;
}

export function ownerChoices(org: Pick<Org, 'abilities' | 'ledUnitIds'>): OwnerChoices {
  const may = (ability: string) => org.abilities[ability] === true;
  const anyUnit = may('objective.createForAnyUnit');
  const anyone = may('objective.createForAnyone');
  const allowed: Record<ObjectiveLevel, boolean> = {
    organization: may('objective.createForOrg'),
    unit: anyUnit || org.ledUnitIds.length > 0,
    person: anyone || may('objective.createOwn'),
  };
  return {
    levels: OBJECTIVE_LEVELS.filter((level) => allowed[level]),
    unitIds: anyUnit ? null : new Set(org.ledUnitIds),
    anyone,
  };
}

/** The level the form opens at: the one asked for if allowed, else a unit's, one's own, or the first on offer. */
export function openingLevel(
  choices: OwnerChoices,
  asked: string | null,
  unitId: string | null,
): ObjectiveLevel | null {
  const offered = (level: ObjectiveLevel) => choices.levels.includes(level);
  const askedLevel = choices.levels.find((level) => level === asked);
  if (askedLevel) return askedLevel;
  if (unitId && offered('unit')) return 'unit';
  if (offered('person')) return 'person';
  return choices.levels[0] ?? null;
}
