// What an organisation export (format riktning/1) must hold together to be imported,
// beyond its JSON Schema: every reference names an item of the document, ids and e-mail
// addresses are not repeated, trees have no loops, and an objective's owner fits its level.
// Each problem is named by the JSON pointer of the field, so the import can answer them all.

export interface ImportProblem {
  /** JSON pointer into the document, e.g. "/keyResults/3/objectiveId". */
  field: string;
  key:
    | 'duplicate'
    | 'unknown_reference'
    | 'owner_mismatch'
    | 'unit_loop'
    | 'cycle_loop'
    | 'alignment_loop'
    | 'ends_before_start';
}

type Id = string;
type Level = 'organization' | 'unit' | 'person';

/** The parts of the document the checks read (api/schemas/export.ts holds the whole shape). */
export interface ImportDocument {
  organization: { themes?: { id: Id; name: string }[] };
  people: { id: Id; email: string; role: string | null }[];
  units: { id: Id; parentId: Id | null; members: { personId: Id }[] }[];
  cycles: { id: Id; parentId: Id | null; closedBy: Id | null; startsOn: string; endsOn: string }[];
  objectives: {
    id: Id;
    cycleId: Id;
    level: Level;
    unitId: Id | null;
    personId: Id | null;
    carriedFromId: Id | null;
    supports: Id[];
    supportsKeyResultIds?: Id[];
    themeIds?: Id[];
    createdBy: Id | null;
  }[];
  keyResults: { id: Id; objectiveId: Id; ownerId: Id | null }[];
  checkIns: { id: Id; keyResultId: Id; authorId: Id | null }[];
  activities: { id: Id; keyResultId: Id; ownerId: Id | null }[];
  comments: { id: Id; objectiveId: Id; keyResultId: Id | null; authorId: Id | null }[];
  reflections: { id: Id; cycleId: Id; objectiveId: Id | null; unitId: Id | null; authorId: Id | null }[];
}

/** The objectives an objective of the document supports: named, and through the key results it supports. */
export function supportedObjectiveIds(
  o: Pick<ImportDocument['objectives'][number], 'supports' | 'supportsKeyResultIds'>,
  objectiveOf: ReadonlyMap<Id, Id>,
): Id[] {
  const ids = new Set(o.supports);
  for (const kr of o.supportsKeyResultIds ?? []) {
    const objective = objectiveOf.get(kr);
    if (objective !== undefined) ids.add(objective);
  }
  return [...ids];
}

