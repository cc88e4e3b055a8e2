// The requests of a cycle's rhythm (issue 5), each with its bare-SQL twin: the activity
// feed of the organisation and of a unit, the audit log filtered by action, My week's list
// of one person's key results, a batch check-in of three key results and the outbox.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import { queryRows } from '../src/db/raw.ts';
import { authInOrg } from './bare-sql.ts';
import { auditPage, checkInBatchWrite, feedPage, outboxPage, ownedKeyResults } from './bare-sql-rhythm.ts';
import type { Case, Fixture } from './cases.ts';
import type { ApiTransport } from './transport.ts';

export interface RhythmFixture {
  /** A person with key results of their own in the active quarter. */
  ownerId: string;
  /** Three of that person's key results: the batch check-in goes to them. */
  batchKeyResultIds: string[];
  /** The audit list's filter: a rarer action, so the page is found through its index. */
  auditAction: string;
}

export async function findRhythmFixture(db: Db, f: Fixture): Promise<RhythmFixture> {
  const [row] = await queryRows<{ owner_id: string; krs: string[] }>(
    db,
    sql`select k.owner_id, (array_agg(k.id order by k.id))[1:3] as krs
          from key_results k join objectives o on o.id = k.objective_id
         where k.org_id = ${f.orgId} and o.cycle_id = ${f.activeQuarterId} and o.level = 'person'
           and o.lifecycle = 'published' and k.archived_at is null and o.archived_at is null
         group by k.owner_id having count(*) >= 3
         order by k.owner_id limit 1`,
  );
  if (!row) throw new Error('no owner with three key results in the active quarter');
  return { ownerId: row.owner_id, batchKeyResultIds: row.krs, auditAction: 'objective.create' };
}

async function getOk(api: ApiTransport, url: string): Promise<string> {
  const response = await api.request('GET', url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${response.body.slice(0, 300)}`);
  return response.body;
}

export function buildRhythmCases(db: Db, api: ApiTransport, f: Fixture, r: RhythmFixture): Case[] {
  const org = `/api/v1/orgs/${f.orgId}`;
  const withAuth =
    <T>(work: () => Promise<T>) =>
    async () => {
      await authInOrg(db, f.token, f.orgId);
      return work();
    };
  let value = 0;
  const batch = () =>
    r.batchKeyResultIds.map((keyResultId) => ({ keyResultId, value: (value += 1), confidence: 6, note: 'Benchmark' }));
  return [
    {
      name: 'feed: organisation, page 1',
      api: () => getOk(api, `${org}/feed?limit=50`),
      sql: withAuth(() => feedPage(db, { orgId: f.orgId, limit: 50 })),
    },
    {
      name: 'feed: one unit, page 1',
      api: () => getOk(api, `${org}/feed?unitId=${f.unitId}&limit=50`),
      sql: withAuth(() => feedPage(db, { orgId: f.orgId, unitId: f.unitId, limit: 50 })),
    },
    {
      name: `audit log: action=${r.auditAction}, page 1`,
      api: () => getOk(api, `${org}/audit-events?action=${r.auditAction}&limit=50`),
      sql: withAuth(() => auditPage(db, { orgId: f.orgId, action: r.auditAction, limit: 50 })),
    },
    {
      name: 'My week: key results of one owner',
      api: () => getOk(api, `${org}/key-results?ownerId=${r.ownerId}&cycleId=${f.activeQuarterId}`),
      sql: withAuth(() =>
        ownedKeyResults(db, {
          orgId: f.orgId,
          ownerId: r.ownerId,
          cycleId: f.activeQuarterId,
          now: new Date(),
          limit: 50,
        }),
      ),
    },
    {
      name: 'check in: batch of 3 (POST)',
      api: async () => {
        const response = await api.request('POST', `${org}/check-ins`, { checkIns: batch() });
        if (response.status !== 201) throw new Error(`batch: ${response.status} ${response.body.slice(0, 300)}`);
        return response.body;
      },
      sql: async () => {
        const auth = await authInOrg(db, f.token, f.orgId);
        return checkInBatchWrite(db, { accountId: auth.accountId, orgId: f.orgId }, batch());
      },
    },
    {
      name: 'outbox: page 1',
      api: () => getOk(api, `${org}/outbox?limit=50`),
      sql: withAuth(() => outboxPage(db, { orgId: f.orgId, limit: 50 })),
    },
  ];
}
