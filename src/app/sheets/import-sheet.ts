// Step two of a sheet import: the rows checked against what the organisation has
// (core/sheet-plan.ts) and, when nothing is wrong, written in one transaction: people, units,
// cycles, objectives and key results, set-based (a few hundred rows per statement). All or
// nothing: any problem answers 422 with every problem named by row and column, and writes
// nothing. A dry run checks and counts. A successful import saves its column choices for the
// organisation's next sheet with the same headers.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { SHEET_LIMITS } from '../../core/limits.ts';
import { can } from '../../core/policy.ts';
import { mappingToSave, type SheetMapping } from '../../core/sheet-mapping.ts';
import {
  nameKey,
  planSheetImport,
  sheetEmails,
  sheetObjectiveTitles,
  type SheetContext,
  type SheetCounts,
} from '../../core/sheet-plan.ts';
import type { SheetProblem } from '../../core/sheet-problems.ts';
import type { Tx } from '../../db/connect.ts';
import { queryRows, textArray } from '../../db/raw.ts';
import {
  accounts,
  cycles,
  keyResults,
  memberships,
  objectives,
  organizations,
  unitMembers,
  units,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetActors, forgetCadences, forgetCycles } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { insertAll } from '../transfer/insert-all.ts';
import { saveMapping } from './saved-mappings.ts';

export interface SheetImportInput {
  headers: string[];
  rows: string[][];
  mapping: SheetMapping;
}

export interface SheetDryRun {
  counts: SheetCounts;
  problems: SheetProblem[];
  /** All problems; `problems` holds the first 500. */
  problemCount: number;
}

export interface SheetImported {
  counts: SheetCounts;
  /** The objectives created, in sheet order. */
  objectives: { id: string; title: string }[];
}

export function importSheet(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: SheetImportInput,
  options: { dryRun: true },
): Promise<SheetDryRun>;
export function importSheet(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: SheetImportInput,
  options: { dryRun: false },
): Promise<SheetImported>;
export async function importSheet(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: SheetImportInput,
  { dryRun }: { dryRun: boolean },
): Promise<SheetDryRun | SheetImported> {
  let wrote = false;
  try {
    return await inTransaction(deps, async (tx) => {
      const actor = await actorInOrg(tx, caller, orgId);
      if (!can(actor, 'org.import')) throw forbidden();
      if (input.rows.length > SHEET_LIMITS.rows)
        throw new AppError('unprocessable', 'sheet_too_many_rows', { limit: SHEET_LIMITS.rows });
      if (Math.max(input.headers.length, ...input.rows.map((row) => row.length)) > SHEET_LIMITS.columns)
        throw new AppError('unprocessable', 'sheet_too_many_columns', { limit: SHEET_LIMITS.columns });
      // Two imports into one organisation take turns, so neither creates what the other just did.
      await takeTurnInOrg(tx, actor.orgId);
      const { context, locale } = await loadContext(tx, actor.orgId, input, deps.now());
      const check = planSheetImport(input, context);
      if (dryRun) return { counts: check.counts, problems: check.problems, problemCount: check.problemCount };
      if (check.problemCount > 0) {
        throw new AppError('unprocessable', 'sheet_import_invalid', { count: check.problemCount }, [], {
          problems: check.problems,
          problemCount: check.problemCount,
        });
      }
      const { plan, counts } = check;
      const now = deps.now();
      const id = actor.orgId;
      wrote = true;
      await insertAll(plan.accounts, (chunk) =>
        tx.insert(accounts).values(
          chunk.map((a) => ({
            id: a.id,
            email: a.email,
            name: a.name,
            locale,
            passwordHash: null,
            status: 'active',
          })),
        ),
      );
      await insertAll(plan.memberships, (chunk) =>
        tx
          .insert(memberships)
          .values(chunk.map((accountId) => ({ orgId: id, accountId, role: 'member' })))
          .onConflictDoNothing(),
      );
      await insertAll(plan.units, (chunk) =>
        tx.insert(units).values(chunk.map((u) => ({ ...u, orgId: id, createdAt: now, updatedAt: now }))),
      );
      await insertAll(plan.unitMembers, (chunk) =>
        tx
          .insert(unitMembers)
          .values(chunk.map((m) => ({ ...m, orgId: id, role: 'member' })))
          .onConflictDoNothing(),
      );
      await insertAll(plan.cycles, (chunk) =>
        tx.insert(cycles).values(chunk.map((c) => ({ ...c, orgId: id, createdAt: now, updatedAt: now }))),
      );
      await insertAll(plan.objectives, (chunk) =>
        tx.insert(objectives).values(
          chunk.map((o) => ({
            ...o,
            orgId: id,
            kind: 'committed',
            visibility: 'public',
            lifecycle: 'published',
            createdBy: caller.accountId,
            createdAt: now,
            updatedAt: now,
          })),
        ),
      );
      await insertAll(plan.keyResults, (chunk) =>
        tx
          .insert(keyResults)
          .values(chunk.map((k) => ({ ...k, orgId: id, weight: 1, createdAt: now, updatedAt: now }))),
      );
      await saveMapping(tx, id, mappingToSave(input.headers, input.mapping), now);
      await recordAudit(tx, {
        orgId: id,
        actorId: caller.accountId,
        action: 'org.sheet_import',
        entityType: 'organization',
        entityId: id,
        after: { counts, rows: input.rows.length, headers: input.headers, mapping: input.mapping },
      });
      return { counts, objectives: plan.objectives.map((o) => ({ id: o.id, title: o.title })) };
    });
  } finally {
    if (wrote) {
      forgetActors(deps);
      forgetCadences(deps);
      forgetCycles(deps);
    }
  }
}

