// What importing a sheet would create, and every problem that stands in its way, worked out
// from the rows, the mapping and what the organisation already has. One row per key result;
// the objective's columns repeat on each of its rows. Pure: the caller reads the context from
// the database, writes the plan, and decides what to do with the problems. The rules are in
// docs/sheet-import.md.
import { TEXT_LIMITS } from './limits.ts';
import type { CycleStatus, Metric, ObjectiveLevel, UnitKind } from './domain.ts';
import { SHEET_REQUIRED_FIELDS, type SheetField } from './okr-sheet-columns.ts';
import type { SheetMapping } from './sheet-mapping.ts';
import type { SheetProblem, SheetProblemCode } from './sheet-problems.ts';
import {
  columnLetter,
  isEmailAddress,
  parseCycleName,
  parseDone,
  parseLevel,
  parseMetric,
  parseSheetNumber,
  type SheetNumber,
} from './sheet-values.ts';

/** At most this many problems are named in one answer; `problemCount` says how many there were. */
export const SHEET_PROBLEMS_SHOWN = 500;
/** Names of units, cycles and people: as long as the forms allow. */
const NAME_LIMIT = 200;

export interface SheetInput {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  mapping: SheetMapping;
}

export interface SheetContext {
  orgName: string;
  fiscalYearStartMonth: number;
  /** Today, YYYY-MM-DD: a new cycle that has begun is active, a later one planning. */
  today: string;
  /** The organisation's live units. */
  units: readonly { id: string; name: string; parentId: string | null }[];
  cycles: readonly {
    id: string;
    name: string;
    startsOn: string;
    endsOn: string;
    status: string;
    parentId: string | null;
  }[];
  /** The organisation's members. */
  members: readonly { id: string; name: string; email: string }[];
  /** Accounts anywhere with an e-mail address the sheet names, by the address in lower case. */
  accounts: ReadonlyMap<string, { id: string; name: string }>;
  /** Live objectives whose title the sheet names, with their live key results' titles. */
  objectives: readonly {
    id: string;
    cycleId: string;
    level: string;
    unitId: string | null;
    personId: string | null;
    title: string;
    keyResultTitles: readonly string[];
    nextPosition: number;
  }[];
  newId: () => string;
}

export interface SheetPlan {
  /** New accounts: they sign in once invited. */
  accounts: { id: string; email: string; name: string }[];
  /** Accounts that become members of the organisation (role member): the new ones and known ones from elsewhere. */
  memberships: string[];
  /** New units, each after its parent. */
  units: { id: string; name: string; parentId: string | null; kind: UnitKind }[];
  /** People of person objectives joining the unit the row names (kept when already there). */
  unitMembers: { unitId: string; accountId: string }[];
  /** New cycles, each after its parent. */
  cycles: {
    id: string;
    name: string;
    startsOn: string;
    endsOn: string;
    status: Exclude<CycleStatus, 'closed'>;
    parentId: string | null;
  }[];
  objectives: {
    id: string;
    cycleId: string;
    level: ObjectiveLevel;
    unitId: string | null;
    personId: string | null;
    title: string;
    description: string;
  }[];
  keyResults: {
    id: string;
    objectiveId: string;
    title: string;
    metric: Metric;
    startValue: number;
    targetValue: number;
    currentValue: number;
    unit: string;
    ownerId: string | null;
    position: number;
  }[];
}

export interface SheetCounts {
  units: number;
  /** People new to the organisation: new accounts and known accounts joining it. */
  people: number;
  cycles: number;
  objectives: number;
  keyResults: number;
}

export interface SheetCheck {
  plan: SheetPlan;
  counts: SheetCounts;
  /** In sheet order (row, then column), at most SHEET_PROBLEMS_SHOWN. */
  problems: SheetProblem[];
  problemCount: number;
}

/** Names as they are matched: case and runs of spaces do not count. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const PERSON_FIELDS = [
  ['objectiveOwnerName', 'objectiveOwnerEmail'],
  ['keyResultOwnerName', 'keyResultOwnerEmail'],
] as const;

const KEY_RESULT_VALUE_FIELDS: readonly SheetField[] = [
  'startValue',
  'targetValue',
  'currentValue',
  'unitOfMeasure',
  'keyResultMetric',
  'keyResultOwnerName',
  'keyResultOwnerEmail',
];

/** The cells of one data row by field. */
type Cells = (field: SheetField) => string;

