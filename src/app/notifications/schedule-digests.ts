// The Monday digest for one period: per person, the key results due for a check-in and
// where their objectives stand (their own objectives and those holding key results they
// own). Set-based like the reminders: per organisation and batch of 500 people, one
// statement for who is owed a digest, one for the objectives and key results they are
// involved in, one insert.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { isCheckInDue } from '../../core/check-in-due.ts';
import type { Status } from '../../core/domain.ts';
import { localTime } from '../../core/notification-schedule.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import { suggestedStatus } from '../../core/status.ts';
import { accounts, cycles, keyResults, objectives } from '../../db/schema.ts';
import { uuidArray } from '../../db/raw.ts';
import { cadenceFor, loadCadences, type Cadences } from '../check-ins/cadences.ts';
import { appLink, type AppDeps } from '../context.ts';
import { objectiveRowProgress } from '../objectives/present.ts';
import { renderMessage } from './templates.ts';
import type { DueKeyResult, ObjectiveSummary } from './scheduled-templates.ts';
import { scheduleInBatches, type Recipient, type ScheduledMessage, type ScheduleOptions } from './scheduled-scope.ts';

const KIND = 'weekly_digest';

/** Adds the digests owed at `now` (none outside the send window); returns how many were added. */
export function scheduleWeeklyDigests(deps: AppDeps, options: ScheduleOptions): Promise<number> {
  return scheduleInBatches(deps, options, KIND, async (org, _period, now) => ({
    involved: isInvolved(org.id),
    messages: digestsFor(deps, org, localTime(now, options.timeZone).isoWeek, now, await loadCadences(deps.db, org.id)),
  }));
}

const LIVE = sql.raw(`o.archived_at is null and o.lifecycle = 'published' and c.status = 'active'`);

/** The account owns a live objective of an active cycle, or a key result on one. */
const isInvolved = (orgId: string) => sql`(
  exists (select 1 from objectives o join cycles c on c.id = o.cycle_id
           where o.org_id = ${orgId} and o.person_id = ${accounts.id} and ${LIVE})
  or exists (select 1 from key_results kr join objectives o on o.id = kr.objective_id join cycles c on c.id = o.cycle_id
              where kr.org_id = ${orgId} and kr.owner_id = ${accounts.id} and kr.archived_at is null and ${LIVE}))`;

/** Objectives these accounts own or hold a key result of (each side by its own index). */
const involvingAny = (orgId: string, ids: SQL) => sql`${objectives.id} in (
  select o.id from objectives o where o.org_id = ${orgId} and o.person_id = any(${ids})
  union
  select kr.objective_id from key_results kr
   where kr.org_id = ${orgId} and kr.owner_id = any(${ids}) and kr.archived_at is null)`;

/** The digests for one batch of people: one read of what they are involved in. */
function digestsFor(
  deps: AppDeps,
  org: { id: string; name: string },
  week: number,
  now: Date,
  cadences: Cadences,
): (recipients: Recipient[]) => Promise<ScheduledMessage[]> {
  const link = appLink(deps, `/orgs/${org.id}/week`);
  const liveObjective = and(
    eq(objectives.orgId, org.id),
    isNull(objectives.archivedAt),
    eq(objectives.lifecycle, 'published'),
    eq(cycles.status, 'active'),
  );
  return async (recipients) => {
    const ids = uuidArray(recipients.map((r) => r.id));

    // Every live key result of the objectives these people are involved in: an objective's
    // progress needs all of them, not only the recipient's own.
    const rows = await deps.db
      .select({ kr: keyResults, objective: objectives, cycle: cycles })
      .from(objectives)
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .leftJoin(
        keyResults,
        and(eq(keyResults.orgId, org.id), eq(keyResults.objectiveId, objectives.id), isNull(keyResults.archivedAt)),
      )
      .where(and(liveObjective, involvingAny(org.id, ids)))
      .orderBy(objectives.title, objectives.id, keyResults.position, keyResults.id);

    const byObjective = new Map<
      string,
      {
        objective: typeof objectives.$inferSelect;
        cycle: typeof cycles.$inferSelect;
        krs: (typeof keyResults.$inferSelect)[];
      }
    >();
    for (const { kr, objective, cycle } of rows) {
      const entry = byObjective.get(objective.id) ?? { objective, cycle, krs: [] };
      if (kr) entry.krs.push(kr);
      byObjective.set(objective.id, entry);
    }
    const summaries = new Map<string, ObjectiveSummary>();
    for (const { objective, cycle, krs } of byObjective.values()) {
      const { start, end } = cycleBounds(cycle);
      const expected = expectedProgress(start, end, now);
      const progress = objectiveRowProgress(krs);
      const confidences = krs.flatMap((kr) => (kr.confidence === null ? [] : [kr.confidence]));
      const status =
        (objective.status as Status | null) ??
        suggestedStatus({ progress, expected, confidence: confidences.length ? Math.min(...confidences) : null });
      summaries.set(objective.id, { title: objective.title, progress, status });
    }

    // Who is involved in what, and who owes which check-in, in one pass over the rows.
    const involved = new Map<string, Set<string>>();
    const dueBy = new Map<string, DueKeyResult[]>();
    const involve = (accountId: string | null, objectiveId: string) => {
      if (!accountId) return;
      const set = involved.get(accountId) ?? new Set<string>();
      set.add(objectiveId);
      involved.set(accountId, set);
    };
    for (const { objective, krs } of byObjective.values()) {
      involve(objective.personId, objective.id);
      for (const kr of krs) {
        involve(kr.ownerId, objective.id);
        const cadence = cadenceFor(cadences, objective.unitId);
        if (kr.ownerId && isCheckInDue(kr.lastCheckInAt, kr.createdAt, cadence, now, objective.doneAt !== null)) {
          const list = dueBy.get(kr.ownerId) ?? [];
          list.push({ title: kr.title, objectiveTitle: objective.title });
          dueBy.set(kr.ownerId, list);
        }
      }
    }

    return recipients.flatMap((recipient) => {
      const mine = [...(involved.get(recipient.id) ?? [])].flatMap((id) => {
        const summary = summaries.get(id);
        return summary ? [summary] : [];
      });
      const dueKeyResults = dueBy.get(recipient.id) ?? [];
      if (mine.length === 0 && dueKeyResults.length === 0) return [];
      const message = renderMessage(KIND, recipient.locale, {
        name: recipient.name,
        orgName: org.name,
        week,
        dueKeyResults,
        objectives: mine,
        link,
      });
      return [{ recipient, message }];
    });
  };
}
