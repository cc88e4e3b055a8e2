// The coach's rules: each a pure function from a snapshot to advice, with an id and a
// severity. They guide towards the method (focus, measurable outcomes, alignment rather
// than waterfall, vision first); none of them forbids anything.
import { expectedProgress } from '../progress.ts';
import type { Advice, CoachKeyResult, CoachObjective, CoachSnapshot, Severity, TargetType } from './model.ts';
import { RESTATES_SUPPORTED_KEY_RESULT, type RuleId } from './rule-ids.ts';
import { opensWithHold, opensWithTask } from './task-verbs.ts';
import { LANGUAGES, dice, figureSet, figures, pairLanguage, stemOf, stemSet, type Language } from './text.ts';

export { RULE_IDS, type RuleId } from './rule-ids.ts';

export interface Rule {
  id: RuleId;
  severity: Severity;
  check(snapshot: CoachSnapshot): Advice[];
}

/** Two texts this similar (Dice over stems) say the same thing. */
export const RESTATEMENT_THRESHOLD = 0.8;
/** The share of a cycle after which a key result should have an action plan. */
export const ACTION_PLAN_AFTER = 1 / 3;

/** Words of direction an objective may add to a key result's words without saying anything of its own. */
const DIRECTION_WORDS = [
  ...['öka', 'minska', 'höja', 'sänka', 'nå', 'uppnå', 'förbättra', 'fördubbla', 'behålla', 'växa', 'bli', 'få'],
  ...['increase', 'decrease', 'reduce', 'raise', 'lower', 'improve', 'double', 'grow', 'reach', 'achieve'],
  ...['get', 'hit', 'keep', 'maintain', 'boost'],
];

/** A word list stemmed the way a text in the language is stemmed (phrases word by word). */
const stemmedPhrases = (list: readonly string[], language: Language) =>
  new Set(
    list.map((phrase) =>
      phrase
        .split(' ')
        .map((w) => stemOf(w, language))
        .join(' '),
    ),
  );
// Words of direction in either language, since a title may mix them ("Öka NPS").
const DIRECTION_STEMS = Object.fromEntries(LANGUAGES.map((l) => [l, stemmedPhrases(DIRECTION_WORDS, l)])) as Record<
  Language,
  Set<string>
>;

const isThreshold = (kr: Pick<CoachKeyResult, 'metric'>) =>
  kr.metric === 'stay_at_or_above' || kr.metric === 'stay_at_or_below';

/** A key result that reads as a task: it starts with an action verb, or is a milestone (done or not). */
export function looksLikeActivity(kr: Pick<CoachKeyResult, 'title' | 'metric'>): boolean {
  if (kr.metric === 'milestone') return true;
  return opensWithTask(kr.title) || (!isThreshold(kr) && opensWithHold(kr.title));
}

/**
 * Whether an objective's title only restates a key result: the two say nearly the same
 * (Dice over stems at least RESTATEMENT_THRESHOLD), or the objective repeats one of the key
 * result's figures and adds nothing but a word of direction ("Öka NPS till 45" for
 * "NPS från 30 till 45"). An objective about the same theme without the figure ("Öka
 * deltagandet på interna event jämfört med förra året") is the team's own.
 */
export function restates(objectiveTitle: string, kr: Pick<CoachKeyResult, 'title' | 'target'>): boolean {
  // The coach asks this of every team objective and every key result above it, hundreds of
  // times for a unit's page: the texts' sets are remembered, and nothing is built per pair.
  const language = pairLanguage(objectiveTitle, kr.title);
  const own = stemSet(objectiveTitle, language);
  const theirs = stemSet(kr.title, language);
  if (dice(own, theirs) >= RESTATEMENT_THRESHOLD) return true;
  const krFigures = figureSet(kr.title);
  const target = kr.target !== null && Number.isInteger(kr.target) && kr.target >= 0 ? String(kr.target) : null;
  // Of what the objective says besides a direction, every word is the key result's or one
  // of its figures, and at least one is a figure.
  let saysAFigure = false;
  for (const stem of own) {
    if (DIRECTION_STEMS[language].has(stem)) continue;
    const isFigure = krFigures.has(stem) || stem === target;
    if (!isFigure && !theirs.has(stem)) return false;
    saysAFigure ||= isFigure;
  }
  return saysAFigure;
}

const reviewed = (s: CoachSnapshot) => s.objectives.filter((o) => o.inCycle);

function defineRule(id: RuleId, severity: Severity, check: (s: CoachSnapshot, advise: Advise) => Advice[]): Rule {
  const advise: Advise = (target, objectiveId, params = {}) => ({ ruleId: id, severity, target, objectiveId, params });
  return { id, severity, check: (s) => check(s, advise) };
}
type Advise = (target: Advice['target'], objectiveId: string | null, params?: Advice['params']) => Advice;

function ownerOf(o: CoachObjective, s: CoachSnapshot): { type: TargetType; id: string } {
  if (o.level === 'unit' && o.unitId) return { type: 'unit', id: o.unitId };
  if (o.level === 'person' && o.personId) return { type: 'person', id: o.personId };
  return { type: 'organization', id: s.org.id };
}

