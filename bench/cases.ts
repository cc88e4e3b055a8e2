// The requests the benchmark times, each as a pair: the API call and its bare-SQL
// counterpart. Before timing, `checkSameAnswers` proves each pair returns the same rows,
// so the comparison is between two ways of doing the same work.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import { queryRows } from '../src/db/raw.ts';
import { encodeCursor } from '../src/app/pagination.ts';
import {
  authForKeyResult,
  authInOrg,
  authWithCycle,
  checkInsPage,
  checkInWrite,
  dashboard,
  membersPage,
  objectivesPage,
  unitsPage,
  type DashboardOut,
  type Keyset,
  type ObjectiveRowOut,
} from './bare-sql.ts';
import type { ApiTransport } from './transport.ts';

export interface Fixture {
  orgId: string;
  activeQuarterId: string;
  yearCycleId: string;
  /** A team with objectives in the active quarter. */
  unitId: string;
  /** An organisation key result with a long check-in history. */
  hotKeyResultId: string;
  /** A team key result in the active quarter: the write goes here. */
  writeKeyResultId: string;
  token: string;
}

export interface Case {
  name: string;
  api: () => Promise<unknown>;
  sql: () => Promise<unknown>;
}

interface ObjectiveView {
  id: string;
  keyResults: { id: string }[];
  supports: string[];
  supportedBy: { count: number; progress: number | null };
}
interface PageView<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET that must answer 200; parsed only where the caller needs the body. */
async function get(api: ApiTransport, url: string): Promise<string> {
  const response = await api.request('GET', url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${response.body.slice(0, 300)}`);
  return response.body;
}

const objectivesUrl = (f: Fixture, query: string) => `/api/v1/orgs/${f.orgId}/objectives?${query}`;
const keysetOf = (row: { created_at: Date | string; id: string }): Keyset => ({
  createdAt: new Date(row.created_at).toISOString(),
  id: row.id,
});

/** Everything the cases need that depends on the data: page cursors for both sides. */
export interface Cursors {
  api: string[];
  sql: Keyset[];
  /** Three quarters of the way through the active quarter's objectives. */
  deep: { api: string; sql: Keyset };
}

/** Walks pages 1–4 of the active quarter on both sides, so pages 2–4 can be timed alone. */
export async function findCursors(db: Db, api: ApiTransport, f: Fixture): Promise<Cursors> {
  const cursors: Cursors = { api: [], sql: [], deep: await deepCursor(db, f) };
  let query = `cycleId=${f.activeQuarterId}&limit=50`;
  let after: Keyset | undefined;
  for (let page = 1; page <= 3; page++) {
    const body = JSON.parse(await get(api, objectivesUrl(f, query))) as PageView<ObjectiveView>;
    if (!body.nextCursor) throw new Error('fewer than four pages of objectives');
    cursors.api.push(body.nextCursor);
    query = `cycleId=${f.activeQuarterId}&limit=50&cursor=${body.nextCursor}`;
    const rows = await objectivesPage(db, { orgId: f.orgId, cycleId: f.activeQuarterId, after, limit: 50 });
    const last = rows[49];
    if (!last) throw new Error('bare SQL page too short');
    after = keysetOf(last);
    cursors.sql.push(after);
  }
  return cursors;
}

/**
 * A cursor deep into the list, made with the app's own encodeCursor: walking there page by
 * page would take hundreds of requests. Keyset pagination should cost the same on any page.
 */
async function deepCursor(db: Db, f: Fixture): Promise<{ api: string; sql: Keyset }> {
  const [row] = await queryRows<{ created_at: Date | string; id: string }>(
    db,
    sql`select created_at, id from objectives
         where org_id = ${f.orgId} and cycle_id = ${f.activeQuarterId} and archived_at is null
         order by created_at, id
        offset (select count(*) * 3 / 4 from objectives where org_id = ${f.orgId} and cycle_id = ${f.activeQuarterId} and archived_at is null)
         limit 1`,
  );
  if (!row) throw new Error('no objectives in the active quarter');
  const key = keysetOf(row);
  return { api: encodeCursor([key.createdAt, key.id]), sql: key };
}

export function buildCases(db: Db, api: ApiTransport, f: Fixture, cursors: Cursors): Case[] {
  const objectivesPair = (
    name: string,
    query: string,
    filter: { unitId?: string; level?: string; cycleId?: string; after?: Keyset },
  ): Case => ({
    name,
    api: () => get(api, objectivesUrl(f, query)),
    sql: async () => {
      await authInOrg(db, f.token, f.orgId);
      return objectivesPage(db, { orgId: f.orgId, cycleId: filter.cycleId ?? f.activeQuarterId, limit: 50, ...filter });
    },
  });
  const q = `cycleId=${f.activeQuarterId}&limit=50`;
  let value = 0;
  return [
    objectivesPair('objectives: one unit, quarter', `cycleId=${f.activeQuarterId}&unitId=${f.unitId}`, {
      unitId: f.unitId,
    }),
    objectivesPair('objectives: all, quarter, page 1', q, {}),
    ...[0, 1, 2].map((i) =>
      objectivesPair(`objectives: all, quarter, page ${i + 2}`, `${q}&cursor=${cursors.api[i]}`, {
        after: cursors.sql[i] as Keyset,
      }),
    ),
    objectivesPair('objectives: all, quarter, deep page (extra)', `${q}&cursor=${cursors.deep.api}`, {
      after: cursors.deep.sql,
    }),
    objectivesPair('objectives: org level, year (extra)', `cycleId=${f.yearCycleId}&level=organization`, {
      cycleId: f.yearCycleId,
      level: 'organization',
    }),
    {
      name: 'check-ins of a busy key result',
      api: () => get(api, `/api/v1/key-results/${f.hotKeyResultId}/check-ins?limit=50`),
      sql: async () => {
        const auth = await authForKeyResult(db, f.token, f.hotKeyResultId);
        return checkInsPage(db, auth.orgId, f.hotKeyResultId, 50);
      },
    },
    {
      name: 'check in (POST, one transaction)',
      api: async () => {
        const body = { value: (value += 1), confidence: 7, note: 'Benchmark' };
        const response = await api.request('POST', `/api/v1/key-results/${f.writeKeyResultId}/check-ins`, body);
        if (response.status !== 201) throw new Error(`check-in: ${response.status} ${response.body.slice(0, 300)}`);
        return response.body;
      },
      sql: async () => {
        const auth = await authForKeyResult(db, f.token, f.writeKeyResultId);
        return checkInWrite(db, auth, f.writeKeyResultId, { value: (value += 1), confidence: 7, note: 'Benchmark' });
      },
    },
    ...[undefined, f.unitId].map((unitId): Case => ({
      name: unitId ? 'dashboard: one unit, quarter' : 'dashboard: organisation, quarter',
      api: () =>
        get(api, `/api/v1/orgs/${f.orgId}/dashboard?cycleId=${f.activeQuarterId}${unitId ? `&unitId=${unitId}` : ''}`),
      sql: async () => {
        const { start, finish, scope } = await authWithCycle(db, f.token, f.orgId, f.activeQuarterId, unitId);
        return dashboard(db, {
          orgId: f.orgId,
          cycleId: f.activeQuarterId,
          unitId,
          scope,
          now: new Date(),
          start,
          finish,
        });
      },
    })),
    {
      name: 'members, limit 50',
      api: () => get(api, `/api/v1/orgs/${f.orgId}/members?limit=50`),
      sql: async () => {
        await authInOrg(db, f.token, f.orgId);
        return membersPage(db, f.orgId, 50);
      },
    },
    {
      name: 'units, limit 200',
      api: () => get(api, `/api/v1/orgs/${f.orgId}/units?limit=200`),
      sql: async () => {
        await authInOrg(db, f.token, f.orgId);
        return unitsPage(db, f.orgId, 200);
      },
    },
  ];
}

/** Fails loudly when an API answer and its bare-SQL twin differ in rows or figures. */
export async function checkSameAnswers(cases: Case[]): Promise<void> {
  for (const c of cases) {
    if (c.name.startsWith('check in')) continue; // a write: nothing to compare
    if (c.name.startsWith('dashboard')) {
      compareDashboards(c.name, JSON.parse((await c.api()) as string) as DashboardApi, (await c.sql()) as DashboardOut);
      continue;
    }
    const apiBody = JSON.parse((await c.api()) as string) as PageView<Record<string, unknown>>;
    const rows = (await c.sql()) as Record<string, unknown>[];
    const apiItems = apiBody.items;
    const sqlItems = rows.slice(0, apiItems.length);
    const idOf = (item: Record<string, unknown>) => String(item.id ?? item.accountId);
    if (apiItems.length === 0 || apiItems.map(idOf).join() !== sqlItems.map(idOf).join()) {
      throw new Error(`"${c.name}": API and bare SQL return different rows (${apiItems.length} vs ${sqlItems.length})`);
    }
    if (c.name.startsWith('objectives'))
      compareObjectives(c.name, apiItems as unknown as ObjectiveView[], sqlItems as unknown as ObjectiveRowOut[]);
    if (c.name.startsWith('My week')) {
      const dues = (items: Record<string, unknown>[]) =>
        items.map((k) => `${String(k.due)}/${Number(k.cadenceDays ?? k.cadence_days)}`).join();
      if (dues(apiItems) !== dues(sqlItems)) throw new Error('My week: due flags or cadences differ');
    }
    if (c.name.startsWith('units')) {
      const counts = (items: Record<string, unknown>[], key: string) => items.map((u) => Number(u[key])).join();
      if (counts(apiItems, 'memberCount') !== counts(sqlItems, 'member_count'))
        throw new Error('units: member counts differ');
    }
  }
}

function compareObjectives(name: string, api: ObjectiveView[], sql: ObjectiveRowOut[]): void {
  api.forEach((a, i) => {
    const s = sql[i] as ObjectiveRowOut;
    const same =
      a.keyResults.map((k) => k.id).join() === s.key_results.map((k) => k.id).join() &&
      [...a.supports].sort().join() === [...s.supports].sort().join() &&
      a.supportedBy.count === Number(s.supported_by.count) &&
      Math.abs((a.supportedBy.progress ?? -1) - (s.supported_by.progress ?? -1)) < 1e-9;
    if (!same) throw new Error(`"${name}": objective ${a.id} differs between API and bare SQL`);
  });
}

interface DashboardApi {
  objectives: { total: number; byStatus: Record<string, number> };
  keyResults: { total: number };
  progressDistribution: { count: number }[];
  confidenceTrend: { checkIns: number }[];
  checkIns: { overdue: number; owners: number; ownersUpToDate: number };
  alignment: { unitObjectives: number; supportingOrganization: number };
  units: { id: string; total: number }[];
}

/** The figures both sides compute; the trend's total and the units' totals stand for the rest. */
function compareDashboards(name: string, api: DashboardApi, sql: DashboardOut): void {
  const figures = (d: {
    statuses: number[];
    keyResults: number;
    bands: number[];
    checkIns: number;
    overdue: number;
    behind: number;
    alignment: number[];
    units: string;
  }) => JSON.stringify(d);
  const fromApi = figures({
    statuses: [api.objectives.total, api.objectives.byStatus.on_track ?? 0, api.objectives.byStatus.off_track ?? 0],
    keyResults: api.keyResults.total,
    bands: api.progressDistribution.map((b) => b.count),
    checkIns: api.confidenceTrend.reduce((sum, w) => sum + w.checkIns, 0),
    overdue: api.checkIns.overdue,
    behind: api.checkIns.owners - api.checkIns.ownersUpToDate,
    alignment: [api.alignment.unitObjectives, api.alignment.supportingOrganization],
    units: api.units
      .filter((u) => u.total > 0)
      .map((u) => `${u.id}:${u.total}`)
      .sort()
      .join(),
  });
  const fromSql = figures({
    statuses: [Number(sql.objectives.total), Number(sql.objectives.on_track), Number(sql.objectives.off_track)],
    keyResults: sql.key_results,
    bands: sql.distribution.map(Number),
    checkIns: sql.trend.filter((w) => w.week >= 0).reduce((sum, w) => sum + Number(w.check_ins), 0),
    overdue: sql.overdue,
    behind: sql.owners_behind,
    alignment: [sql.unit_objectives, sql.supporting],
    units: sql.units
      .map((u) => `${u.id}:${Number(u.total)}`)
      .sort()
      .join(),
  });
  if (fromApi !== fromSql) throw new Error(`"${name}": API and bare SQL differ\n  API ${fromApi}\n  SQL ${fromSql}`);
}