export function checkImportDocument(doc: ImportDocument): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const problem = (field: string, key: ImportProblem['key']) => problems.push({ field, key });

  /** The ids of a list, each repeated one named as a problem. */
  const idsOf = (list: string, items: { id: Id }[]) => {
    const ids = new Set<Id>();
    items.forEach((item, i) => {
      if (ids.has(item.id)) problem(`/${list}/${i}/id`, 'duplicate');
      ids.add(item.id);
    });
    return ids;
  };
  const themes = idsOf('organization/themes', doc.organization.themes ?? []);
  const themeNames = new Set<string>();
  (doc.organization.themes ?? []).forEach((theme, i) => {
    const name = theme.name.trim().toLowerCase();
    if (themeNames.has(name)) problem(`/organization/themes/${i}/name`, 'duplicate');
    themeNames.add(name);
  });
  const people = idsOf('people', doc.people);
  const units = idsOf('units', doc.units);
  const cycles = idsOf('cycles', doc.cycles);
  const objectives = idsOf('objectives', doc.objectives);
  const keyResults = idsOf('keyResults', doc.keyResults);
  for (const list of ['checkIns', 'activities', 'comments', 'reflections'] as const) idsOf(list, doc[list]);

  const emails = new Set<string>();
  doc.people.forEach((person, i) => {
    const email = person.email.trim().toLowerCase();
    if (emails.has(email)) problem(`/people/${i}/email`, 'duplicate');
    emails.add(email);
  });

  /** A reference that must name an item of `known` (null allowed where `optional`). */
  const ref = (field: string, value: Id | null, known: Set<Id>, optional = true) => {
    if (value === null ? !optional : !known.has(value)) problem(field, 'unknown_reference');
  };

  doc.units.forEach((unit, i) => {
    ref(`/units/${i}/parentId`, unit.parentId, units);
    const members = new Set<Id>();
    unit.members.forEach((member, j) => {
      ref(`/units/${i}/members/${j}/personId`, member.personId, people, false);
      if (members.has(member.personId)) problem(`/units/${i}/members/${j}/personId`, 'duplicate');
      members.add(member.personId);
    });
  });
  loops(doc.units, (unit) => (unit.parentId ? [unit.parentId] : [])).forEach((i) =>
    problem(`/units/${i}/parentId`, 'unit_loop'),
  );

  doc.cycles.forEach((cycle, i) => {
    ref(`/cycles/${i}/parentId`, cycle.parentId, cycles);
    ref(`/cycles/${i}/closedBy`, cycle.closedBy, people);
    // Dates as YYYY-MM-DD (the schema's format) compare as text.
    if (cycle.endsOn < cycle.startsOn) problem(`/cycles/${i}/endsOn`, 'ends_before_start');
  });
  loops(doc.cycles, (cycle) => (cycle.parentId ? [cycle.parentId] : [])).forEach((i) =>
    problem(`/cycles/${i}/parentId`, 'cycle_loop'),
  );

  const objectiveOf = new Map(doc.keyResults.map((kr) => [kr.id, kr.objectiveId]));
  doc.objectives.forEach((o, i) => {
    const at = `/objectives/${i}`;
    ref(`${at}/cycleId`, o.cycleId, cycles, false);
    const ownerFits =
      (o.level === 'organization' && o.unitId === null && o.personId === null) ||
      (o.level === 'unit' && o.unitId !== null && o.personId === null) ||
      (o.level === 'person' && o.personId !== null && o.unitId === null);
    if (!ownerFits) problem(`${at}/level`, 'owner_mismatch');
    ref(`${at}/unitId`, o.unitId, units);
    ref(`${at}/personId`, o.personId, people);
    ref(`${at}/carriedFromId`, o.carriedFromId, objectives);
    ref(`${at}/createdBy`, o.createdBy, people);
    const supported = new Set<Id>();
    o.supports.forEach((id, j) => {
      ref(`${at}/supports/${j}`, id, objectives, false);
      if (id === o.id || supported.has(id))
        problem(`${at}/supports/${j}`, id === o.id ? 'alignment_loop' : 'duplicate');
      supported.add(id);
    });
    const served = new Set<Id>();
    (o.themeIds ?? []).forEach((id, j) => {
      ref(`${at}/themeIds/${j}`, id, themes, false);
      if (served.has(id)) problem(`${at}/themeIds/${j}`, 'duplicate');
      served.add(id);
    });
    const supportedKeyResults = new Set<Id>();
    (o.supportsKeyResultIds ?? []).forEach((id, j) => {
      ref(`${at}/supportsKeyResultIds/${j}`, id, keyResults, false);
      const ownKeyResult = objectiveOf.get(id) === o.id;
      if (ownKeyResult || supportedKeyResults.has(id))
        problem(`${at}/supportsKeyResultIds/${j}`, ownKeyResult ? 'alignment_loop' : 'duplicate');
      supportedKeyResults.add(id);
    });
  });
  // Supporting a key result supports its objective: those links count for loops too.
  loops(doc.objectives, (o) => supportedObjectiveIds(o, objectiveOf).filter((id) => id !== o.id)).forEach((i) =>
    problem(`/objectives/${i}/supports`, 'alignment_loop'),
  );
  loops(doc.objectives, (o) => (o.carriedFromId ? [o.carriedFromId] : [])).forEach((i) =>
    problem(`/objectives/${i}/carriedFromId`, 'alignment_loop'),
  );

  doc.keyResults.forEach((kr, i) => {
    ref(`/keyResults/${i}/objectiveId`, kr.objectiveId, objectives, false);
    ref(`/keyResults/${i}/ownerId`, kr.ownerId, people);
  });
  doc.checkIns.forEach((c, i) => {
    ref(`/checkIns/${i}/keyResultId`, c.keyResultId, keyResults, false);
    ref(`/checkIns/${i}/authorId`, c.authorId, people);
  });
  doc.activities.forEach((a, i) => {
    ref(`/activities/${i}/keyResultId`, a.keyResultId, keyResults, false);
    ref(`/activities/${i}/ownerId`, a.ownerId, people);
  });
  doc.comments.forEach((c, i) => {
    ref(`/comments/${i}/objectiveId`, c.objectiveId, objectives, false);
    // A comment on a key result belongs to that key result's objective.
    if (c.keyResultId !== null && objectiveOf.get(c.keyResultId) !== c.objectiveId)
      problem(`/comments/${i}/keyResultId`, 'unknown_reference');
    ref(`/comments/${i}/authorId`, c.authorId, people);
  });
  const reflected = new Set<string>();
  doc.reflections.forEach((r, i) => {
    const at = `/reflections/${i}`;
    ref(`${at}/cycleId`, r.cycleId, cycles, false);
    if ((r.objectiveId === null) === (r.unitId === null)) problem(`${at}/objectiveId`, 'owner_mismatch');
    ref(`${at}/objectiveId`, r.objectiveId, objectives);
    ref(`${at}/unitId`, r.unitId, units);
    ref(`${at}/authorId`, r.authorId, people);
    // One reflection per objective, and per unit and cycle.
    const subject = r.objectiveId ?? `${r.unitId}:${r.cycleId}`;
    if (reflected.has(subject)) problem(`${at}/${r.objectiveId ? 'objectiveId' : 'unitId'}`, 'duplicate');
    reflected.add(subject);
  });
  return problems;
}

