// The rows of an OKR sheet (docs/export.md, "Sheets out"): one per live key result, the
// objective's columns repeated on each, and one with empty key-result cells for an objective
// without any. Read by one statement, ordered as a person reads a plan — the organisation's
// objectives, then unit by unit the unit's own and its people's — and turned into cells here.
import { sql, type SQL } from 'drizzle-orm';
import type { Locale, Metric, ObjectiveLevel, Status } from '../../core/domain.ts';
import {
  SHEET_FIELDS,
  SHEET_REPORT_FIELDS,
  SHEET_VALUE_NAMES,
  type SheetField,
  type SheetReportField,
} from '../../core/okr-sheet-columns.ts';
import { keyResultProgress } from '../../core/progress.ts';
import { suggestedStatus } from '../../core/status.ts';
import type { Queryable } from '../../db/connect.ts';
import { queryRows, uuidArray } from '../../db/raw.ts';
import { objectives } from '../../db/schema.ts';
import { readableBy } from '../objectives/records.ts';
import type { OrgActor } from '../scope.ts';
import type { XlsxCell } from './xlsx-writer.ts';

/** Every column of a downloaded sheet, in order: the importable ones, then the figures. */
export const OKR_SHEET_COLUMNS: readonly (SheetField | SheetReportField)[] = [...SHEET_FIELDS, ...SHEET_REPORT_FIELDS];

/** One row as the statement answers it. */
export interface OkrSheetRecord {
  level: string;
  title: string;
  description: string;
  status: string | null;
  objective_progress: number;
  objective_score: number | null;
  unit_name: string | null;
  parent_unit_name: string | null;
  person_name: string | null;
  person_email: string | null;
  key_result_id: string | null;
  key_result_title: string | null;
  metric: string | null;
  start_value: number | null;
  target_value: number | null;
  current_value: number | null;
  measure: string | null;
  confidence: number | null;
  last_check_in: string | null;
  key_result_score: number | null;
  key_result_owner_name: string | null;
  key_result_owner_email: string | null;
}

export interface OkrSheetScope {
  orgId: string;
  cycleId: string;
  /** Only this unit's own objectives and its people's (`unitPeople`); the whole organisation's when null. */
  unit: { id: string; people: readonly string[] } | null;
}

/** The accounts that belong to a unit (lead or member), whose personal objectives its sheet holds. */
export async function unitPeople(q: Queryable, orgId: string, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ account_id: string }>(
    q,
    sql`select account_id from unit_members where org_id = ${orgId} and unit_id = ${unitId} order by account_id`,
  );
  return rows.map((row) => row.account_id);
}

/**
 * The statement: the cycle's live objectives the actor may read (the objective lists' rule,
 * records.ts `readableBy`) with their live key results. A person objective's unit is the
 * unit the sheet is of, or else one of the person's live units (the one they lead, else the
 * first by name), so that the row reads back into the same place.
 */