/** Objectives under review per owner, counting only those `counts` accepts. */
function countByOwner(s: CoachSnapshot, counts: (o: CoachObjective) => boolean) {
  const byOwner = new Map<string, { target: Advice['target']; count: number }>();
  for (const o of reviewed(s).filter(counts)) {
    const target = ownerOf(o, s);
    const key = `${target.type}:${target.id}`;
    const entry = byOwner.get(key) ?? { target, count: 0 };
    entry.count++;
    byOwner.set(key, entry);
  }
  return [...byOwner.values()];
}

const eachKeyResult = (s: CoachSnapshot, f: (kr: CoachKeyResult, o: CoachObjective) => Advice | null): Advice[] =>
  reviewed(s).flatMap((o) => o.keyResults.map((kr) => f(kr, o)).filter((a): a is Advice => a !== null));
const aboutKeyResult = (kr: CoachKeyResult) => ({ type: 'keyResult' as const, id: kr.id });
const aboutObjective = (o: CoachObjective) => ({ type: 'objective' as const, id: o.id });

/** Every objective counts towards too many: a personal development plan takes attention too. */
const tooManyObjectives = defineRule('focus.too-many-objectives', 'warning', (s, advise) =>
  countByOwner(s, () => true)
    .filter((c) => c.count > s.org.focus.objectivesMax)
    .map((c) => advise(c.target, null, { count: c.count, max: s.org.focus.objectivesMax })),
);

/**
 * Too few, for the organisation and units that have started: a personal development plan
 * gives the work no direction, so it does not count. Individual OKRs are optional and
 * often one or two that support the team's, so people are left out.
 */
const tooFewObjectives = defineRule('focus.too-few-objectives', 'hint', (s, advise) =>
  countByOwner(s, (o) => o.kind !== 'development' && o.level !== 'person')
    .filter((c) => c.count < s.org.focus.objectivesMin)
    .map((c) => advise(c.target, null, { count: c.count, min: s.org.focus.objectivesMin })),
);

const keyResultCount = defineRule('focus.key-result-count', 'hint', (s, advise) => {
  const { keyResultsMin: min, keyResultsMax: max } = s.org.focus;
  return reviewed(s)
    .filter((o) => o.keyResults.length < min || o.keyResults.length > max)
    .map((o) => advise(aboutObjective(o), o.id, { count: o.keyResults.length, min, max }));
});

const noOwner = defineRule('key-result.no-owner', 'warning', (s, advise) =>
  eachKeyResult(s, (kr, o) => (kr.ownerId ? null : advise(aboutKeyResult(kr), o.id, { title: kr.title }))),
);

/** Only where there is a way to go; a threshold's start says nothing. */
const startEqualsTarget = defineRule('key-result.start-equals-target', 'warning', (s, advise) =>
  eachKeyResult(s, (kr, o) =>
    (kr.metric === 'increase_to' || kr.metric === 'decrease_to') && kr.start === kr.target
      ? advise(aboutKeyResult(kr), o.id, { title: kr.title, value: kr.target })
      : null,
  ),
);

/**
 * No target at all (a draft), or a yes/no dressed up as a number: 0 to 1 (or 1 to 0, or
 * "at least 1") with no unit and no figure in the words. Milestones are yes/no by
 * design; the activity rule speaks about them.
 */
function lacksMeasurableTarget(kr: CoachKeyResult): boolean {
  if (kr.metric === 'milestone') return false;
  if (kr.target === null) return true;
  if (kr.unit.trim() || figures(kr.title).length) return false;
  switch (kr.metric) {
    case 'increase_to':
      return kr.start === 0 && kr.target === 1;
    case 'decrease_to':
      return kr.start === 1 && kr.target === 0;
    case 'stay_at_or_above':
      return kr.target === 1;
    case 'stay_at_or_below':
      return false;
  }
}

const noMeasurableTarget = defineRule('key-result.no-measurable-target', 'warning', (s, advise) =>
  eachKeyResult(s, (kr, o) =>
    lacksMeasurableTarget(kr) ? advise(aboutKeyResult(kr), o.id, { title: kr.title }) : null,
  ),
);

const isActivity = defineRule('key-result.is-activity', 'hint', (s, advise) =>
  eachKeyResult(s, (kr, o) => (looksLikeActivity(kr) ? advise(aboutKeyResult(kr), o.id, { title: kr.title }) : null)),
);

/**
 * A team (or person) that copies a key result from above as its objective: waterfall.
 * First the key results it supports itself, the clearest case (linked to "300 deltagare på
 * interna event" and titled so); then the key results of what it supports and of every
 * organisation objective.
 */