/**
 * The people an import brings in: members, and former members (no role) whose name the
 * document's items carry — a former member nothing refers to would be an account for nobody.
 */
export function peopleToImport<P extends ImportDocument['people'][number]>(
  doc: Omit<ImportDocument, 'people'> & { people: P[] },
): P[] {
  const named = new Set<Id | null>([
    ...doc.units.flatMap((u) => u.members.map((m) => m.personId)),
    ...doc.cycles.map((c) => c.closedBy),
    ...doc.objectives.flatMap((o) => [o.personId, o.createdBy]),
    ...doc.keyResults.map((k) => k.ownerId),
    ...doc.checkIns.map((c) => c.authorId),
    ...doc.activities.map((a) => a.ownerId),
    ...doc.comments.map((c) => c.authorId),
    ...doc.reflections.map((r) => r.authorId),
  ]);
  return doc.people.filter((p) => p.role !== null || named.has(p.id));
}

/**
 * The indexes of the items that lie on a loop of `next` (each item's links to others of the
 * same list, by id); links to unknown ids are another problem and are not followed.
 */
function loops<T extends { id: Id }>(items: T[], next: (item: T) => Id[]): number[] {
  const index = new Map(items.map((item, i) => [item.id, i]));
  const state = new Array<0 | 1 | 2>(items.length).fill(0); // unvisited, on the path, done
  const onLoop = new Set<number>();
  for (let start = 0; start < items.length; start++) {
    if (state[start] !== 0) continue;
    // Depth first without recursion: a deep tree must not exhaust the stack.
    const path: number[] = [];
    const pending: { i: number; links: number[] }[] = [];
    const enter = (i: number) => {
      state[i] = 1;
      path.push(i);
      const links = next(items[i] as T).flatMap((id) => {
        const j = index.get(id);
        return j === undefined ? [] : [j];
      });
      pending.push({ i, links });
    };
    enter(start);
    while (pending.length > 0) {
      const top = pending[pending.length - 1] as { i: number; links: number[] };
      const j = top.links.pop();
      if (j === undefined) {
        state[top.i] = 2;
        pending.pop();
        path.pop();
      } else if (state[j] === 1) {
        for (const k of path.slice(path.indexOf(j))) onLoop.add(k);
      } else if (state[j] === 0) {
        enter(j);
      }
    }
  }
  return [...onLoop].sort((a, b) => a - b);
}
