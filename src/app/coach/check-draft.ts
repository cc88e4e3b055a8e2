import { eq } from 'drizzle-orm';
import type { Locale, Metric, ObjectiveKind, ObjectiveLevel } from '../../core/domain.ts';
import type { Advice, CoachObjective } from '../../core/coach/model.ts';
import { runCoach } from '../../core/coach/rules.ts';
import { accounts } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { assertOwner } from '../objectives/create-objective.ts';
import { assertCycleInOrg } from '../references.ts';
import { actorInOrg } from '../scope.ts';
import { loadCoachContext } from './coach-snapshot.ts';
import { presentAdvice, ruleStates, type CoachAdviceView } from './coach-view.ts';

export interface DraftKeyResult {
  title: string;
  metric: Metric;
  start?: number;
  target?: number;
  unit?: string;
  ownerId?: string | null;
}

/** An objective as it stands in a form, not saved. */
export interface DraftObjective {
  cycleId: string;
  level: ObjectiveLevel;
  unitId?: string;
  personId?: string;
  title: string;
  kind?: ObjectiveKind;
  supports?: string[];
  /** Key results it supports; their objectives are supported too, as when it is saved. */
  supportsKeyResultIds?: string[];
  /** The strategy themes it is to serve. */
  themeIds?: string[];
  keyResults?: DraftKeyResult[];
  /** The saved objective this draft edits: left out of the context, so it is not counted twice. */
  objectiveId?: string;
  locale: Locale;
}

/** Ids the draft's advice names: the objective is "draft", its key results "draft/keyResults/<index>". */
export const DRAFT_ID = 'draft';
export const draftKeyResultId = (index: number) => `${DRAFT_ID}/keyResults/${index}`;

/**
 * The coach's advice on an objective as it is being written, in the context of the cycle
 * (the owner's other objectives, what it supports, the organisation's objectives). It
 * writes nothing: the web form calls it as the person types. Every member may ask.
 */
export async function checkDraft(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  draft: DraftObjective,
): Promise<CoachAdviceView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  await assertCycleInOrg(deps.db, actor.orgId, draft.cycleId, '/body/cycleId');
  await assertOwner(deps.db, actor, draft);
  const supportsKeyResultIds = draft.supportsKeyResultIds ?? [];
  const context = await loadCoachContext(deps, actor, draft.cycleId, deps.now(), {
    supportIds: draft.supports ?? [],
    supportKeyResultIds: supportsKeyResultIds,
    only: {
      unitIds: draft.level === 'unit' && draft.unitId ? [draft.unitId] : [],
      personIds: draft.level === 'person' && draft.personId ? [draft.personId] : [],
    },
    ...(draft.objectiveId ? { excludeId: draft.objectiveId } : {}),
  });
  // The key results it may name (in the snapshot: the reader may read them), and with them
  // their objectives, as saving it would link them.
  const supportsKeyResults = context.keyResults.resolve(supportsKeyResultIds);
  const viaKeyResults = supportsKeyResults.flatMap((kr) => context.keyResults.objectiveOf(kr.id) ?? []);
  const objective: CoachObjective = {
    id: DRAFT_ID,
    title: draft.title,
    level: draft.level,
    unitId: draft.unitId ?? null,
    personId: draft.personId ?? null,
    kind: draft.kind ?? 'committed',
    inCycle: true,
    supports: [...new Set([...(draft.supports ?? []), ...viaKeyResults])],
    supportsKeyResults,
    servesTheme: (draft.themeIds ?? []).length > 0,
    keyResults: (draft.keyResults ?? []).map((kr, i) => ({
      id: draftKeyResultId(i),
      title: kr.title,
      metric: kr.metric,
      start: kr.start ?? 0,
      // As when it is saved: a milestone goes from 0 to 1 unless told otherwise.
      target: kr.target ?? (kr.metric === 'milestone' ? 1 : null),
      unit: kr.unit ?? '',
      ownerId: kr.ownerId ?? null,
      hasActionPlan: null,
    })),
  };
  context.snapshot.objectives.push(objective);
  if (draft.personId && !context.personNames.has(draft.personId)) {
    // A person's first objective: name them too (assertOwner found them a member).
    const [person] = await deps.db
      .select({ name: accounts.name })
      .from(accounts)
      .where(eq(accounts.id, draft.personId));
    context.personNames = new Map([...context.personNames, [draft.personId, person?.name ?? '']]);
  }

  // Advice on the draft itself, and on its owner (focus, the unit's vision and mission).
  const owner =
    draft.level === 'unit'
      ? { type: 'unit', id: draft.unitId }
      : draft.level === 'person'
        ? { type: 'person', id: draft.personId }
        : { type: 'organization', id: actor.orgId };
  const aboutDraft = (a: Advice) =>
    a.objectiveId === DRAFT_ID || (a.target.type === owner.type && a.target.id === owner.id);
  const advice = runCoach(context.snapshot, context.disabledRules).filter(aboutDraft);
  return {
    cycleClosed: context.cycleClosed,
    items: presentAdvice(advice, context, draft.locale),
    rules: ruleStates(context.disabledRules),
  };
}