const waterfall = defineRule('alignment.waterfall', 'warning', (s, advise) => {
  const byId = new Map(s.objectives.map((o) => [o.id, o]));
  const orgObjectives = s.objectives.filter((o) => o.level === 'organization');
  return reviewed(s)
    .filter((o) => o.level !== 'organization' && o.title.trim())
    .flatMap((o) => {
      const linked = o.supportsKeyResults.find((kr) => restates(o.title, kr));
      if (linked) {
        const params = { title: o.title, keyResult: linked.title, variant: RESTATES_SUPPORTED_KEY_RESULT };
        return [advise(aboutObjective(o), o.id, params)];
      }
      const supported = o.supports.map((id) => byId.get(id)).filter((x): x is CoachObjective => !!x);
      for (const above of new Set([...supported, ...orgObjectives])) {
        const copied = above.keyResults.find((kr) => restates(o.title, kr));
        if (copied) return [advise(aboutObjective(o), o.id, { title: o.title, keyResult: copied.title })];
      }
      return [];
    });
});

/**
 * Whether an objective reaches an organisation objective through what it supports, at any
 * depth (a team supports its division, which supports the organisation). `unknown` when
 * the way leads to an objective outside the snapshot (one the caller may not read).
 */
function reachesOrganisation(start: CoachObjective, byId: ReadonlyMap<string, CoachObjective>): boolean | 'unknown' {
  const seen = new Set<string>([start.id]);
  const queue = [...start.supports];
  let unknown = false;
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const next = byId.get(id);
    if (!next) unknown = true;
    else if (next.level === 'organization') return true;
    else queue.push(...next.supports);
  }
  return unknown ? 'unknown' : false;
}

/**
 * A hint, not a fault: teams may have OKRs of their own. Only while the organisation has
 * objectives; one that serves a strategy theme is aligned to the strategy already.
 */
const unitSupportsNothing = defineRule('alignment.unit-supports-nothing', 'hint', (s, advise) => {
  if (!s.objectives.some((o) => o.level === 'organization')) return [];
  const byId = new Map(s.objectives.map((o) => [o.id, o]));
  return reviewed(s)
    .filter((o) => o.level === 'unit' && !o.servesTheme && reachesOrganisation(o, byId) === false)
    .map((o) => advise(aboutObjective(o), o.id, { title: o.title }));
});

const personSupportsNothing = defineRule('alignment.person-supports-nothing', 'hint', (s, advise) =>
  reviewed(s)
    .filter((o) => o.level === 'person' && o.kind !== 'development' && o.supports.length === 0 && !o.servesTheme)
    .map((o) => advise(aboutObjective(o), o.id, { title: o.title })),
);

/** `missing` lists the empty fields, comma-separated; the messages name them in words. */
const missingOf = (fields: Record<string, string>) =>
  Object.entries(fields)
    .filter(([, text]) => !text.trim())
    .map(([name]) => name)
    .join(',');

const orgWithoutVision = defineRule('organization.no-vision-or-strategy', 'warning', (s, advise) => {
  const missing = missingOf({ vision: s.org.vision, strategy: s.org.strategy });
  const hasObjectives = s.objectives.some((o) => o.level === 'organization');
  return hasObjectives && missing ? [advise({ type: 'organization', id: s.org.id }, null, { missing })] : [];
});

const unitWithoutVision = defineRule('unit.no-vision-or-mission', 'hint', (s, advise) => {
  const withObjectives = new Set(reviewed(s).flatMap((o) => (o.level === 'unit' && o.unitId ? [o.unitId] : [])));
  return s.units.flatMap((u) => {
    const missing = missingOf({ vision: u.vision, mission: u.mission });
    return withObjectives.has(u.id) && missing
      ? [advise({ type: 'unit', id: u.id }, null, { name: u.name, missing })]
      : [];
  });
});

/** From a third of the cycle until its end: after the end there is nothing left to plan. */
const noActionPlan = defineRule('key-result.no-action-plan', 'hint', (s, advise) => {
  const start = new Date(`${s.cycle.startsOn}T00:00:00Z`);
  const end = new Date(new Date(`${s.cycle.endsOn}T00:00:00Z`).getTime() + 86_400_000);
  const elapsed = expectedProgress(start, end, s.now);
  if (elapsed < ACTION_PLAN_AFTER || elapsed >= 1) return [];
  return eachKeyResult(s, (kr, o) =>
    kr.hasActionPlan === false
      ? // Rounded as the pages round it, but never "100 %" while the cycle still runs.
        advise(aboutKeyResult(kr), o.id, { title: kr.title, elapsed: Math.min(99, Math.round(elapsed * 100)) })
      : null,
  );
});

export const RULES: readonly Rule[] = [
  tooManyObjectives,
  tooFewObjectives,
  keyResultCount,
  noOwner,
  startEqualsTarget,
  noMeasurableTarget,
  isActivity,
  waterfall,
  unitSupportsNothing,
  personSupportsNothing,
  orgWithoutVision,
  unitWithoutVision,
  noActionPlan,
];

/** All advice for a snapshot, leaving out the rules the organisation switched off. */
export function runCoach(snapshot: CoachSnapshot, disabled: readonly string[] = []): Advice[] {
  const off = new Set(disabled);
  return RULES.filter((rule) => !off.has(rule.id)).flatMap((rule) => rule.check(snapshot));
}

/** The rules by id (RULE_IDS and RULES name the same rules in the same order; the tests check it). */
export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));
