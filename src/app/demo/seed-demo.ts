// Loads the demo organisation (demo-data.ts) into the database in one transaction. Rows
// are built first by a pure function, with dates derived from `now`: the year holding
// `now` and its quarters, check-ins spread over the elapsed part of each cycle.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import {
  accounts,
  activities,
  alignments,
  keyResultAlignments,
  auditEvents,
  checkIns,
  comments,
  cycles,
  keyResults,
  memberships,
  objectives,
  objectiveThemes,
  organizations,
  strategyThemes,
  unitMembers,
  units,
} from '../../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { recordAudit } from '../audit.ts';
import {
  ALL_OBJECTIVES,
  DEMO_COMMENTS,
  DEMO_ORG_SLUG,
  DEMO_PASSWORD,
  ORGANIZATION,
  PEOPLE,
  THEMES,
  UNITS,
  type DemoKeyResult,
  type DemoObjective,
  type PersonKey,
  type ThemeKey,
  type UnitKey,
} from './demo-data.ts';

export { DEMO_ORG_SLUG, DEMO_PASSWORD, DEMO_SIGN_INS } from './demo-data.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A cycle's span: `end` is exclusive (the first day after the cycle). */
interface Period {
  id: string;
  start: Date;
  end: Date;
}

const utcDay = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day));
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const lastDay = (period: Period) => isoDate(new Date(period.end.getTime() - DAY));