function cellsOf(row: readonly string[], mapping: SheetMapping): Cells {
  return (field) => {
    const column = mapping[field];
    return column === undefined ? '' : (row[column] ?? '').trim();
  };
}

/** The e-mail addresses a sheet names (lower case): the caller looks up their accounts. */
export function sheetEmails(input: SheetInput): string[] {
  const emails = new Set<string>();
  for (const row of input.rows) {
    const cell = cellsOf(row, input.mapping);
    for (const [nameField, emailField] of PERSON_FIELDS) {
      for (const text of [cell(emailField), cell(nameField)]) if (isEmailAddress(text)) emails.add(text.toLowerCase());
    }
  }
  return [...emails];
}

/** The objective titles a sheet names (as nameKey): the caller looks up objectives that already have them. */
export function sheetObjectiveTitles(input: SheetInput): string[] {
  const titles = new Set<string>();
  for (const row of input.rows) {
    const title = cellsOf(row, input.mapping)('objectiveTitle');
    if (title) titles.add(nameKey(title));
  }
  return [...titles];
}

type Outcome = { id: string } | 'error';

export function planSheetImport(input: SheetInput, context: SheetContext): SheetCheck {
  const { headers, rows, mapping } = input;
  const problems: SheetProblem[] = [];
  const plan: SheetPlan = {
    accounts: [],
    memberships: [],
    units: [],
    unitMembers: [],
    cycles: [],
    objectives: [],
    keyResults: [],
  };

  const report = (row: number, field: SheetField | null, code: SheetProblemCode, params?: SheetProblem['params']) => {
    const columnIndex = field === null ? null : (mapping[field] ?? null);
    problems.push({
      row,
      column: columnIndex === null ? null : (headers[columnIndex] ?? ''),
      columnIndex,
      field,
      code,
      ...(params ? { params } : {}),
    });
  };
  const done = (): SheetCheck => {
    problems.sort((a, b) => a.row - b.row || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));
    return {
      plan,
      counts: {
        units: plan.units.length,
        people: plan.memberships.length,
        cycles: plan.cycles.length,
        objectives: plan.objectives.length,
        keyResults: plan.keyResults.length,
      },
      problems: problems.slice(0, SHEET_PROBLEMS_SHOWN),
      problemCount: problems.length,
    };
  };

  // The header: every mapped column exists, and every required field has one.
  let width = headers.length;
  for (const row of rows) width = Math.max(width, row.length);
  for (const [field, column] of Object.entries(mapping) as [SheetField, number][]) {
    if (!Number.isInteger(column) || column < 0 || column >= width) {
      const letter = Number.isInteger(column) && column >= 0 ? columnLetter(column) : String(column);
      problems.push({
        row: 1,
        column: null,
        columnIndex: null,
        field,
        code: 'column_missing',
        params: { field, column: letter },
      });
    }
  }
  for (const field of SHEET_REQUIRED_FIELDS) {
    if (mapping[field] === undefined)
      problems.push({ row: 1, column: null, columnIndex: null, field, code: 'field_not_mapped', params: { field } });
  }
  if (problems.length > 0) return done();

  const mappedFields = Object.keys(mapping) as SheetField[];
  const orgKey = nameKey(context.orgName);
  /** The unit a row names; the organisation's own name stands for the organisation. */
  const unitNameOf = (cell: Cells, field: 'unit' | 'parentUnit') => {
    const name = cell(field);
    return name && nameKey(name) !== orgKey ? name : '';
  };
  const drafts: { row: number; cell: Cells }[] = [];
  rows.forEach((row, i) => {
    const cell = cellsOf(row, mapping);
    if (mappedFields.some((field) => cell(field) !== '')) drafts.push({ row: i + 2, cell });
  });

  // People: by e-mail address (also when written in the name column), else by name among
  // the members and the people the sheet brings in.
  const members = new Map(context.members.map((m) => [m.email.toLowerCase(), m.id]));
  const people = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const addName = (name: string, id: string) => {
    if (!name) return;
    const ids = byName.get(nameKey(name)) ?? new Set<string>();
    ids.add(id);
    byName.set(nameKey(name), ids);
  };
  for (const m of context.members) addName(m.name, m.id);
  for (const { cell } of drafts) {
    for (const [nameField, emailField] of PERSON_FIELDS) {
      const name = cell(nameField);
      const email = isEmailAddress(cell(emailField)) ? cell(emailField) : isEmailAddress(name) ? name : '';
      if (!email) continue;
      const address = email.toLowerCase();
      let id = people.get(address);
      if (!id) {
        id = members.get(address);
        if (!id) {
          const known = context.accounts.get(address);
          id = known?.id ?? context.newId();
          if (!known) {
            const fallback = address.slice(0, address.indexOf('@'));
            const given = name === email ? '' : name.slice(0, NAME_LIMIT);
            plan.accounts.push({ id, email: address, name: given || fallback });
          }
          plan.memberships.push(id);
        }
        people.set(address, id);
      }
      if (name !== email) addName(name, id);
    }
  }
  const resolvePerson = (row: number, cell: Cells, nameField: SheetField, emailField: SheetField): Outcome | null => {
    const email = cell(emailField);
    const name = cell(nameField);
    if (email && !isEmailAddress(email)) {
      report(row, emailField, 'email_invalid', { value: email });
      return 'error';
    }
    const address = email || (isEmailAddress(name) ? name : '');
    if (address) return { id: people.get(address.toLowerCase()) as string };
    if (!name) return null;
    if (name.length > NAME_LIMIT) {
      report(row, nameField, 'text_too_long', { limit: NAME_LIMIT, length: name.length });
      return 'error';
    }
    const ids = byName.get(nameKey(name));
    if (ids?.size === 1) return { id: [...ids][0] as string };
    report(row, nameField, ids && ids.size > 1 ? 'person_ambiguous' : 'person_unknown', {
      name,
      ...(ids && ids.size > 1 ? { count: ids.size } : {}),
    });
    return 'error';
  };

  // Cycles: by name, else by the dates a recognisable name stands for (an existing cycle of
  // those dates, or one the sheet creates).
  const cyclesByName = new Map(context.cycles.map((c) => [nameKey(c.name), c]));
  const newCycles = new Map<string, SheetPlan['cycles'][number] & { kind: string; year: number }>();
  const cycleNames = new Map<string, { id: string } | { code: SheetProblemCode; params: Record<string, string> }>();
  const resolveCycle = (text: string) => {
    const known = cycleNames.get(nameKey(text));
    if (known) return known;
    let outcome: { id: string } | { code: SheetProblemCode; params: Record<string, string> };
    const existing = cyclesByName.get(nameKey(text));
    const span = existing ? null : parseCycleName(text, context.fiscalYearStartMonth);
    const sameDates = span
      ? context.cycles.find((c) => c.startsOn === span.startsOn && c.endsOn === span.endsOn)
      : undefined;
    const found = existing ?? sameDates;
    if (found) {
      outcome = found.status === 'closed' ? { code: 'cycle_closed', params: { name: found.name } } : { id: found.id };
    } else if (!span) {
      outcome = { code: 'cycle_unknown', params: { name: text } };
    } else if (text.length > NAME_LIMIT) {
      outcome = { code: 'cycle_unknown', params: { name: text.slice(0, NAME_LIMIT) } };
    } else {
      const dates = `${span.startsOn}|${span.endsOn}`;
      let cycle = newCycles.get(dates);
      if (!cycle) {
        cycle = {
          id: context.newId(),
          name: text,
          startsOn: span.startsOn,
          endsOn: span.endsOn,
          status: span.startsOn > context.today ? 'planning' : 'active',
          parentId: null,
          kind: span.kind,
          year: span.year,
        };
        newCycles.set(dates, cycle);
      }
      outcome = { id: cycle.id };
    }
    cycleNames.set(nameKey(text), outcome);
    return outcome;
  };

  // Units: the tree as the sheet draws it, matched by name to the units already here.
  const unitById = new Map(context.units.map((u) => [u.id, u]));
  const liveByName = new Map<string, (typeof context.units)[number][]>();
  for (const unit of context.units)
    liveByName.set(nameKey(unit.name), [...(liveByName.get(nameKey(unit.name)) ?? []), unit]);
  const declared = new Map<string, { name: string; row: number; parent: string; parentRow: number }>();
  for (const { row, cell } of drafts) {
    const name = unitNameOf(cell, 'unit');
    const parent = unitNameOf(cell, 'parentUnit');
    if (cell('parentUnit') && !cell('unit')) report(row, 'parentUnit', 'parent_without_unit');
    if (!name) continue;
    if (name.length > NAME_LIMIT) {
      report(row, 'unit', 'text_too_long', { limit: NAME_LIMIT, length: name.length });
      continue;
    }
    const entry = declared.get(nameKey(name));
    if (!entry) declared.set(nameKey(name), { name, row, parent, parentRow: parent ? row : 0 });
    else if (parent && !entry.parent) Object.assign(entry, { parent, parentRow: row });
    else if (parent && nameKey(parent) !== nameKey(entry.parent))
      report(row, 'parentUnit', 'unit_parent_conflict', { name: entry.name, parent: entry.parent });
  }
  const units = new Map<string, Outcome>();
  /** Names that several live units have, with no parent to tell which: reported on every row naming them. */
  const ambiguous = new Map<string, { name: string; count: number }>();
  const newUnits = new Map<string, { id: string; name: string; parentKey: string | null; row: number }>();
  const resolveUnit = (key: string, name: string, parent: string, row: number): Outcome => {
    const known = units.get(key);
    if (known) return known;
    const live = liveByName.get(key) ?? [];
    const parentName = (unit: (typeof context.units)[number]) =>
      unit.parentId ? (unitById.get(unit.parentId)?.name ?? '') : '';
    let outcome: Outcome;
    if (live.length === 1) {
      const unit = live[0] as (typeof context.units)[number];
      if (parent && nameKey(parentName(unit)) !== nameKey(parent))
        report(row, 'parentUnit', 'unit_parent_differs', { name: unit.name, parent: parentName(unit) || '—' });
      outcome = { id: unit.id };
    } else if (live.length > 1) {
      const under = parent ? live.filter((u) => nameKey(parentName(u)) === nameKey(parent)) : [];
      if (under.length === 1) outcome = { id: (under[0] as (typeof live)[number]).id };
      else {
        ambiguous.set(key, { name, count: live.length });
        outcome = 'error';
      }
    } else {
      const id = context.newId();
      newUnits.set(key, { id, name, parentKey: parent ? nameKey(parent) : null, row });
      outcome = { id };
    }
    units.set(key, outcome);
    return outcome;
  };
  for (const [key, entry] of declared) resolveUnit(key, entry.name, entry.parent, entry.parentRow || entry.row);
  // Parents named only as parents: matched, or made at the top.
  for (const entry of declared.values()) {
    if (!entry.parent) continue;
    const parentKey = nameKey(entry.parent);
    if (!units.has(parentKey)) resolveUnit(parentKey, entry.parent, '', entry.parentRow);
    const parentAmbiguous = ambiguous.get(parentKey);
    if (parentAmbiguous) report(entry.parentRow, 'parentUnit', 'unit_ambiguous', parentAmbiguous);
  }
  const looped = new Set<string>();
  for (const [key, unit] of newUnits) {
    const seen = new Set<string>([key]);
    for (let at = unit.parentKey; at !== null; at = newUnits.get(at)?.parentKey ?? null) {
      if (at === key) {
        looped.add(key);
        break;
      }
      if (seen.has(at) || !newUnits.has(at)) break;
      seen.add(at);
    }
  }
  for (const key of looped) {
    const unit = newUnits.get(key) as { name: string; row: number };
    report(unit.row, 'parentUnit', 'unit_loop', { name: unit.name });
  }
  const parentsOf = new Set([...newUnits.values()].map((u) => u.parentKey));
  const placed = new Set<string>();
  const place = (key: string) => {
    const unit = newUnits.get(key);
    if (!unit || placed.has(key)) return;
    placed.add(key);
    const parentKey = looped.has(key) ? null : unit.parentKey;
    if (parentKey !== null) place(parentKey);
    const parent = parentKey === null ? null : units.get(parentKey);
    plan.units.push({
      id: unit.id,
      name: unit.name,
      parentId: parent && parent !== 'error' ? parent.id : null,
      kind: parentsOf.has(key) ? 'department' : 'team',
    });
  };
  for (const key of newUnits.keys()) place(key);

  // Objectives and key results, row by row.
  const objectiveKey = (cycleId: string, level: string, ownerId: string | null, title: string) =>
    `${cycleId}|${level}|${ownerId ?? ''}|${nameKey(title)}`;
  const objectives = new Map<
    string,
    { id: string; existing: Set<string>; sheet: Set<string>; next: number; planned?: SheetPlan['objectives'][number] }
  >();
  for (const o of context.objectives) {
    objectives.set(objectiveKey(o.cycleId, o.level, o.level === 'unit' ? o.unitId : o.personId, o.title), {
      id: o.id,
      existing: new Set(o.keyResultTitles.map(nameKey)),
      sheet: new Set(),
      next: o.nextPosition,
    });
  }
  const unitMembers = new Set<string>();

  for (const { row, cell } of drafts) {
    const before = problems.length;
    const cycleText = cell('cycle');
    let cycleId: string | null = null;
    if (!cycleText) report(row, 'cycle', 'cycle_missing');
    else {
      const cycle = resolveCycle(cycleText);
      if ('id' in cycle) cycleId = cycle.id;
      else report(row, 'cycle', cycle.code, cycle.params);
    }
    const unitName = unitNameOf(cell, 'unit');
    const unit = unitName ? (units.get(nameKey(unitName)) ?? 'error') : null;
    const unitAmbiguous = unitName ? ambiguous.get(nameKey(unitName)) : undefined;
    if (unitAmbiguous) report(row, 'unit', 'unit_ambiguous', unitAmbiguous);
    const levelText = cell('objectiveLevel');
    const explicit = levelText ? parseLevel(levelText) : null;
    if (levelText && !explicit) report(row, 'objectiveLevel', 'level_unknown', { value: levelText });
    const owner = resolvePerson(row, cell, 'objectiveOwnerName', 'objectiveOwnerEmail');
    const level: ObjectiveLevel = explicit ?? (unitName ? 'unit' : 'organization');
    if (level === 'unit' && !unitName) report(row, 'objectiveLevel', 'level_needs_unit');
    if (level === 'person' && owner === null)
      report(
        row,
        mapping.objectiveOwnerName !== undefined ? 'objectiveOwnerName' : 'objectiveLevel',
        'level_needs_person',
      );

    const title = cell('objectiveTitle');
    const description = cell('objectiveDescription');
    if (!title) report(row, 'objectiveTitle', 'objective_title_missing');
    else if (title.length > TEXT_LIMITS.title)
      report(row, 'objectiveTitle', 'text_too_long', { limit: TEXT_LIMITS.title, length: title.length });
    if (description.length > TEXT_LIMITS.longText)
      report(row, 'objectiveDescription', 'text_too_long', { limit: TEXT_LIMITS.longText, length: description.length });

    // The key result's cells are checked whatever the objective's state, so every problem shows at once.
    const keyResult = checkKeyResult(row, cell, report, mapping);
    const krOwner = resolvePerson(row, cell, 'keyResultOwnerName', 'keyResultOwnerEmail');
    if (problems.length > before || cycleId === null || !title) continue;
    // A unit the sheet could not place (its problem is on the row that names its parent).
    if (level === 'unit' && (unit === null || unit === 'error')) continue;
    if (level === 'person' && (owner === null || owner === 'error')) continue;

    const ownerId =
      level === 'unit' ? (unit as { id: string }).id : level === 'person' ? (owner as { id: string }).id : null;
    const key = objectiveKey(cycleId, level, ownerId, title);
    let objective = objectives.get(key);
    if (!objective) {
      const planned = {
        id: context.newId(),
        cycleId,
        level,
        unitId: level === 'unit' ? ownerId : null,
        personId: level === 'person' ? ownerId : null,
        title,
        description,
      };
      plan.objectives.push(planned);
      objective = { id: planned.id, existing: new Set(), sheet: new Set(), next: 0, planned };
      objectives.set(key, objective);
    } else if (objective.planned && !objective.planned.description && description) {
      objective.planned.description = description;
    }
    if (level === 'person' && unit && unit !== 'error' && ownerId) {
      const membership = `${unit.id}|${ownerId}`;
      if (!unitMembers.has(membership)) {
        unitMembers.add(membership);
        plan.unitMembers.push({ unitId: unit.id, accountId: ownerId });
      }
    }
    if (!keyResult) continue;
    const krKey = nameKey(keyResult.title);
    if (objective.existing.has(krKey)) continue;
    if (objective.sheet.has(krKey)) {
      report(row, 'keyResultTitle', 'key_result_repeated', { title: keyResult.title });
      continue;
    }
    objective.sheet.add(krKey);
    const defaultOwner = owner && owner !== 'error' ? owner.id : null;
    plan.keyResults.push({
      id: context.newId(),
      objectiveId: objective.id,
      ...keyResult,
      ownerId: krOwner && krOwner !== 'error' ? krOwner.id : defaultOwner,
      position: objective.next++,
    });
  }

  // New cycles within the year they belong to, when that year is here or comes with the sheet.
  const years = [
    ...context.cycles.filter((c) => c.parentId === null && c.status !== 'closed'),
    ...[...newCycles.values()].filter((c) => c.kind === 'year'),
  ];
  const used = new Set(plan.objectives.map((o) => o.cycleId));
  const wanted = [...newCycles.values()].filter((c) => used.has(c.id));
  for (const cycle of wanted) {
    if (cycle.kind !== 'year') {
      const year = parseCycleName(String(cycle.year), context.fiscalYearStartMonth);
      const parent = years.find((y) => y.startsOn === year?.startsOn && y.endsOn === year?.endsOn);
      if (parent) cycle.parentId = parent.id;
    }
  }
  const wantedIds = new Set(wanted.map((c) => c.id));
  // A year that only holds the sheet's quarters is created too, before them.
  for (const cycle of wanted) {
    if (cycle.parentId && !wantedIds.has(cycle.parentId)) {
      const year = [...newCycles.values()].find((c) => c.id === cycle.parentId);
      if (year) {
        wanted.unshift(year);
        wantedIds.add(year.id);
      }
    }
  }
  wanted.sort((a, b) => (a.kind === 'year' ? 0 : 1) - (b.kind === 'year' ? 0 : 1));
  plan.cycles = wanted.map(({ id, name, startsOn, endsOn, status, parentId }) => ({
    id,
    name,
    startsOn,
    endsOn,
    status,
    parentId,
  }));
  return done();
}

