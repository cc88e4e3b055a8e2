// Imports an organisation export (format riktning/1) into an organisation that has no OKRs
// yet: its profile and settings, people (matched by e-mail: a known account is linked, a new
// address gets an account that signs in once invited), units, cycles, objectives with what
// they support, key results, check-ins, activities, comments and reflections, with new ids.
// Everything is checked first (core/import-check.ts) and written in one transaction, or
// nothing is; a dry run checks and counts, and writes nothing.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ExportedOrganization } from './document.ts';
import { checkImportDocument, peopleToImport, supportedObjectiveIds } from '../../core/import-check.ts';
import { can } from '../../core/policy.ts';
import type { Tx } from '../../db/connect.ts';
import { queryRows, textArray } from '../../db/raw.ts';
import {
  accounts,
  activities,
  alignments,
  checkIns,
  comments,
  cycles,
  keyResultAlignments,
  objectiveThemes,
  strategyThemes,
  keyResults,
  memberships,
  objectives,
  organizations,
  reflections,
  unitMembers,
  units,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetActors, forgetCadences, forgetCycles, forgetOrgs, forgetThemes } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { insertAll } from './insert-all.ts';
import { parentsFirst } from './parents-first.ts';

export interface ImportCounts {
  people: number;
  /** Of the people, those with no account here before: they sign in once invited. */
  newAccounts: number;
  units: number;
  cycles: number;
  objectives: number;
  keyResults: number;
  checkIns: number;
  activities: number;
  comments: number;
  reflections: number;
}

export interface ImportResult {
  dryRun: boolean;
  counts: ImportCounts;
}

/** At most this many problems are named in one answer; the count says how many there were. */
const PROBLEMS_SHOWN = 500;

/** A throwaway signal: a dry run's transaction is rolled back after it has counted. */
class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