/** What the plan is checked against, read in a handful of statements whatever the sheet's size. */
async function loadContext(
  tx: Tx,
  orgId: string,
  input: SheetImportInput,
  now: Date,
): Promise<{ context: SheetContext; locale: string }> {
  const [org] = await tx
    .select({ name: organizations.name, settings: organizations.settings, locale: organizations.defaultLocale })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new Error(`organisation ${orgId} vanished`);
  const liveUnits = await queryRows<{ id: string; name: string; parentId: string | null }>(
    tx,
    sql`select id, name, parent_id as "parentId" from units where org_id = ${orgId} and archived_at is null`,
  );
  const orgCycles = await queryRows<SheetContext['cycles'][number]>(
    tx,
    sql`select id, name, starts_on::text as "startsOn", ends_on::text as "endsOn", status, parent_id as "parentId"
        from cycles where org_id = ${orgId}`,
  );
  const members = await queryRows<{ id: string; name: string; email: string }>(
    tx,
    sql`select a.id, a.name, a.email from memberships m join accounts a on a.id = m.account_id where m.org_id = ${orgId}`,
  );
  const emails = sheetEmails(input);
  const known =
    emails.length === 0
      ? []
      : await queryRows<{ id: string; email: string; name: string }>(
          tx,
          sql`select id, lower(email) as email, name from accounts where lower(email) = any(${textArray(emails)})`,
        );
  const titles = sheetObjectiveTitles(input);
  const existing =
    titles.length === 0
      ? []
      : await queryRows<SheetContext['objectives'][number]>(
          tx,
          sql`select o.id, o.cycle_id as "cycleId", o.level, o.unit_id as "unitId", o.person_id as "personId", o.title,
                coalesce((select json_agg(k.title) from key_results k
                          where k.org_id = o.org_id and k.objective_id = o.id and k.archived_at is null), '[]'::json)
                  as "keyResultTitles",
                coalesce((select max(k.position) + 1 from key_results k
                          where k.org_id = o.org_id and k.objective_id = o.id), 0)::int as "nextPosition"
              from objectives o
              where o.org_id = ${orgId} and o.archived_at is null
                and lower(regexp_replace(btrim(o.title), '\\s+', ' ', 'g')) = any(${textArray(titles)})`,
        );
  return {
    locale: org.locale,
    context: {
      orgName: org.name,
      fiscalYearStartMonth: org.settings.fiscalYearStartMonth ?? 1,
      today: now.toISOString().slice(0, 10),
      units: liveUnits,
      cycles: orgCycles,
      members,
      accounts: new Map(known.map((a) => [a.email, { id: a.id, name: a.name }])),
      // PostgreSQL's lower() and JavaScript's may differ on rare letters: the plan compares again.
      objectives: existing.filter((o) => titles.includes(nameKey(o.title))),
      newId: randomUUID,
    },
  };
}
