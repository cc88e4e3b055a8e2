// What a channel's weekly digest and its "check-ins due" say: the organisation's own
// objectives for the organisation's channel, a unit's own for the unit's. Only live,
// published, public objectives of active cycles: a channel is read by whoever is in it, so a
// private objective (or a draft) is never posted. For any number of channels of one
// organisation it is two statements: the objectives in their scopes, and the key results due.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { CHAT_LIMITS, type CheckInsDueMessage, type WeeklyDigestMessage } from '../../core/chat/chat-message.ts';
import type { Locale, Status } from '../../core/domain.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import { suggestedStatus } from '../../core/status.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, cycles, keyResults, objectives } from '../../db/schema.ts';
import { isDueSql, loadCadences } from '../check-ins/cadences.ts';
import { appLink, type AppDeps } from '../context.ts';
import { liveKeyResult } from '../notifications/scheduled-scope.ts';

/** A channel's scope: the organisation (unitId null) or one unit, with its name. */
export interface ChatScope {
  unitId: string | null;
  name: string;
}

export const scopeKey = (unitId: string | null): string => unitId ?? 'org';

export interface ScopeFigures {
  /** Null when the scope has no objectives to tell of, unless `evenEmpty` (the test button). */
  digest: (scope: ChatScope, locale: Locale, evenEmpty?: boolean) => WeeklyDigestMessage | null;
  due: (scope: ChatScope, locale: Locale) => CheckInsDueMessage | null;
}

/** Objectives a channel may show: public and published, never a private one or a draft. */
const shareable = and(
  isNull(objectives.archivedAt),
  eq(objectives.lifecycle, 'published'),
  eq(objectives.visibility, 'public'),
  eq(cycles.status, 'active'),
) as SQL;

/** Objectives owned by any of the scopes. */
function inScopes(scopes: readonly ChatScope[]): SQL {
  const unitIds = scopes.flatMap((scope) => (scope.unitId ? [scope.unitId] : []));
  const org = scopes.some((scope) => scope.unitId === null);
  return or(
    org ? eq(objectives.level, 'organization') : undefined,
    unitIds.length > 0 ? inArray(objectives.unitId, unitIds) : undefined,
  ) as SQL;
}

/** Reads what the scopes' messages need, and answers them per scope and language. */
export async function loadScopeFigures(
  deps: AppDeps,
  q: Queryable,
  orgId: string,
  scopes: readonly ChatScope[],
  now: Date,
): Promise<ScopeFigures> {
  const minConfidence = sql<number | null>`(select min(${keyResults.confidence}) from ${keyResults}
    where ${keyResults.orgId} = ${objectives.orgId} and ${keyResults.objectiveId} = ${objectives.id}
      and ${keyResults.archivedAt} is null)`;
  const objectiveRows = await q
    .select({ objective: objectives, cycle: cycles, minConfidence })
    .from(objectives)
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(objectives.orgId, orgId), shareable, inScopes(scopes)))
    .orderBy(asc(objectives.title), asc(objectives.id));

  const cadences = await loadCadences(q, orgId);
  const dueRows = await q
    .select({
      title: keyResults.title,
      ownerName: accounts.name,
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      unitId: objectives.unitId,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(accounts, eq(accounts.id, keyResults.ownerId))
    .where(
      and(
        liveKeyResult(orgId),
        shareable,
        inScopes(scopes),
        isDueSql(cadences, { ...keyResults, unitId: objectives.unitId, doneAt: objectives.doneAt }, now),
      ),
    )
    .orderBy(asc(objectives.title), asc(keyResults.position), asc(keyResults.id));

  const objectiveLink = (id: string) => appLink(deps, `/orgs/${orgId}/objectives/${id}`);
  const scopeLink = (scope: ChatScope) =>
    appLink(deps, scope.unitId ? `/orgs/${orgId}/units/${scope.unitId}` : `/orgs/${orgId}`);

  const byScope = <T>(rows: T[], unitOf: (row: T) => string | null) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const key = scopeKey(unitOf(row));
      grouped.set(key, [...(grouped.get(key) ?? []), row]);
    }
    return grouped;
  };
  const objectivesBy = byScope(objectiveRows, (row) => row.objective.unitId);
  const dueBy = byScope(dueRows, (row) => row.unitId);

  return {
    digest(scope, locale, evenEmpty = false) {
      const rows = objectivesBy.get(scopeKey(scope.unitId)) ?? [];
      if (rows.length === 0 && !evenEmpty) return null;
      const shown = rows.map(({ objective, cycle, minConfidence: confidence }) => {
        const { start, end } = cycleBounds(cycle);
        const status =
          (objective.status as Status | null) ??
          suggestedStatus({
            progress: objective.progress,
            expected: expectedProgress(start, end, now),
            confidence: confidence === null ? null : Number(confidence),
          });
        return { title: objective.title, progress: objective.progress, status, link: objectiveLink(objective.id) };
      });
      const statusCounts: Record<Status, number> = { on_track: 0, at_risk: 0, off_track: 0 };
      for (const objective of shown) statusCounts[objective.status]++;
      return {
        kind: 'weekly-digest',
        locale,
        link: scopeLink(scope),
        periodName: [...new Set(rows.map((row) => row.cycle.name))].join(', '),
        scopeName: scope.name,
        statusCounts,
        averageProgress: shown.reduce((sum, objective) => sum + objective.progress, 0) / Math.max(1, shown.length),
        dueCheckIns: dueBy.get(scopeKey(scope.unitId))?.length ?? 0,
        objectives: shown.slice(0, CHAT_LIMITS.digestObjectives),
      };
    },
    due(scope, locale) {
      const rows = dueBy.get(scopeKey(scope.unitId)) ?? [];
      if (rows.length === 0) return null;
      return {
        kind: 'check-ins-due',
        locale,
        link: appLink(deps, `/orgs/${orgId}/week`),
        scopeName: scope.name,
        dueCount: rows.length,
        keyResults: rows.slice(0, CHAT_LIMITS.dueKeyResults).map((row) => ({
          title: row.title,
          ownerName: row.ownerName,
          objectiveTitle: row.objectiveTitle,
          link: objectiveLink(row.objectiveId),
        })),
      };
    },
  };
}