export async function importOrganization(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  doc: ExportedOrganization,
  { dryRun }: { dryRun: boolean },
): Promise<ImportResult> {
  try {
    return await inTransaction(deps, async (tx) => {
      const actor = await actorInOrg(tx, caller, orgId);
      if (!can(actor, 'org.import')) throw forbidden();
      // Two imports at once take turns: the second finds the organisation filled (409).
      await takeTurnInOrg(tx, actor.orgId);
      await expectNoOkrs(tx, actor.orgId);
      const problems = checkImportDocument(doc);
      if (problems.length > 0) {
        throw new AppError(
          'unprocessable',
          'import_invalid',
          { count: problems.length },
          problems.slice(0, PROBLEMS_SHOWN).map((p) => ({ field: `/body${p.field}`, key: p.key })),
        );
      }
      const people = await matchPeople(tx, doc);
      const counts = countsOf(doc, people.people.length, people.created.length);
      if (dryRun) throw new DryRunDone({ dryRun: true, counts });
      await writeDocument(tx, deps.now(), actor.orgId, doc, people);
      await recordAudit(tx, {
        orgId: actor.orgId,
        actorId: caller.accountId,
        action: 'org.import',
        entityType: 'organization',
        entityId: actor.orgId,
        after: { format: doc.format, exportedAt: doc.exportedAt, from: doc.organization.id, counts },
      });
      return { dryRun: false, counts };
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  } finally {
    if (!dryRun) {
      forgetActors(deps);
      forgetOrgs(deps);
      forgetThemes(deps);
      forgetCycles(deps);
      forgetCadences(deps);
    }
  }
}

/** An import fills an organisation that has no units, cycles or objectives yet. */
async function expectNoOkrs(tx: Tx, orgId: string): Promise<void> {
  const [row] = await queryRows<{ used: boolean }>(
    tx,
    sql`select exists (select 1 from units where org_id = ${orgId})
            or exists (select 1 from cycles where org_id = ${orgId})
            or exists (select 1 from objectives where org_id = ${orgId}) as used`,
  );
  if (row?.used) throw new AppError('conflict', 'import_target_not_empty');
}

interface NewAccount {
  id: string;
  email: string;
  name: string;
  locale: string;
  active: boolean;
}

/** Each person of the document → the account here: the one with their e-mail, or a new one. */
async function matchPeople(tx: Tx, doc: ExportedOrganization) {
  const people = peopleToImport(doc);
  const emails = people.map((p) => p.email.trim().toLowerCase());
  const known = await queryRows<{ id: string; email: string }>(
    tx,
    sql`select id, lower(email) as email from accounts where lower(email) = any(${textArray(emails)})`,
  );
  const byEmail = new Map(known.map((row) => [row.email, row.id]));
  const accountOf = new Map<string, string>();
  const created: NewAccount[] = [];
  people.forEach((person, i) => {
    const email = emails[i] as string;
    const existing = byEmail.get(email);
    if (existing) {
      accountOf.set(person.id, existing);
      return;
    }
    const account = { id: randomUUID(), email, name: person.name, locale: person.locale, active: person.active };
    created.push(account);
    accountOf.set(person.id, account.id);
  });
  return { people, accountOf, created };
}

function countsOf(doc: ExportedOrganization, people: number, newAccounts: number): ImportCounts {
  return {
    people,
    newAccounts,
    units: doc.units.length,
    cycles: doc.cycles.length,
    objectives: doc.objectives.length,
    keyResults: doc.keyResults.length,
    checkIns: doc.checkIns.length,
    activities: doc.activities.length,
    comments: doc.comments.length,
    reflections: doc.reflections.length,
  };
}

const date = (value: string | null) => (value === null ? null : new Date(value));

async function writeDocument(
  tx: Tx,
  now: Date,
  orgId: string,
  doc: ExportedOrganization,
  {
    people,
    accountOf,
    created,
  }: { people: ExportedOrganization['people']; accountOf: Map<string, string>; created: NewAccount[] },
): Promise<void> {
  // New ids for everything the organisation owns; people keep the accounts they were matched to.
  // Each list's new ids ascend in the document's order: items the export orders alike (the
  // same time, say a week's check-ins saved together) then come out in the same order again.
  const newIds = new Map<string, string>();
  const themes = doc.organization.themes ?? [];
  for (const list of [
    themes,
    doc.units,
    doc.cycles,
    doc.objectives,
    doc.keyResults,
    doc.checkIns,
    doc.activities,
    doc.comments,
    doc.reflections,
  ]) {
    const ids = list.map(() => randomUUID()).sort();
    list.forEach((item, i) => newIds.set(item.id, ids[i] as string));
  }
  const to = (oldId: string) => {
    const id = newIds.get(oldId) ?? accountOf.get(oldId);
    if (!id) throw new Error(`no new id for ${oldId}`); // checked before: every reference names an item
    return id;
  };
  const toOrNull = (oldId: string | null) => (oldId === null ? null : to(oldId));

  const { organization: profile } = doc;
  await tx
    .update(organizations)
    .set({
      vision: profile.vision,
      mission: profile.mission,
      strategy: profile.strategy,
      defaultLocale: profile.defaultLocale,
      settings: profile.settings,
      version: sql`${organizations.version} + 1`,
      updatedAt: now,
    })
    .where(eq(organizations.id, orgId));
  // The document's strategy replaces the organisation's, its themes with it (none serve yet:
  // an import goes only into an organisation without OKRs).
  await tx.delete(strategyThemes).where(eq(strategyThemes.orgId, orgId));
  await insertAll(
    themes.map((theme, position) => ({
      id: to(theme.id),
      orgId,
      name: theme.name.trim(),
      description: theme.description,
      position,
      createdAt: now,
      updatedAt: now,
    })),
    (chunk) => tx.insert(strategyThemes).values(chunk),
  );

  await insertAll(created, (chunk) =>
    tx.insert(accounts).values(
      chunk.map((a) => ({
        id: a.id,
        email: a.email,
        name: a.name,
        locale: a.locale,
        passwordHash: null,
        status: a.active ? 'active' : 'disabled',
      })),
    ),
  );
  const members = people.flatMap((p) => (p.role ? [{ orgId, accountId: to(p.id), role: p.role }] : []));
  await insertAll(members, (chunk) => tx.insert(memberships).values(chunk).onConflictDoNothing());

  await insertAll(
    parentsFirst(doc.units, (u) => u.parentId),
    (chunk) =>
      tx.insert(units).values(
        chunk.map((u) => ({
          id: to(u.id),
          orgId,
          parentId: toOrNull(u.parentId),
          name: u.name,
          kind: u.kind,
          vision: u.vision,
          mission: u.mission,
          checkInCadenceDays: u.checkInCadenceDays,
          archivedAt: date(u.archivedAt),
          createdAt: new Date(u.createdAt),
          updatedAt: now,
        })),
      ),
  );
  const unitPeople = doc.units.flatMap((u) =>
    u.members.map((m) => ({ orgId, unitId: to(u.id), accountId: to(m.personId), role: m.role })),
  );
  await insertAll(unitPeople, (chunk) => tx.insert(unitMembers).values(chunk));

  await insertAll(
    parentsFirst(doc.cycles, (c) => c.parentId),
    (chunk) =>
      tx.insert(cycles).values(
        chunk.map((c) => ({
          id: to(c.id),
          orgId,
          parentId: toOrNull(c.parentId),
          name: c.name,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          status: c.status,
          closedAt: date(c.closedAt),
          closedBy: toOrNull(c.closedBy),
          createdAt: new Date(c.createdAt),
          updatedAt: now,
        })),
      ),
  );

  await insertAll(
    parentsFirst(doc.objectives, (o) => o.carriedFromId),
    (chunk) =>
      tx.insert(objectives).values(
        chunk.map((o) => ({
          id: to(o.id),
          orgId,
          cycleId: to(o.cycleId),
          level: o.level,
          unitId: toOrNull(o.unitId),
          personId: toOrNull(o.personId),
          title: o.title,
          description: o.description,
          kind: o.kind,
          visibility: o.visibility,
          lifecycle: o.lifecycle,
          status: o.status,
          finalScore: o.finalScore,
          carriedFromId: toOrNull(o.carriedFromId),
          createdBy: toOrNull(o.createdBy),
          doneAt: date(o.doneAt ?? null),
          archivedAt: date(o.archivedAt),
          createdAt: new Date(o.createdAt),
          updatedAt: now,
        })),
      ),
  );
  // In the order linked: the link's time is not in the document, so each gets the next millisecond.
  // Supporting a key result supports its objective, named or not.
  const objectiveOfKeyResult = new Map(doc.keyResults.map((k) => [k.id, k.objectiveId]));
  const links = doc.objectives.flatMap((o) =>
    supportedObjectiveIds(o, objectiveOfKeyResult).map((supportsId) => ({
      orgId,
      objectiveId: to(o.id),
      supportsId: to(supportsId),
    })),
  );
  await insertAll(
    links.map((link, i) => ({ ...link, createdAt: new Date(now.getTime() + i) })),
    (chunk) => tx.insert(alignments).values(chunk),
  );

  // Each key result's copy of its latest check-in: its value and confidence are in the document, its time is the newest check-in's.
  const lastCheckIn = new Map<string, string>();
  for (const c of doc.checkIns) {
    const last = lastCheckIn.get(c.keyResultId);
    if (!last || c.createdAt > last) lastCheckIn.set(c.keyResultId, c.createdAt);
  }
  await insertAll(doc.keyResults, (chunk) =>
    tx.insert(keyResults).values(
      chunk.map((k) => ({
        id: to(k.id),
        orgId,
        objectiveId: to(k.objectiveId),
        ownerId: toOrNull(k.ownerId),
        title: k.title,
        metric: k.metric,
        startValue: k.startValue,
        targetValue: k.targetValue,
        currentValue: k.currentValue,
        unit: k.unit,
        weight: k.weight,
        confidence: k.confidence,
        lastCheckInAt: date(lastCheckIn.get(k.id) ?? null),
        position: k.position,
        finalScore: k.finalScore,
        archivedAt: date(k.archivedAt),
        createdAt: new Date(k.createdAt),
        updatedAt: now,
      })),
    ),
  );
  const keyResultLinks = doc.objectives.flatMap((o) =>
    (o.supportsKeyResultIds ?? []).map((keyResultId) => ({
      orgId,
      objectiveId: to(o.id),
      supportsId: to(objectiveOfKeyResult.get(keyResultId) as string),
      keyResultId: to(keyResultId),
    })),
  );
  await insertAll(
    keyResultLinks.map((link, i) => ({ ...link, createdAt: new Date(now.getTime() + i) })),
    (chunk) => tx.insert(keyResultAlignments).values(chunk),
  );
  await insertAll(
    doc.objectives.flatMap((o) =>
      (o.themeIds ?? []).map((themeId) => ({ orgId, objectiveId: to(o.id), themeId: to(themeId), createdAt: now })),
    ),
    (chunk) => tx.insert(objectiveThemes).values(chunk),
  );
  await insertAll(doc.checkIns, (chunk) =>
    tx.insert(checkIns).values(
      chunk.map((c) => ({
        id: to(c.id),
        orgId,
        keyResultId: to(c.keyResultId),
        authorId: toOrNull(c.authorId),
        value: c.value,
        confidence: c.confidence,
        note: c.note,
        blocker: c.blocker ?? false,
        correctedAt: date(c.correctedAt),
        createdAt: new Date(c.createdAt),
      })),
    ),
  );
  await insertAll(doc.activities, (chunk) =>
    tx.insert(activities).values(
      chunk.map((a) => ({
        id: to(a.id),
        orgId,
        keyResultId: to(a.keyResultId),
        ownerId: toOrNull(a.ownerId),
        title: a.title,
        status: a.status,
        dueOn: a.dueOn,
        archivedAt: date(a.archivedAt),
        createdAt: new Date(a.createdAt),
        updatedAt: now,
      })),
    ),
  );
  await insertAll(doc.comments, (chunk) =>
    tx.insert(comments).values(
      chunk.map((c) => ({
        id: to(c.id),
        orgId,
        objectiveId: to(c.objectiveId),
        keyResultId: toOrNull(c.keyResultId),
        authorId: toOrNull(c.authorId),
        body: c.body,
        editedAt: date(c.editedAt),
        deletedAt: date(c.deletedAt),
        createdAt: new Date(c.createdAt),
      })),
    ),
  );
  await insertAll(doc.reflections, (chunk) =>
    tx.insert(reflections).values(
      chunk.map((r) => ({
        id: to(r.id),
        orgId,
        cycleId: to(r.cycleId),
        objectiveId: toOrNull(r.objectiveId),
        unitId: toOrNull(r.unitId),
        wentWell: r.wentWell,
        learned: r.learned,
        changeNext: r.changeNext,
        authorId: toOrNull(r.authorId),
        createdAt: new Date(r.createdAt),
        updatedAt: new Date(r.updatedAt),
      })),
    ),
  );
}
