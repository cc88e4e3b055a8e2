import { describe, expect, it } from 'vitest';
import { openingLevel, ownerChoices } from './owner-choices.ts';

const abilities = (names: string[]) => Object.fromEntries(names.map((name) => [name, true]));
const ADMIN = abilities([
  'objective.createOwn',
  'objective.createForOrg',
  'objective.createForAnyUnit',
  'objective.createForAnyone',
]);

describe('whom a new objective may be for', () => {
  it('an admin: every level, every unit, anyone', () => {
    const choices = ownerChoices({ abilities: ADMIN, ledUnitIds: [] });
    expect(choices).toEqual({ levels: ['organization', 'unit', 'person'], unitIds: null, anyone: true });
    expect(openingLevel(choices, 'organization', null)).toBe('organization');
  });

  it('a member: her own objectives only, and the organisation is not on offer even when asked for', () => {
    const choices = ownerChoices({ abilities: abilities(['objective.createOwn']), ledUnitIds: [] });
    expect(choices).toEqual({ levels: ['person'], unitIds: new Set(), anyone: false });
    expect(openingLevel(choices, 'organization', null)).toBe('person');
    expect(openingLevel(choices, null, 'u1')).toBe('person');
  });

  it('a lead: her own and the units she leads', () => {
    const choices = ownerChoices({ abilities: abilities(['objective.createOwn']), ledUnitIds: ['u1', 'u2'] });
    expect(choices.levels).toEqual(['unit', 'person']);
    expect(choices.unitIds).toEqual(new Set(['u1', 'u2']));
    expect(openingLevel(choices, null, 'u1')).toBe('unit');
  });

  it('a viewer: nothing', () => {
    const choices = ownerChoices({ abilities: {}, ledUnitIds: [] });
    expect(choices.levels).toEqual([]);
    expect(openingLevel(choices, 'person', null)).toBeNull();
  });
});
