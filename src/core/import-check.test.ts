import { describe, expect, it } from 'vitest';
import { checkImportDocument, peopleToImport, type ImportDocument } from './import-check.ts';

/** The item at `i`, which the test's document has. */
function at<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small document that holds together: two people, a unit tree, a year and a quarter, two objectives. */
function valid(): ImportDocument {
  return {
    organization: { themes: [{ id: id(5), name: 'Nära kunden' }] },
    people: [
      { id: id(1), email: 'ada@example.com', role: 'owner' },
      { id: id(2), email: 'sara@example.com', role: null },
    ],
    units: [
      { id: id(10), parentId: null, members: [] },
      { id: id(11), parentId: id(10), members: [{ personId: id(2) }] },
    ],
    cycles: [
      { id: id(20), parentId: null, closedBy: null, startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { id: id(21), parentId: id(20), closedBy: id(1), startsOn: '2026-04-01', endsOn: '2026-06-30' },
    ],
    objectives: [
      {
        id: id(30),
        cycleId: id(20),
        level: 'organization',
        unitId: null,
        personId: null,
        carriedFromId: null,
        supports: [],
        createdBy: id(1),
      },
      {
        id: id(31),
        cycleId: id(21),
        level: 'unit',
        unitId: id(11),
        personId: null,
        carriedFromId: null,
        supports: [id(30)],
        createdBy: null,
      },
    ],
    keyResults: [{ id: id(40), objectiveId: id(31), ownerId: id(2) }],
    checkIns: [{ id: id(50), keyResultId: id(40), authorId: id(2) }],
    activities: [{ id: id(60), keyResultId: id(40), ownerId: null }],
    comments: [{ id: id(70), objectiveId: id(31), keyResultId: id(40), authorId: id(1) }],
    reflections: [
      { id: id(80), cycleId: id(21), objectiveId: id(31), unitId: null, authorId: id(2) },
      { id: id(81), cycleId: id(21), objectiveId: null, unitId: id(11), authorId: null },
    ],
  };
}

describe('checkImportDocument', () => {
  it('finds nothing wrong with a document that holds together', () => {
    expect(checkImportDocument(valid())).toEqual([]);
  });

  it('names each broken reference by its JSON pointer', () => {
    const doc = valid();
    doc.keyResults[0] = { id: id(40), objectiveId: id(99), ownerId: id(98) };
    doc.units[1] = { id: id(11), parentId: id(10), members: [{ personId: id(97) }] };
    doc.checkIns[0] = { id: id(50), keyResultId: id(96), authorId: null };
    expect(checkImportDocument(doc)).toEqual(
      expect.arrayContaining([
        { field: '/keyResults/0/objectiveId', key: 'unknown_reference' },
        { field: '/keyResults/0/ownerId', key: 'unknown_reference' },
        { field: '/units/1/members/0/personId', key: 'unknown_reference' },
        { field: '/checkIns/0/keyResultId', key: 'unknown_reference' },
      ]),
    );
  });

  it('refuses repeated ids and e-mail addresses, whatever their case', () => {
    const doc = valid();
    doc.people.push({ id: id(1), email: 'SARA@example.com', role: 'member' });
    expect(checkImportDocument(doc)).toEqual([
      { field: '/people/2/id', key: 'duplicate' },
      { field: '/people/2/email', key: 'duplicate' },
    ]);
  });

  it('finds loops in the unit tree, the cycles and what objectives support', () => {
    const doc = valid();
    doc.units[0] = { id: id(10), parentId: id(11), members: [] };
    doc.cycles[0] = { id: id(20), parentId: id(20), closedBy: null, startsOn: '2026-01-01', endsOn: '2026-12-31' };
    doc.objectives[0] = { ...at(doc.objectives, 0), supports: [id(31)] };
    expect(checkImportDocument(doc)).toEqual(
      expect.arrayContaining([
        { field: '/units/0/parentId', key: 'unit_loop' },
        { field: '/units/1/parentId', key: 'unit_loop' },
        { field: '/cycles/0/parentId', key: 'cycle_loop' },
        { field: '/objectives/0/supports', key: 'alignment_loop' },
        { field: '/objectives/1/supports', key: 'alignment_loop' },
      ]),
    );
  });

  it('checks the key results an objective supports: known, not its own, once, and no loop through them', () => {
    const doc = valid();
    doc.keyResults.push({ id: id(41), objectiveId: id(30), ownerId: null });
    doc.objectives[1] = { ...at(doc.objectives, 1), supports: [], supportsKeyResultIds: [id(41)] };
    expect(checkImportDocument(doc)).toEqual([]);

    doc.objectives[1] = { ...at(doc.objectives, 1), supportsKeyResultIds: [id(41), id(41), id(40), id(95)] };
    expect(checkImportDocument(doc)).toEqual([
      { field: '/objectives/1/supportsKeyResultIds/1', key: 'duplicate' },
      { field: '/objectives/1/supportsKeyResultIds/2', key: 'alignment_loop' },
      { field: '/objectives/1/supportsKeyResultIds/3', key: 'unknown_reference' },
    ]);

    // The organisation objective supporting the team's objective, which supports one of
    // its key results, is a loop, though no objective names the other in supports.
    doc.objectives[1] = { ...at(doc.objectives, 1), supports: [], supportsKeyResultIds: [id(41)] };
    doc.objectives[0] = { ...at(doc.objectives, 0), supports: [id(31)] };
    expect(checkImportDocument(doc)).toEqual([
      { field: '/objectives/0/supports', key: 'alignment_loop' },
      { field: '/objectives/1/supports', key: 'alignment_loop' },
    ]);
  });

  it('checks the strategy themes an objective serves: of the document, once; and theme names once', () => {
    const doc = valid();
    doc.objectives[0] = { ...at(doc.objectives, 0), themeIds: [id(5)] };
    expect(checkImportDocument(doc)).toEqual([]);

    doc.objectives[0] = { ...at(doc.objectives, 0), themeIds: [id(5), id(5), id(96)] };
    doc.organization.themes?.push({ id: id(6), name: ' nära KUNDEN ' }, { id: id(5), name: 'Annat' });
    expect(checkImportDocument(doc)).toEqual([
      { field: '/organization/themes/2/id', key: 'duplicate' },
      { field: '/organization/themes/1/name', key: 'duplicate' },
      { field: '/objectives/0/themeIds/1', key: 'duplicate' },
      { field: '/objectives/0/themeIds/2', key: 'unknown_reference' },
    ]);
  });

  it('wants an objective’s owner to fit its level, and one subject per reflection', () => {
    const doc = valid();
    doc.objectives[1] = { ...at(doc.objectives, 1), level: 'person' };
    doc.reflections[1] = { ...at(doc.reflections, 1), objectiveId: id(31) };
    expect(checkImportDocument(doc)).toEqual([
      { field: '/objectives/1/level', key: 'owner_mismatch' },
      { field: '/reflections/1/objectiveId', key: 'owner_mismatch' },
      // …and the objective already has its reflection.
      { field: '/reflections/1/objectiveId', key: 'duplicate' },
    ]);
  });

  it('walks a deep unit tree without exhausting the stack', () => {
    const doc = valid();
    doc.units = Array.from({ length: 50_000 }, (_, i) => ({
      id: id(100_000 + i),
      parentId: i ? id(99_999 + i) : null,
      members: [],
    }));
    doc.objectives[1] = { ...at(doc.objectives, 1), unitId: id(100_000) };
    doc.reflections[1] = { ...at(doc.reflections, 1), unitId: id(100_000) };
    expect(checkImportDocument(doc)).toEqual([]);
  });

  it('brings in members, and former members only where the document names them', () => {
    const doc = valid();
    doc.people.push({ id: id(3), email: 'gone@example.com', role: null });
    expect(peopleToImport(doc).map((p) => p.email)).toEqual(['ada@example.com', 'sara@example.com']);
  });

  it('wants a cycle to end on or after the day it starts', () => {
    const doc = valid();
    doc.cycles[1] = { id: id(21), parentId: id(20), closedBy: null, startsOn: '2026-04-01', endsOn: '2026-03-31' };
    expect(checkImportDocument(doc)).toEqual([{ field: '/cycles/1/endsOn', key: 'ends_before_start' }]);
  });
});
