// The columns of an OKR spreadsheet: one row per key result, the objective's columns
// repeated on each of its rows. One list serves the import (what a sheet's columns may be
// mapped to, the templates) and the export (what a downloaded sheet holds), so a sheet
// Riktning writes can be read back without a mapping.
import type { Locale, Metric, ObjectiveLevel, Status } from './domain.ts';

export const SHEET_FIELDS = [
  'unit',
  'parentUnit',
  'cycle',
  'objectiveTitle',
  'objectiveDescription',
  'objectiveOwnerName',
  'objectiveOwnerEmail',
  'keyResultTitle',
  'keyResultOwnerName',
  'keyResultOwnerEmail',
  'startValue',
  'targetValue',
  'currentValue',
  'unitOfMeasure',
  // Added for the import (docs/sheet-import.md): who owns an objective when the unit alone
  // does not say it, and how a key result is measured when start and target do not.
  'objectiveLevel',
  'keyResultMetric',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/**
 * The fields a sheet must have a column for before it can be imported: every objective is in
 * a cycle and has a title. The rest may be missing (an objective without a unit is the
 * organisation's; a row without a key result title adds only the objective).
 */
export const SHEET_REQUIRED_FIELDS: readonly SheetField[] = ['cycle', 'objectiveTitle'];

/** The columns a downloaded sheet adds after the importable ones: read-only figures. */
export const SHEET_REPORT_FIELDS = ['progress', 'status', 'confidence', 'lastCheckIn', 'score'] as const;
export type SheetReportField = (typeof SHEET_REPORT_FIELDS)[number];

/** Each column's header in the templates and in exported sheets, per language. */
export const SHEET_HEADERS: Record<SheetField | SheetReportField, Record<Locale, string>> = {
  unit: { sv: 'Enhet', en: 'Unit' },
  parentUnit: { sv: 'Överordnad enhet', en: 'Parent unit' },
  cycle: { sv: 'Period', en: 'Period' },
  objectiveTitle: { sv: 'Mål', en: 'Objective' },
  objectiveDescription: { sv: 'Beskrivning av målet', en: 'Objective description' },
  objectiveOwnerName: { sv: 'Målets ägare', en: 'Objective owner' },
  objectiveOwnerEmail: { sv: 'Målets ägare (e-post)', en: 'Objective owner (email)' },
  keyResultTitle: { sv: 'Nyckelresultat', en: 'Key result' },
  keyResultOwnerName: { sv: 'Nyckelresultatets ägare', en: 'Key result owner' },
  keyResultOwnerEmail: { sv: 'Nyckelresultatets ägare (e-post)', en: 'Key result owner (email)' },
  startValue: { sv: 'Startvärde', en: 'Start value' },
  targetValue: { sv: 'Målvärde', en: 'Target value' },
  currentValue: { sv: 'Nuvarande värde', en: 'Current value' },
  unitOfMeasure: { sv: 'Enhet för värdet', en: 'Unit of measure' },
  objectiveLevel: { sv: 'Nivå', en: 'Level' },
  keyResultMetric: { sv: 'Typ av mätning', en: 'Metric' },
  progress: { sv: 'Framsteg (%)', en: 'Progress (%)' },
  status: { sv: 'Status', en: 'Status' },
  confidence: { sv: 'Tilltro (0–10)', en: 'Confidence (0–10)' },
  lastCheckIn: { sv: 'Senaste avstämning', en: 'Last check-in' },
  score: { sv: 'Poäng (0–1)', en: 'Score (0–1)' },
};

/**
 * The words a downloaded sheet writes for a level, a metric and a status, per language: the
 * app's own words, which the sheet import reads back (core/sheet-values.ts).
 */
export const SHEET_VALUE_NAMES = {
  level: {
    sv: { organization: 'Organisation', unit: 'Enhet', person: 'Person' },
    en: { organization: 'Organisation', unit: 'Unit', person: 'Person' },
  },
  metric: {
    sv: {
      increase_to: 'Öka till',
      decrease_to: 'Minska till',
      stay_at_or_above: 'Hålla lägst',
      stay_at_or_below: 'Hålla högst',
      milestone: 'Milstolpe',
    },
    en: {
      increase_to: 'Increase to',
      decrease_to: 'Decrease to',
      stay_at_or_above: 'Stay at or above',
      stay_at_or_below: 'Stay at or below',
      milestone: 'Milestone',
    },
  },
  status: {
    sv: { on_track: 'I fas', at_risk: 'I riskzonen', off_track: 'Efter plan' },
    en: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
  },
} as const satisfies {
  level: Record<Locale, Record<ObjectiveLevel, string>>;
  metric: Record<Locale, Record<Metric, string>>;
  status: Record<Locale, Record<Status, string>>;
};