/** A row's key result, or null when it has none; its problems are reported. */
function checkKeyResult(
  row: number,
  cell: Cells,
  report: (row: number, field: SheetField | null, code: SheetProblemCode, params?: SheetProblem['params']) => void,
  mapping: SheetMapping,
): Omit<SheetPlan['keyResults'][number], 'id' | 'objectiveId' | 'ownerId' | 'position'> | null {
  const title = cell('keyResultTitle');
  const metricText = cell('keyResultMetric');
  const explicit = metricText ? parseMetric(metricText) : null;
  let ok = true;
  if (metricText && !explicit) {
    report(row, 'keyResultMetric', 'metric_unknown', { value: metricText });
    ok = false;
  }
  const number = (field: SheetField): SheetNumber | undefined | 'error' => {
    const text = cell(field);
    const parsed = parseSheetNumber(text);
    if (parsed !== null) return parsed;
    if (field === 'currentValue' && parseDone(text)) return undefined;
    report(row, field, 'number_invalid', { value: text });
    return 'error';
  };
  const start = number('startValue');
  const target = number('targetValue');
  const current = number('currentValue');
  // A current value written as "done" or "not done" (a milestone's, as a rule).
  const doneWord = parseDone(cell('currentValue'));
  if (start === 'error' || target === 'error' || current === 'error') ok = false;
  if (!title) {
    if (KEY_RESULT_VALUE_FIELDS.some((field) => cell(field) !== ''))
      report(row, 'keyResultTitle', 'key_result_title_missing');
    return null;
  }
  if (title.length > TEXT_LIMITS.title) {
    report(row, 'keyResultTitle', 'text_too_long', { limit: TEXT_LIMITS.title, length: title.length });
    ok = false;
  }
  if (!ok || start === 'error' || target === 'error' || current === 'error') return null;
  const metric: Metric =
    explicit ??
    (start === undefined && target === undefined
      ? 'milestone'
      : target !== undefined && target.value < (start?.value ?? 0)
        ? 'decrease_to'
        : 'increase_to');
  if (target === undefined && metric !== 'milestone') {
    report(row, mapping.targetValue !== undefined ? 'targetValue' : 'keyResultTitle', 'target_missing');
    return null;
  }
  const startValue = start?.value ?? 0;
  const targetValue = target?.value ?? 1;
  const currentValue = current?.value ?? (doneWord === 'done' ? targetValue : startValue);
  const moving = metric === 'increase_to' || metric === 'decrease_to' || metric === 'milestone';
  if (moving && targetValue === startValue) {
    report(row, 'targetValue', 'target_equals_start');
    return null;
  }
  if (metric === 'increase_to' && targetValue < startValue) {
    report(row, 'targetValue', 'target_below_start');
    return null;
  }
  if (metric === 'decrease_to' && targetValue > startValue) {
    report(row, 'targetValue', 'target_above_start');
    return null;
  }
  return {
    title,
    metric,
    startValue,
    targetValue,
    currentValue,
    unit: cell('unitOfMeasure') || start?.unit || target?.unit || current?.unit || '',
  };
}