function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data: unknown ${what} ${String(key)}`);
  return value;
}

/** The year holding `now` and its four quarters; the quarter holding `now` is active. */
function buildCycles(orgId: string, now: Date) {
  const year = now.getUTCFullYear();
  const currentQuarter = Math.floor(now.getUTCMonth() / 3);
  const yearPeriod: Period = { id: randomUUID(), start: utcDay(year, 0), end: utcDay(year + 1, 0) };
  const quarters: Period[] = [0, 1, 2, 3].map((q) => ({
    id: randomUUID(),
    start: utcDay(year, q * 3),
    end: utcDay(year, q * 3 + 3),
  }));
  const plannedAt = new Date(yearPeriod.start.getTime() - 14 * DAY);
  const row = (period: Period, name: string, status: string, parentId: string | null): typeof cycles.$inferInsert => ({
    id: period.id,
    orgId,
    parentId,
    name,
    startsOn: isoDate(period.start),
    endsOn: lastDay(period),
    status,
    closedAt: status === 'closed' ? period.end : null,
    createdAt: plannedAt,
    updatedAt: plannedAt,
  });
  const quarterStatus = (q: number) => (q < currentQuarter ? 'closed' : q === currentQuarter ? 'active' : 'planning');
  const current = quarters[currentQuarter];
  if (!current) throw new Error('no current quarter');
  // In the last quarter the next year is being planned, so unfinished objectives have a
  // quarter to be carried over to when this one closes.
  const next: Period = { id: randomUUID(), start: utcDay(year + 1, 0), end: utcDay(year + 2, 0) };
  const nextQ1: Period = { id: randomUUID(), start: next.start, end: utcDay(year + 1, 3) };
  return {
    year: yearPeriod,
    quarter: current,
    rows: [
      row(yearPeriod, String(year), 'active', null),
      ...quarters.map((p, q) => row(p, `Q${q + 1} ${year}`, quarterStatus(q), yearPeriod.id)),
      ...(currentQuarter === 3
        ? [row(next, String(year + 1), 'planning', null), row(nextQ1, `Q1 ${year + 1}`, 'planning', next.id)]
        : []),
    ],
  };
}

/**
 * When `count` check-ins happened: at most `maxStepDays` apart, the latest a couple of
 * days before `now`, all after the cycle's start (squeezed together early in a cycle).
 */
export function checkInTimes(cycleStart: Date, now: Date, count: number, maxStepDays: number, offsetHours = 0): Date[] {
  const elapsed = Math.max(0, now.getTime() - cycleStart.getTime());
  const latest = now.getTime() - Math.min(2 * DAY + offsetHours * HOUR, elapsed / (count + 1));
  const step = Math.max(1000, Math.min(maxStepDays * DAY, (latest - cycleStart.getTime()) / count));
  return Array.from({ length: count }, (_, i) => new Date(Math.round(latest - (count - 1 - i) * step)));
}

function clampDate(date: Date, period: Period): string {
  const last = period.end.getTime() - DAY;
  return isoDate(new Date(Math.min(Math.max(date.getTime(), period.start.getTime()), last)));
}

/** Every row of the demo, ready to insert. */
export function buildDemoRows(now: Date, passwordHash: string) {
  const orgId = randomUUID();
  const personIds = new Map<PersonKey, string>(PEOPLE.map((p) => [p.key, randomUUID()]));
  const unitIds = new Map<UnitKey, string>(UNITS.map((u) => [u.key, randomUUID()]));
  const objectiveIds = new Map<string, string>(ALL_OBJECTIVES.map((o) => [o.key, randomUUID()]));
  const themeIds = new Map<ThemeKey, string>(THEMES.map((t) => [t.key, randomUUID()]));
  const person = (key: PersonKey) => lookup(personIds, key, 'person');
  const calendar = buildCycles(orgId, now);

  const rows = {
    organization: {
      id: orgId,
      ...ORGANIZATION,
      defaultLocale: 'sv',
      settings: { checkInCadenceDays: 7, fiscalYearStartMonth: 1 },
    },
    accounts: PEOPLE.map((p) => ({ id: person(p.key), email: p.email, name: p.name, locale: 'sv', passwordHash })),
    memberships: PEOPLE.map((p) => ({ orgId, accountId: person(p.key), role: p.role })),
    units: UNITS.map((u) => ({
      id: lookup(unitIds, u.key, 'unit'),
      orgId,
      parentId: 'parent' in u ? lookup(unitIds, u.parent, 'unit') : null,
      name: u.name,
      kind: u.kind,
      vision: u.vision,
      mission: u.mission,
    })),
    unitMembers: UNITS.flatMap((u) => [
      { orgId, unitId: lookup(unitIds, u.key, 'unit'), accountId: person(u.lead), role: 'lead' },
      ...u.members.map((m) => ({
        orgId,
        unitId: lookup(unitIds, u.key, 'unit'),
        accountId: person(m),
        role: 'member',
      })),
    ]),
    cycles: calendar.rows,
    objectives: [] as (typeof objectives.$inferInsert)[],
    themes: THEMES.map((theme, position) => ({
      id: lookup(themeIds, theme.key, 'theme'),
      orgId,
      name: theme.name,
      description: theme.description,
      position,
    })),
    objectiveThemes: [] as (typeof objectiveThemes.$inferInsert)[],
    alignments: [] as (typeof alignments.$inferInsert)[],
    keyResultAlignments: [] as (typeof keyResultAlignments.$inferInsert)[],
    keyResults: [] as (typeof keyResults.$inferInsert)[],
    checkIns: [] as (typeof checkIns.$inferInsert)[],
    activities: [] as (typeof activities.$inferInsert)[],
    comments: [] as (typeof comments.$inferInsert)[],
    /** The history the activity feeds show: one event per check-in and comment. */
    auditEvents: [] as (typeof auditEvents.$inferInsert)[],
  };

  const addKeyResult = (
    kr: DemoKeyResult,
    position: number,
    objective: { id: string; unitId: string | null },
    period: Period,
    createdAt: Date,
  ) => {
    const id = randomUUID();
    const objectiveId = objective.id;
    const history = kr.checkIns ?? [];
    // Quarter check-ins are weekly; year check-ins roughly monthly.
    const maxStepDays = period === calendar.year ? 30 : 7;
    // A quiet key result's history ends earlier, at most halfway back to its cycle's start.
    const elapsed = Math.max(0, now.getTime() - period.start.getTime());
    const until = new Date(now.getTime() - Math.min((kr.quietDays ?? 0) * DAY, elapsed / 2));
    const times = checkInTimes(period.start, until, history.length, maxStepDays, rows.keyResults.length % 7);
    history.forEach(([value, confidence, note], i) => {
      const checkInId = randomUUID();
      rows.checkIns.push({
        id: checkInId,
        orgId,
        keyResultId: id,
        authorId: person(kr.owner),
        value,
        confidence,
        note: note ?? '',
        createdAt: times[i],
      });
      const previous = history[i - 1];
      rows.auditEvents.push({
        orgId,
        actorId: person(kr.owner),
        action: 'checkIn.create',
        entityType: 'keyResult',
        entityId: id,
        objectiveId,
        unitId: objective.unitId,
        before: { current: previous ? previous[0] : kr.start, confidence: previous ? previous[1] : null },
        after: { current: value, confidence, checkInId },
        createdAt: times[i],
      });
    });
    // The app reads current value and confidence from the key result, not the history.
    const latest = history.at(-1);
    rows.keyResults.push({
      id,
      orgId,
      objectiveId,
      ownerId: person(kr.owner),
      title: kr.title,
      metric: kr.metric,
      startValue: kr.start,
      targetValue: kr.target,
      currentValue: latest ? latest[0] : kr.start,
      unit: kr.unit,
      confidence: latest ? latest[1] : null,
      lastCheckInAt: times.at(-1) ?? null,
      position,
      createdAt,
      updatedAt: times.at(-1) ?? createdAt,
    });
    for (const activity of kr.activities ?? []) {
      rows.activities.push({
        orgId,
        keyResultId: id,
        ownerId: person(activity.owner),
        title: activity.title,
        status: activity.status,
        dueOn: clampDate(new Date(now.getTime() + activity.dueInDays * DAY), period),
        createdAt,
        updatedAt: createdAt,
      });
    }
  };

  const addObjective = (o: DemoObjective, index: number) => {
    const id = lookup(objectiveIds, o.key, 'objective');
    const period = o.cycle === 'year' ? calendar.year : calendar.quarter;
    // A second apart, in the order they are written here: lists and the map order by the
    // time of writing, and a tie would leave the order to the random ids.
    const createdAt = new Date(period.start.getTime() - 7 * DAY + index * 1000);
    rows.objectives.push({
      id,
      orgId,
      cycleId: period.id,
      level: o.owner.level,
      unitId: o.owner.level === 'unit' ? lookup(unitIds, o.owner.unit, 'unit') : null,
      personId: o.owner.level === 'person' ? person(o.owner.person) : null,
      title: o.title,
      description: o.description,
      kind: o.kind ?? 'committed',
      visibility: o.visibility ?? 'public',
      lifecycle: 'published',
      createdBy: o.owner.level === 'person' ? person(o.owner.person) : person('demo'),
      createdAt,
      updatedAt: createdAt,
    });
    for (const theme of o.themes ?? []) {
      rows.objectiveThemes.push({ orgId, objectiveId: id, themeId: lookup(themeIds, theme, 'theme'), createdAt });
    }
    for (const supported of o.supports ?? []) {
      rows.alignments.push({
        orgId,
        objectiveId: id,
        supportsId: lookup(objectiveIds, supported, 'objective'),
        createdAt,
      });
    }
    const unitId = o.owner.level === 'unit' ? lookup(unitIds, o.owner.unit, 'unit') : null;
    o.keyResults.forEach((kr, position) => addKeyResult(kr, position, { id, unitId }, period, createdAt));
  };
  ALL_OBJECTIVES.forEach(addObjective);
  // Key-result links once every key result has its id (Sara's, as in the method).
  for (const o of ALL_OBJECTIVES) {
    for (const target of o.supportsKeyResults ?? []) {
      const supportsId = lookup(objectiveIds, target.objective, 'objective');
      const kr = rows.keyResults.find((k) => k.objectiveId === supportsId && k.title === target.title);
      if (!kr?.id) throw new Error(`demo data: no key result "${target.title}" in ${target.objective}`);
      rows.keyResultAlignments.push({
        orgId,
        objectiveId: lookup(objectiveIds, o.key, 'objective'),
        supportsId,
        keyResultId: kr.id,
      });
    }
  }

  for (const comment of DEMO_COMMENTS) {
    const commentId = randomUUID();
    const mentions = comment.mentions.map(person);
    const body = comment.body(Object.fromEntries(comment.mentions.map((key, i) => [key, mentions[i] as string])));
    const createdAt = new Date(now.getTime() - comment.hoursAgo * HOUR);
    const objectiveId = lookup(objectiveIds, comment.objective, 'objective');
    rows.comments.push({ id: commentId, orgId, objectiveId, authorId: person(comment.author), body, createdAt });
    rows.auditEvents.push({
      orgId,
      actorId: person(comment.author),
      action: 'comment.create',
      entityType: 'comment',
      entityId: commentId,
      objectiveId,
      unitId: null,
      after: { keyResultId: null, body, mentions },
      createdAt,
    });
  }
  return rows;
}

/** True when no account exists at all: a fresh installation. */
export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length === 0;
}

export async function demoOrgExists(db: Queryable): Promise<boolean> {
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, DEMO_ORG_SLUG))
    .limit(1);
  return rows.length > 0;
}

/** Loads the demo in one transaction (a savepoint when `db` is already a transaction). */
export async function seedDemo(db: Queryable, now: Date): Promise<{ orgId: string }> {
  // One hash for every demo account: argon2 is slow on purpose.
  const rows = buildDemoRows(now, await hashPassword(DEMO_PASSWORD));
  const orgId = rows.organization.id;
  await db.transaction(async (tx) => {
    await tx.insert(organizations).values(rows.organization);
    await tx.insert(accounts).values(rows.accounts);
    await tx.insert(memberships).values(rows.memberships);
    // Parents before children: the self-references are checked row by row.
    await tx.insert(units).values(rows.units.filter((u) => u.parentId === null));
    await tx.insert(units).values(rows.units.filter((u) => u.parentId !== null));
    await tx.insert(unitMembers).values(rows.unitMembers);
    await tx.insert(cycles).values(rows.cycles.filter((c) => c.parentId === null));
    await tx.insert(cycles).values(rows.cycles.filter((c) => c.parentId !== null));
    await tx.insert(objectives).values(rows.objectives);
    await tx.insert(strategyThemes).values(rows.themes);
    await tx.insert(objectiveThemes).values(rows.objectiveThemes);
    await tx.insert(alignments).values(rows.alignments);
    await tx.insert(keyResults).values(rows.keyResults);
    await tx.insert(keyResultAlignments).values(rows.keyResultAlignments);
    await tx.insert(checkIns).values(rows.checkIns);
    await tx.insert(activities).values(rows.activities);
    await tx.insert(comments).values(rows.comments);
    await tx.insert(auditEvents).values(rows.auditEvents);
    await recordAudit(tx, {
      orgId,
      actorId: null,
      action: 'demo.seed',
      entityType: 'organization',
      entityId: orgId,
      after: {
        name: ORGANIZATION.name,
        slug: DEMO_ORG_SLUG,
        accounts: rows.accounts.length,
        objectives: rows.objectives.length,
      },
    });
  });
  return { orgId };
}
