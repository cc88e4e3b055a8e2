// What the coach looks at: a snapshot of one organisation's OKRs around one cycle.
import type { Metric, ObjectiveKind, ObjectiveLevel } from '../domain.ts';
import type { RuleId, Severity } from './rule-ids.ts';

export type { RuleId, Severity } from './rule-ids.ts';

export interface CoachKeyResult {
  id: string;
  title: string;
  metric: Metric;
  start: number;
  /** Null only in a draft that has no target yet. */
  target: number | null;
  unit: string;
  ownerId: string | null;
  /** Whether it has a live activity (an action plan); null when not known, as for a draft not yet saved. */
  hasActionPlan: boolean | null;
}

export interface CoachObjective {
  id: string;
  title: string;
  level: ObjectiveLevel;
  unitId: string | null;
  personId: string | null;
  kind: ObjectiveKind;
  /**
   * Whether it is under review: an objective of the cycle. The others are there as
   * context only — alignment targets, such as the organisation's objectives for the year.
   */
  inCycle: boolean;
  /**
   * Ids of the objectives it supports; some may be missing from the snapshot (not readable).
   * An objective that supports a key result supports its objective too, so it is here.
   */
  supports: string[];
  /** The key results it supports that the reader may read, with what the rules compare. */
  supportsKeyResults: SupportedKeyResult[];
  /** Whether it serves a strategy theme: aligned to the strategy even with nothing to support. */
  servesTheme: boolean;
  keyResults: CoachKeyResult[];
}

/** A key result an objective supports (the method's "the team's key result becomes my objective"). */
export type SupportedKeyResult = Pick<CoachKeyResult, 'id' | 'title' | 'target'>;

export interface CoachUnit {
  id: string;
  name: string;
  vision: string;
  mission: string;
}

export interface FocusRange {
  objectivesMin: number;
  objectivesMax: number;
  keyResultsMin: number;
  keyResultsMax: number;
}

export interface CoachSnapshot {
  now: Date;
  org: { id: string; vision: string; strategy: string; focus: FocusRange };
  /** Dates as YYYY-MM-DD; the last day counts in full. */
  cycle: { id: string; startsOn: string; endsOn: string };
  units: CoachUnit[];
  /** Objectives of the cycle, plus the objectives they support and the organisation's for the parent cycle. */
  objectives: CoachObjective[];
}

export const TARGET_TYPES = ['organization', 'unit', 'person', 'objective', 'keyResult'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** One piece of advice: which rule, about what, with the figures its message needs. */
export interface Advice {
  ruleId: RuleId;
  severity: Severity;
  target: { type: TargetType; id: string };
  /** The objective the advice belongs to, when there is one (for lists by objective). */
  objectiveId: string | null;
  params: Record<string, string | number>;
}
