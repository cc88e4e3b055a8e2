// The map is one statement after the caller's membership, whatever the size of the cycle,
// and its figures are those the objectives list computes in Node from the key results.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { alignments, keyResultAlignments, objectiveThemes, strategyThemes } from '../../db/schema.ts';
import { testDatabase } from '../../test/test-db.ts';
import { countStatements } from '../../test/statements.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import type { AppDeps } from '../context.ts';
import { listObjectives } from '../objectives/list-objectives.ts';
import { getAlignmentMapJson } from './get-alignment-map.ts';

interface MapBody {
  themes: { id: string; name: string }[];
  objectives: {
    id: string;
    status: string;
    progress: number;
    supports: string[];
    ownerName: string;
    supportsKeyResultIds?: string[];
    keyResultsSupported?: { id: string; title: string }[];
    themeIndexes?: number[];
  }[];
}

/** A deterministic pseudo-random sequence, so every run builds the same organisation. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A year and a quarter with `size` team objectives (each with key results) and as many people's. */
async function organisation(db: Db, size: number, seed = 1) {
  const rnd = random(seed);
  const { org, owner } = await createOrg(db);
  const year = await createCycle(db, org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const cycle = await createCycle(db, org.id, { parentId: year.id });
  const top = await createObjective(db, org.id, year.id);
  // Two strategy themes, both served by the organisation's objective and now and then by a team's.
  const themes = await db
    .insert(strategyThemes)
    .values([
      { orgId: org.id, name: 'Belysning som tjänst', position: 0 },
      { orgId: org.id, name: 'Nära kunden', position: 1 },
    ])
    .returning();
  const serve = (objectiveId: string, theme: { id: string } | undefined) =>
    theme && db.insert(objectiveThemes).values({ orgId: org.id, objectiveId, themeId: theme.id });
  for (const theme of themes) await serve(top.id, theme);
  const unit = await createUnit(db, org.id);
  const member = await createMember(db, org.id, 'member');
  await addToUnit(db, org.id, unit.id, member.id, 'member');
  const metrics = ['increase_to', 'decrease_to', 'stay_at_or_above', 'stay_at_or_below', 'milestone'] as const;
  for (let i = 0; i < size; i++) {
    const team = await createObjective(
      db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: unit.id },
      // Now and then the owner's own status, which wins over the suggestion.
      { status: rnd() < 0.2 ? 'at_risk' : null },
    );
    await db.insert(alignments).values({ orgId: org.id, objectiveId: team.id, supportsId: top.id });
    if (rnd() < 0.3) await serve(team.id, themes[Math.floor(rnd() * themes.length)]);
    const teamKeyResults = [];
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
      const metric = metrics[Math.floor(rnd() * metrics.length)] ?? 'increase_to';
      const kr = await createKeyResult(db, org.id, team.id, {
        metric,
        startValue: metric === 'decrease_to' ? 100 : 0,
        targetValue: metric === 'decrease_to' ? 20 : metric === 'milestone' ? 1 : 100,
        currentValue: metric === 'milestone' ? Math.round(rnd()) : Math.round(rnd() * 120),
        weight: Math.floor(rnd() * 3),
        confidence: rnd() < 0.2 ? null : Math.floor(rnd() * 11),
        archivedAt: rnd() < 0.1 ? new Date() : null,
      });
      teamKeyResults.push(kr);
    }
    const own = await createObjective(db, org.id, cycle.id, { level: 'person', personId: member.id });
    await db.insert(alignments).values({ orgId: org.id, objectiveId: own.id, supportsId: team.id });
    // Each person supports the team's first key result: the links to key results cost no statement.
    const [first] = teamKeyResults;
    if (first) {
      await db
        .insert(keyResultAlignments)
        .values({ orgId: org.id, objectiveId: own.id, supportsId: team.id, keyResultId: first.id });
    }
  }
  return { org, owner, member, cycle, year };
}

describe('the alignment map', () => {
  it('takes the same statements for a cycle of 1 objective and one of 50, themes and all', async () => {
    const { db } = await testDatabase();
    const perCall = [];
    for (const size of [1, 50]) {
      const { org, owner, cycle } = await organisation(db, size);
      const counting = countStatements(db);
      const deps: AppDeps = { db: counting.db, now: () => new Date('2026-05-15T10:00:00Z') };
      const body = JSON.parse(
        await getAlignmentMapJson(deps, { accountId: owner.id }, org.id, { cycleId: cycle.id }),
      ) as MapBody;
      expect(body.objectives).toHaveLength(1 + size * 2);
      const rows = body.objectives.flatMap((o) => o.keyResultsSupported ?? []);
      const links = body.objectives.flatMap((o) => o.supportsKeyResultIds ?? []);
      expect(rows.length).toBeGreaterThan(0);
      expect(links.sort()).toEqual(rows.map((r) => r.id).sort());
      expect(body.themes.map((t) => t.name)).toEqual(['Belysning som tjänst', 'Nära kunden']);
      expect(body.objectives[0]?.themeIndexes).toEqual([0, 1]);
      perCall.push(counting.statements());
    }
    // The caller's membership (cached by the server) and the map.
    expect(perCall).toEqual([2, 2]);
  });

  it('has the status and progress the objectives list computes from the key results, at any time', async () => {
    const { db } = await testDatabase();
    const { org, member, cycle, year } = await organisation(db, 40, 7);
    const caller = { accountId: member.id };
    const statuses = new Set<string>();
    for (const now of [
      '2026-03-01T00:00:00Z',
      '2026-04-20T13:37:00Z',
      '2026-05-16T00:00:00Z',
      '2026-06-30T23:00:00Z',
    ]) {
      const deps: AppDeps = { db, now: () => new Date(now) };
      const map = JSON.parse(await getAlignmentMapJson(deps, caller, org.id, { cycleId: cycle.id })) as MapBody;
      const listed = [
        ...(await listObjectives(deps, caller, org.id, { cycleId: year.id, level: 'organization', limit: 200 })).items,
        ...(await listObjectives(deps, caller, org.id, { cycleId: cycle.id, limit: 200 })).items,
      ];
      expect(map.objectives.map((o) => o.id)).toEqual(listed.map((o) => o.id));
      for (const [i, item] of listed.entries()) {
        const drawn = map.objectives[i];
        expect(drawn?.status, `${now} ${item.title}`).toBe(item.status);
        expect(drawn?.progress).toBeCloseTo(item.progress, 12);
        expect(drawn?.ownerName).toBe(item.ownerName);
        expect(drawn?.supports).toEqual(item.supports);
        statuses.add(item.status);
      }
    }
    expect([...statuses].sort()).toEqual(['at_risk', 'off_track', 'on_track']);
  });
});
