// Check-in reminders for one period: each person who owns key results due by their cadence
// gets one message listing them, in their own language. Set-based: per organisation and
// batch of 500 people, one statement finds who is owed a reminder, one reads their due key
// results, one inserts the messages — never a query per person. A person who already has
// this period's reminder is not read again, so later polls in the same window cost one
// empty query per organisation.
import { and, eq, exists, inArray } from 'drizzle-orm';
import { accounts, cycles, keyResults, objectives } from '../../db/schema.ts';
import { loadCadences, isDueSql } from '../check-ins/cadences.ts';
import { appLink, type AppDeps } from '../context.ts';
import { renderMessage } from './templates.ts';
import type { DueKeyResult } from './scheduled-templates.ts';
import { liveKeyResult, scheduleInBatches, type ScheduleOptions } from './scheduled-scope.ts';

const KIND = 'check_in_reminder';

/** Adds the reminders owed at `now` (none outside the send window); returns how many were added. */
export function scheduleCheckInReminders(deps: AppDeps, options: ScheduleOptions): Promise<number> {
  return scheduleInBatches(deps, options, KIND, async (org, _period, now) => {
    const cadences = await loadCadences(deps.db, org.id);
    const due = isDueSql(cadences, { ...keyResults, unitId: objectives.unitId, doneAt: objectives.doneAt }, now);
    const link = appLink(deps, `/orgs/${org.id}/week`);
    return {
      involved: exists(
        deps.db
          .select({ one: keyResults.id })
          .from(keyResults)
          .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
          .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
          .where(and(liveKeyResult(org.id), eq(keyResults.ownerId, accounts.id), due)),
      ),
      messages: async (recipients) => {
        const rows = await deps.db
          .select({ ownerId: keyResults.ownerId, title: keyResults.title, objectiveTitle: objectives.title })
          .from(keyResults)
          .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
          .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
          .where(
            and(
              liveKeyResult(org.id),
              inArray(
                keyResults.ownerId,
                recipients.map((r) => r.id),
              ),
              due,
            ),
          )
          .orderBy(objectives.title, keyResults.position, keyResults.id);
        const byOwner = new Map<string, DueKeyResult[]>();
        for (const row of rows) {
          if (!row.ownerId) continue;
          const list = byOwner.get(row.ownerId) ?? [];
          list.push({ title: row.title, objectiveTitle: row.objectiveTitle });
          byOwner.set(row.ownerId, list);
        }
        return recipients.flatMap((recipient) => {
          const dueKeyResults = byOwner.get(recipient.id);
          if (!dueKeyResults?.length) return [];
          const message = renderMessage(KIND, recipient.locale, {
            name: recipient.name,
            orgName: org.name,
            dueKeyResults,
            link,
          });
          return [{ recipient, message }];
        });
      },
    };
  });
}
