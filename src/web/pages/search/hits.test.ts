import { describe, expect, it } from 'vitest';
import { hitGroups } from './hits.ts';

const ORG = 'o1';
const words = {
  objective: (hit: { ownerName: string; cycleName: string }) => `${hit.ownerName} · ${hit.cycleName}`,
  keyResult: (hit: { objectiveTitle: string }) => `in ${hit.objectiveTitle}`,
  unit: (hit: { kind: string }) => hit.kind,
};

describe('hitGroups', () => {
  it('orders the groups, leaves out empty ones and gives each hit its page', () => {
    const groups = hitGroups(
      ORG,
      'me',
      {
        objectives: [],
        keyResults: [{ id: 'k1', title: '300 leads', objectiveId: 'x1', objectiveTitle: 'Grow' }],
        units: [{ id: 'u1', name: 'Sales', kind: 'team' }],
        people: [
          { accountId: 'me', name: 'Me Myself', email: 'me@example.test' },
          { accountId: 'p2', name: 'Anna', email: 'anna@example.test' },
        ],
      },
      words,
    );
    expect(groups.map((g) => g.kind)).toEqual(['keyResults', 'units', 'people']);
    expect(groups.flatMap((g) => g.options.map((o) => [o.label, o.detail, o.path]))).toEqual([
      ['300 leads', 'in Grow', '/orgs/o1/objectives/x1#kr-k1'],
      ['Sales', 'team', '/orgs/o1/units/u1'],
      ['Me Myself', 'me@example.test', '/orgs/o1/me'],
      ['Anna', 'anna@example.test', '/orgs/o1/people/p2'],
    ]);
  });

  it('keeps an objective and a key result with the same id apart', () => {
    const groups = hitGroups(
      ORG,
      undefined,
      {
        objectives: [{ id: 'same', title: 'A', level: 'unit', ownerName: 'Team', cycleId: 'c', cycleName: 'Q2' }],
        keyResults: [{ id: 'same', title: 'B', objectiveId: 'other', objectiveTitle: 'C' }],
        units: [],
        people: [],
      },
      words,
    );
    const keys = groups.flatMap((g) => g.options.map((o) => o.key));
    expect(new Set(keys).size).toBe(2);
    expect(groups[0]?.options[0]?.detail).toBe('Team · Q2');
  });
});
