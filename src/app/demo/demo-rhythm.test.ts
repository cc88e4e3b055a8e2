// The demo gives "My week" something to do: Sara owes check-ins on her own objective.
import { describe, expect, it } from 'vitest';
import { isCheckInDue } from '../../core/check-in-due.ts';
import { buildDemoRows } from './seed-demo.ts';

describe('the demo’s check-in rhythm', () => {
  it.each(['2026-05-15T10:00:00Z', '2026-11-30T08:00:00Z', '2026-02-20T12:00:00Z'])(
    'leaves Sara three key results due in the active quarter, and others up to date (%s)',
    (iso) => {
      const now = new Date(iso);
      const rows = buildDemoRows(now, 'not-a-hash');
      const sara = rows.accounts.find((a) => a.email === 'sara@example.com');
      const quarter = rows.cycles.find((c) => c.parentId !== null && c.status === 'active');
      const inQuarter = new Set(rows.objectives.filter((o) => o.cycleId === quarter?.id).map((o) => o.id));
      const hers = rows.keyResults.filter((kr) => kr.ownerId === sara?.id && inQuarter.has(kr.objectiveId));
      const due = hers.filter((kr) => isCheckInDue(kr.lastCheckInAt ?? null, kr.createdAt ?? now, 7, now, false));
      expect(due.map((kr) => kr.title).sort()).toEqual([
        'E-post genererar 100 anmälningar',
        'Sociala medier genererar 100 anmälningar',
        'Varje säljare bjuder in minst 10 kunder',
      ]);
      expect(hers.length).toBeGreaterThan(due.length);
    },
  );
});