export function okrSheetQuery(actor: OrgActor, scope: OkrSheetScope): SQL {
  const { orgId, cycleId, unit } = scope;
  // The unit's people as one bound array: the planner then reads the unit's objectives and
  // its people's by their indexes, not the whole cycle.
  const people = unit && uuidArray(unit.people);
  const personUnit =
    unit === null
      ? sql`select distinct on (um.account_id) um.account_id, um.unit_id
              from unit_members um join units mu on mu.id = um.unit_id and mu.org_id = um.org_id
             where um.org_id = ${orgId} and mu.archived_at is null
             order by um.account_id, um.role = 'lead' desc, mu.name, mu.id`
      : sql`select unnest(${people}) as account_id, ${unit.id}::uuid as unit_id`;
  const ofUnit =
    unit === null
      ? sql``
      : sql`and ((${objectives.level} = 'unit' and ${objectives.unitId} = ${unit.id})
                 or (${objectives.level} = 'person' and ${objectives.personId} = any(${people})))`;
  return sql`
    with person_unit as (${personUnit})
    select ${objectives.level} as level, ${objectives.title} as title, ${objectives.description} as description,
           ${objectives.status} as status, ${objectives.progress} as objective_progress,
           ${objectives.finalScore} as objective_score,
           u.name as unit_name, up.name as parent_unit_name, p.name as person_name, p.email as person_email,
           k.id as key_result_id, k.title as key_result_title, k.metric, k.start_value, k.target_value,
           k.current_value, k.unit as measure, k.confidence,
           to_char(k.last_check_in_at at time zone 'UTC', 'YYYY-MM-DD') as last_check_in,
           k.final_score as key_result_score, ko.name as key_result_owner_name, ko.email as key_result_owner_email
      from ${objectives}
      left join person_unit pu on ${objectives.level} = 'person' and pu.account_id = ${objectives.personId}
      left join units u on u.id = coalesce(${objectives.unitId}, pu.unit_id)
      left join units up on up.id = u.parent_id
      left join accounts p on p.id = ${objectives.personId}
      left join key_results k on k.org_id = ${objectives.orgId} and k.objective_id = ${objectives.id}
                             and k.archived_at is null
      left join accounts ko on ko.id = k.owner_id
     where ${objectives.orgId} = ${orgId} and ${objectives.cycleId} = ${cycleId} and ${objectives.archivedAt} is null
       and ${readableBy(actor) ?? sql`true`}
       ${ofUnit}
     order by ${objectives.level} <> 'organization', u.name, u.id, ${objectives.level} = 'person', p.name, p.id,
              ${objectives.createdAt}, ${objectives.id}, k.position, k.created_at, k.id`;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return, or their full-width forms) with an apostrophe before it, as csv-stringify's
 * `escape_formulas` writes it: the same text in the CSV and the XLSX.
 */
export function defuseFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0] as string) ? `'${text}` : text;
}

/** What every row of one sheet shares: its cycle's name, how far into it we are, the language. */
export interface OkrSheetContext {
  cycleName: string;
  /** The elapsed share of the cycle (core/progress.ts expectedProgress). */
  expected: number;
  locale: Locale;
}

const percent = (share: number) => Math.round(share * 100);

/** One record as its cells, in OKR_SHEET_COLUMNS's order; text defused. */
export function okrSheetCells(record: OkrSheetRecord, context: OkrSheetContext): XlsxCell[] {
  const { locale } = context;
  const names = SHEET_VALUE_NAMES;
  const isPerson = record.level === 'person';
  const kr = record.key_result_id !== null;
  let progress: number;
  let status: Status;
  if (kr) {
    progress = keyResultProgress({
      metric: record.metric as Metric,
      start: record.start_value ?? 0,
      target: record.target_value ?? 0,
      current: record.current_value ?? 0,
    });
    status = suggestedStatus({ progress, expected: context.expected, confidence: record.confidence });
  } else {
    progress = record.objective_progress;
    status =
      (record.status as Status | null) ?? suggestedStatus({ progress, expected: context.expected, confidence: null });
  }
  const values: Record<SheetField | SheetReportField, XlsxCell> = {
    unit: record.unit_name ?? '',
    parentUnit: record.parent_unit_name ?? '',
    cycle: context.cycleName,
    objectiveTitle: record.title,
    objectiveDescription: record.description,
    objectiveOwnerName: isPerson ? (record.person_name ?? '') : '',
    objectiveOwnerEmail: isPerson ? (record.person_email ?? '') : '',
    keyResultTitle: record.key_result_title ?? '',
    keyResultOwnerName: record.key_result_owner_name ?? '',
    keyResultOwnerEmail: record.key_result_owner_email ?? '',
    startValue: record.start_value,
    targetValue: record.target_value,
    currentValue: record.current_value,
    unitOfMeasure: record.measure ?? '',
    objectiveLevel: names.level[locale][record.level as ObjectiveLevel] ?? record.level,
    keyResultMetric: kr ? (names.metric[locale][record.metric as Metric] ?? record.metric) : '',
    progress: percent(progress),
    status: names.status[locale][status],
    confidence: kr ? record.confidence : null,
    lastCheckIn: record.last_check_in === null ? null : { date: record.last_check_in },
    score: kr ? record.key_result_score : record.objective_score,
  };
  return OKR_SHEET_COLUMNS.map((column) => {
    const value = values[column];
    return typeof value === 'string' ? defuseFormula(value) : value;
  });
}
