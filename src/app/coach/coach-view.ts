// Advice as the API shows it: in the reader's language, with the name of what it is about,
// warnings first; and the rules with whether the organisation has them switched on.
import type { Locale } from '../../core/domain.ts';
import type { Advice, CoachSnapshot, RuleId, Severity, TargetType } from '../../core/coach/model.ts';
import { describeAdvice } from '../../core/coach/messages.ts';
import { RULES } from '../../core/coach/rules.ts';
import type { UnitScope } from '../units/unit-tree.ts';
import type { CoachContext } from './coach-snapshot.ts';

export interface AdviceView {
  ruleId: RuleId;
  severity: Severity;
  target: { type: TargetType; id: string; name: string };
  objectiveId: string | null;
  title: string;
  why: string;
  todo: string;
}

export interface RuleState {
  id: RuleId;
  severity: Severity;
  enabled: boolean;
}

export interface CoachAdviceView {
  /** The cycle is closed: the coach is quiet about it (scores and reflections are what is left). */
  cycleClosed: boolean;
  items: AdviceView[];
  /** How many there are, when `items` holds only the first few. */
  total?: number;
  rules?: RuleState[];
}

export function ruleStates(disabled: readonly string[]): RuleState[] {
  const off = new Set(disabled);
  return RULES.map((rule) => ({ id: rule.id, severity: rule.severity, enabled: !off.has(rule.id) }));
}

/** Names by context: a context the server keeps (coach-review.ts) is named once, not on every request. */
const namesByContext = new WeakMap<CoachContext, ReadonlyMap<string, string>>();

/** Names of everything advice can be about, from the snapshot. */
function namesOf(context: CoachContext): ReadonlyMap<string, string> {
  const kept = namesByContext.get(context);
  if (kept) return kept;
  const names = new Map<string, string>([[`organization:${context.snapshot.org.id}`, context.orgName]]);
  for (const unit of context.snapshot.units) names.set(`unit:${unit.id}`, unit.name);
  for (const [id, name] of context.personNames) names.set(`person:${id}`, name);
  for (const o of context.snapshot.objectives) {
    names.set(`objective:${o.id}`, o.title);
    for (const kr of o.keyResults) names.set(`keyResult:${kr.id}`, kr.title);
  }
  namesByContext.set(context, names);
  return names;
}

const SEVERITY_ORDER: Record<Severity, number> = { warning: 0, hint: 1 };

/** Warnings first; only the first `limit` are worded (all when there is no limit). */
export function presentAdvice(
  advice: readonly Advice[],
  context: CoachContext,
  locale: Locale,
  limit = advice.length,
): AdviceView[] {
  const names = namesOf(context);
  return [...advice]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .slice(0, limit)
    .map((a) => ({
      ruleId: a.ruleId,
      severity: a.severity,
      target: { ...a.target, name: names.get(`${a.target.type}:${a.target.id}`) ?? '' },
      objectiveId: a.objectiveId,
      ...describeAdvice(a, locale),
    }));
}

/**
 * Whether advice is about a unit's part of the organisation: the unit and the units
 * beneath it, their objectives and key results, and the people who belong to them with
 * their individual objectives. Advice about the organisation itself is not.
 */
export function adviceInScope(snapshot: CoachSnapshot, scope: UnitScope): (advice: Advice) => boolean {
  const units = new Set(scope.unitIds);
  const people = new Set(scope.personIds);
  const owned = new Set(
    snapshot.objectives
      .filter((o) => (o.unitId !== null && units.has(o.unitId)) || (o.personId !== null && people.has(o.personId)))
      .map((o) => o.id),
  );
  return (advice) => {
    switch (advice.target.type) {
      case 'organization':
        return false;
      case 'unit':
        return units.has(advice.target.id);
      case 'person':
        return people.has(advice.target.id);
      case 'objective':
      case 'keyResult':
        return advice.objectiveId !== null && owned.has(advice.objectiveId);
    }
  };
}
